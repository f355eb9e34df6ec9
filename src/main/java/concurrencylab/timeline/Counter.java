package concurrencylab.timeline;

import java.util.Arrays;

/**
 * A value sampled over a run (a worker's share of a core, tasks in flight, OS threads), drawn as a counter track.
 * One writer (the sampling thread); readers see a consistent prefix, as in {@link Lane}. Past the run's event budget
 * it keeps every other sample and counts the ones it dropped.
 */
public final class Counter {

    private static final int INITIAL_CAPACITY = 256;

    /** Samples: the first {@code count} are valid; count is set before the buffer is published. */
    private static final class Samples {
        final long[] times;
        final double[] values;
        volatile int count;

        Samples(int capacity) {
            times = new long[capacity];
            values = new double[capacity];
        }
    }

    private final Timeline timeline;
    private final String group;
    private final String name;
    private volatile Samples samples;
    private volatile long merged;

    Counter(Timeline timeline, String group, String name) {
        this.timeline = timeline;
        this.group = group;
        this.name = name;
        this.samples = new Samples(timeline.reserve(INITIAL_CAPACITY, 8));
    }

    /** The value was {@code value} at {@code atNanos}. */
    public void sample(long atNanos, double value) {
        if (!timeline.isRecording()) {
            return;
        }
        Samples s = samples;
        if (s.count == s.times.length) {
            s = makeRoom(s);
        }
        int n = s.count;
        s.times[n] = atNanos;
        s.values[n] = value;
        s.count = n + 1;
    }

    private Samples makeRoom(Samples full) {
        int capacity = full.times.length;
        int more = timeline.reserve(capacity, 0);
        Samples next = new Samples(capacity + more);
        int kept = 0;
        for (int i = 0; i < full.count; i += more > 0 ? 1 : 2) {
            next.times[kept] = full.times[i];
            next.values[kept] = full.values[i];
            kept++;
        }
        merged += full.count - kept;
        next.count = kept;
        samples = next;
        return next;
    }

    TimelineSnapshot.CounterView view(long origin) {
        Samples s = samples;
        int n = s.count;
        long[] times = Arrays.copyOf(s.times, n);
        for (int i = 0; i < n; i++) {
            times[i] -= origin;
        }
        return new TimelineSnapshot.CounterView(group, name, times, Arrays.copyOf(s.values, n), merged);
    }
}
