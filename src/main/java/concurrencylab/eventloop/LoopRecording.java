package concurrencylab.eventloop;

import concurrencylab.timeline.StepRecord;
import concurrencylab.timeline.Timeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Records an {@link EventLoop}'s passes one by one, as the concept notes describe a pass: the ready queue as it
 * starts, the select (how long it may wait and why, how long it blocked, what the OS watched and what it reported), the
 * timers that came due, every callback it ran and how long, every task that parked and on what, every task it woke,
 * and the await tree as it ends. Kept beside the run's timeline as the step record "loop" and served by
 * {@code GET /api/runs/{id}/loop}. Passes every event on to {@code next} (the lanes, the metrics).
 *
 * <p>Bounded by the timeline's budget, counted in names (a pass is one, and one for every entry of its lists: a busy
 * pass of a thousand clients weighs hundreds, a quiet one a few): the first passes up to 40% of it, the last ones (a
 * ring) up to 40%, and up to 20% for passes between those whose callbacks held the loop longer than the slow-callback
 * threshold; the others are counted as dropped. Every list in a pass is cut at {@link #MAX_NAMES} entries, the rest
 * counted.
 *
 * <p>Threads: the loop thread builds the current pass alone ({@code current}, unshared), and publishes it at the pass's
 * end under this object's monitor, which also guards {@code head}, {@code tail}, {@code slowPasses} and the counts;
 * readers copy under it.
 */
public final class LoopRecording implements LoopObserver, StepRecord {

    /** Most names any list of one pass keeps (ready callbacks, watched sockets, tasks...). */
    public static final int MAX_NAMES = 64;
    /**
     * How many timeline events one kept name is worth, to size the record by the timeline's budget: a name ("client
     * 17's socket: read") takes about four times an event's memory.
     */
    static final int EVENTS_PER_NAME = 4;

    private final LoopObserver next;
    private final long origin;
    /** How many names (entries of a pass's lists, and one for the pass) the first, the last and the slow passes keep. */
    private final long headBudget;
    private final long tailBudget;
    private final long slowBudget;

    /** The pass being built; loop thread only. */
    private PassBuilder current;

    // guarded by this
    private final List<Pass> head = new ArrayList<>();
    private final ArrayDeque<Pass> tail = new ArrayDeque<>();
    private final List<Pass> slowPasses = new ArrayList<>();
    private long total;
    private long dropped;
    private long headNames;
    private long tailNames;
    private long slowNames;
    /** The first pass that did not fit the head has come: every later one goes to the tail, in order. */
    private boolean headFull;

    private LoopRecording(LoopObserver next, long origin, long names) {
        this.next = next;
        this.origin = origin;
        this.headBudget = names * 2 / 5;
        this.tailBudget = names * 2 / 5;
        this.slowBudget = names - headBudget - tailBudget;
    }

    /**
     * {@code next}, and a recording kept on {@code timeline} as "loop" (in its current section) when it records; it
     * keeps at most {@code budget / 4} names in all (at least 5,000): as much memory as the timeline's own events. One
     * loop per timeline part: a second loop replaces the first's record.
     */
    public static LoopObserver of(Timeline timeline, LoopObserver next) {
        if (!timeline.isRecording()) {
            return next;
        }
        // Times from the section's start, as the section's own picture draws them (a compare cell's loop from 0).
        LoopRecording recording = new LoopRecording(next, timeline.sectionStartNanos(),
                Math.max(5_000, timeline.budget() / EVENTS_PER_NAME));
        timeline.keep(StepRecord.LOOP, recording);
        return recording;
    }

    /**
     * A recording of its own, not kept on a timeline (tests, benchmarks): keeps passes worth up to {@code names}
     * names (a pass is worth one, and one for every entry of its lists).
     */
    public static LoopRecording keeping(long names, LoopObserver next) {
        return new LoopRecording(next, System.nanoTime(), names);
    }

    @Override
    public boolean recordsPasses() {
        return true;
    }

    @Override
    public void passStarted(long index, long atNanos, List<String> ready) {
        current = new PassBuilder(index, (atNanos - origin) / 1e6, ready);
    }

    @Override
    public void selected(long timeoutMillis, String why, long blockedNanos, List<String> watching,
            List<String> reported) {
        if (current != null) {
            current.select = new Select(timeoutMillis < 0 ? null : timeoutMillis, why, blockedNanos / 1e6,
                    capped(watching), capped(reported));
        }
    }

    @Override
    public void timersDue(List<String> timers) {
        if (current != null) {
            current.timers.addAll(capped(timers));
        }
    }

    @Override
    public void callbackRan(Handle callback, long nanos) {
        if (current != null && current.ran.size() < MAX_NAMES) {
            current.ran.add(new Ran(callback.name(), nanos / 1e6));
        } else if (current != null) {
            current.moreRan++;
        }
    }

    @Override
    public void parked(String task, LoopFuture<?> on) {
        if (current != null && current.parked.size() < MAX_NAMES) {
            current.parked.add(new Parked(task, on.describe()));
        }
    }

    @Override
    public void woke(String task) {
        if (current != null && current.woke.size() < MAX_NAMES) {
            current.woke.add(task);
        }
    }

    @Override
    public void slowCallback(String name, long nanos) {
        next.slowCallback(name, nanos);
        if (current != null) {
            current.slow = true;
        }
    }

    @Override
    public void passEnded(List<TaskState> tasks, int moreTasks) {
        PassBuilder pass = current;
        current = null;
        if (pass != null) {
            publish(pass.build(tasks, moreTasks));
        }
    }

    @Override
    public void iteration(int callbacks, long lagNanos) {
        next.iteration(callbacks, lagNanos);
    }

    @Override
    public void pass(long selectStart, long selectEnd, long callbacksStart, long passEnd, int callbacks) {
        next.pass(selectStart, selectEnd, callbacksStart, passEnd, callbacks);
    }

    private synchronized void publish(Pass pass) {
        total++;
        int names = pass.names();
        if (!headFull && (head.isEmpty() || headNames + names <= headBudget)) {
            head.add(pass);
            headNames += names;
            return;
        }
        headFull = true;
        tail.addLast(pass);
        tailNames += names;
        while (tailNames > tailBudget && tail.size() > 1) {
            Pass leaving = tail.removeFirst();
            int leavingNames = leaving.names();
            tailNames -= leavingNames;
            if (leaving.slow() && slowNames + leavingNames <= slowBudget) {
                slowPasses.add(leaving);
                slowNames += leavingNames;
            } else {
                dropped++;
            }
        }
    }

    @Override
    public synchronized Page page(long from, int limit) {
        List<Pass> kept = new ArrayList<>(head.size() + slowPasses.size() + tail.size());
        kept.addAll(head);
        kept.addAll(slowPasses);
        kept.addAll(tail);
        kept.sort(Comparator.comparingLong(Pass::index));
        List<Pass> page = kept.stream().filter(p -> p.index() >= from).limit(limit).toList();
        return new Page(total, kept.size(), dropped, String.format(Locale.ROOT, "the first passes and the last ones, "
                + "up to %,d names each (a pass counts one, and one for every entry of its lists), and slow ones "
                + "between them (a callback held the loop past the slow-callback threshold) up to %,d names",
                headBudget, slowBudget), page);
    }

    private static List<String> capped(List<String> names) {
        if (names == null || names.size() <= MAX_NAMES) {
            return names == null ? List.of() : names;
        }
        List<String> cut = new ArrayList<>(names.subList(0, MAX_NAMES));
        cut.add("and " + (names.size() - MAX_NAMES) + " more");
        return cut;
    }

    /**
     * One pass of the loop, as the JSON of {@code /api/runs/{id}/loop} shows it.
     *
     * @param atMs      when it started, from the run's start
     * @param ready     the callbacks ready as it started, before it selected
     * @param select    its select
     * @param timers    the timers that came due
     * @param ran       the callbacks it ran, in order, and for how long (the first {@link #MAX_NAMES})
     * @param moreRan   callbacks it ran beyond those listed
     * @param parked    the tasks that suspended in it, and on what
     * @param woke      the tasks whose awaited future completed in it (they step in the next pass)
     * @param tasks     the await tree as it ended: every pending task (at most {@link #MAX_NAMES}) and what it awaits
     * @param moreTasks pending tasks beyond those listed
     * @param slow      whether one of its callbacks held the loop past the slow-callback threshold
     */
    public record Pass(long index, double atMs, List<String> ready, Select select, List<String> timers, List<Ran> ran,
            int moreRan, List<Parked> parked, List<String> woke, List<TaskState> tasks, int moreTasks, boolean slow) {

        /** What it weighs in the budget: one, and one per entry of its lists (two for a parked or pending task). */
        int names() {
            int watched = select == null ? 0 : select.watching().size() + select.ready().size();
            return 1 + ready.size() + watched + timers.size() + ran.size() + 2 * parked.size() + woke.size()
                    + 2 * tasks.size();
        }
    }

    /** The pass being recorded; the loop thread's alone until {@link #build} hands it over as a {@link Pass}. */
    private static final class PassBuilder {
        private final long index;
        private final double atMs;
        private final List<String> ready;
        private Select select;
        private final List<String> timers = new ArrayList<>();
        private final List<Ran> ran = new ArrayList<>();
        private int moreRan;
        private final List<Parked> parked = new ArrayList<>();
        private final List<String> woke = new ArrayList<>();
        private boolean slow;

        PassBuilder(long index, double atMs, List<String> ready) {
            this.index = index;
            this.atMs = Math.round(atMs * 1000) / 1000.0;
            this.ready = ready;
        }

        Pass build(List<TaskState> tasks, int moreTasks) {
            return new Pass(index, atMs, List.copyOf(ready), select, List.copyOf(timers), List.copyOf(ran), moreRan,
                    List.copyOf(parked), List.copyOf(woke), List.copyOf(tasks), moreTasks, slow);
        }
    }

    /**
     * A pass's select.
     *
     * @param timeoutMs how long it could wait, in milliseconds: 0 only looked; absent (null) waited until woken
     * @param why       why that long
     * @param blockedMs how long it actually waited
     * @param watching  what the OS watched: "label: ops"
     * @param ready     what the OS reported ready: "label: ops"
     */
    public record Select(Long timeoutMs, String why, double blockedMs, List<String> watching, List<String> ready) {

        public Select {
            blockedMs = Math.round(blockedMs * 1000) / 1000.0;
        }
    }

    /** A callback the pass ran, and for how long. */
    public record Ran(String what, double ms) {

        public Ran {
            ms = Math.round(ms * 1000) / 1000.0;
        }
    }

    /** A task that suspended in the pass, and what it awaits. */
    public record Parked(String task, String on) {
    }
}
