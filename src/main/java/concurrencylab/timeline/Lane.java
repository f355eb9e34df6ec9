package concurrencylab.timeline;

import java.util.Arrays;

/**
 * One row of a {@link Timeline}: a thread, a worker process, a coroutine, a client or the loop, with its intervals
 * (a {@link LaneState} from one instant to another) and its instants (a {@link Mark}), all in
 * {@link System#nanoTime()} units.
 *
 * <p>One writer at a time: a lane is written by the thread it stands for (or by the one thread that drives it, like
 * the loop thread for a coroutine), so writing takes no lock. The writer appends into a preallocated buffer and then
 * publishes the buffer's new count (a volatile write); a reader reads the buffer reference, then its count, and sees
 * every event below it. When the buffer is full the writer asks the timeline for more room (an atomic add on the run's
 * budget); when the budget is spent it compacts the buffer into a new one, merging neighbouring intervals pairwise
 * (the longer one's state wins) and dropping instants, and counts what it merged. A reader holding the old buffer
 * still sees a consistent (older) picture.
 */
public final class Lane {

    static final int MARK_BASE = 1000;
    private static final int INITIAL_CAPACITY = 64;

    /**
     * The events: one array per field, the first {@code count} valid. Replaced, never resized in place; its count is
     * set before it is published, so a reader never sees a count beyond what its own arrays hold.
     */
    private static final class Buffer {
        final long[] starts;
        final long[] ends;
        final short[] kinds;
        final int[] details;
        volatile int count;

        Buffer(int capacity) {
            starts = new long[capacity];
            ends = new long[capacity];
            kinds = new short[capacity];
            details = new int[capacity];
        }

        int capacity() {
            return starts.length;
        }

        Buffer grown(int capacity) {
            Buffer next = new Buffer(capacity);
            int n = count;
            System.arraycopy(starts, 0, next.starts, 0, n);
            System.arraycopy(ends, 0, next.ends, 0, n);
            System.arraycopy(kinds, 0, next.kinds, 0, n);
            System.arraycopy(details, 0, next.details, 0, n);
            next.count = n;
            return next;
        }
    }

    private final Timeline timeline;
    private final String group;
    private final String name;
    private volatile Buffer buffer;
    private volatile long merged;

    Lane(Timeline timeline, String group, String name) {
        this.timeline = timeline;
        this.group = group;
        this.name = name;
        this.buffer = new Buffer(timeline.reserve(INITIAL_CAPACITY, 8));
    }

    public String group() {
        return group;
    }

    public String name() {
        return name;
    }

    /** This lane was in {@code state} from {@code startNanos} to {@code endNanos}; {@code detail} e.g. a task index. */
    public void interval(LaneState state, long startNanos, long endNanos, int detail) {
        append(startNanos, Math.max(startNanos, endNanos), (short) state.ordinal(), detail);
    }

    public void interval(LaneState state, long startNanos, long endNanos) {
        interval(state, startNanos, endNanos, -1);
    }

    /** {@code mark} happened at {@code atNanos}; {@code detail} e.g. a task index, or -1. */
    public void instant(Mark mark, long atNanos, int detail) {
        append(atNanos, atNanos, (short) (MARK_BASE + mark.ordinal()), detail);
    }

    public void instant(Mark mark, long atNanos) {
        instant(mark, atNanos, -1);
    }

    private void append(long start, long end, short kind, int detail) {
        if (!timeline.isRecording()) {
            return;
        }
        Buffer b = buffer;
        if (b.count == b.capacity()) {
            b = makeRoom(b);
        }
        int n = b.count;
        b.starts[n] = start;
        b.ends[n] = end;
        b.kinds[n] = kind;
        b.details[n] = detail;
        b.count = n + 1; // publishes the event
    }

    private Buffer makeRoom(Buffer full) {
        int more = timeline.reserve(full.capacity(), 0);
        Buffer next = more > 0 ? full.grown(full.capacity() + more) : compacted(full);
        buffer = next;
        return next;
    }

    /** Halves the events: instants go, neighbouring intervals merge pairwise. Keeps the capacity. */
    private Buffer compacted(Buffer full) {
        int n = full.count;
        Buffer next = new Buffer(full.capacity());
        int kept = 0;
        int pending = -1;
        for (int i = 0; i < n; i++) {
            if (full.kinds[i] >= MARK_BASE) {
                continue;
            }
            if (pending < 0) {
                pending = i;
                continue;
            }
            long a = full.ends[pending] - full.starts[pending];
            long b = full.ends[i] - full.starts[i];
            int winner = b > a ? i : pending;
            next.starts[kept] = Math.min(full.starts[pending], full.starts[i]);
            next.ends[kept] = Math.max(full.ends[pending], full.ends[i]);
            next.kinds[kept] = full.kinds[winner];
            next.details[kept] = full.details[winner];
            kept++;
            pending = -1;
        }
        if (pending >= 0) {
            next.starts[kept] = full.starts[pending];
            next.ends[kept] = full.ends[pending];
            next.kinds[kept] = full.kinds[pending];
            next.details[kept] = full.details[pending];
            kept++;
        }
        merged += n - kept;
        next.count = kept;
        return next;
    }

    /** The events recorded so far, times from {@code origin}; safe from any thread. */
    TimelineSnapshot.LaneView view(long origin) {
        Buffer b = buffer;
        int n = b.count;
        long[] starts = new long[n];
        long[] ends = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = b.starts[i] - origin;
            ends[i] = b.ends[i] - origin;
        }
        return new TimelineSnapshot.LaneView(group, name, starts, ends, Arrays.copyOf(b.kinds, n),
                Arrays.copyOf(b.details, n), merged);
    }
}
