package concurrencylab.experiment;

import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * The measuring skeleton every experiment that runs tasks shares, so its stop and progress rules are written once:
 * {@link #plan} sets the progress total and decides whether the sequential baseline is measured (it fits
 * {@code lab.limits.max-measured-baseline}) or estimated; {@link #run} submits N tasks at once to an executor, times
 * each one and the whole phase, waits within the run's deadline, shuts the executor down after (and at once on a
 * stop); {@link #baseline} then runs the same tasks one after another on the calling thread, or says how it was
 * estimated. Every task is reported to the run's {@link TaskObserver}: the one hook where per-task events are seen.
 *
 * <p>Not thread-safe: one experiment's run thread plans and runs its phases one after another.
 */
public final class Trial {

    /** A task body; {@code index} is its number in the phase. */
    @FunctionalInterface
    public interface Body {
        void run(int index) throws Exception;
    }

    /** One task's three instants, in {@link System#nanoTime()} units. */
    public record Timing(long submitted, long started, long ended) {

        public long queuedNanos() {
            return started - submitted;
        }

        public long executedNanos() {
            return ended - started;
        }

        /** From submission to the end: what the task's caller waited. */
        public long latencyNanos() {
            return ended - submitted;
        }
    }

    /** One concurrent phase: its wall and CPU time, and every task's timing (by index). */
    public record Phase(Measured measured, List<Timing> timings) {

        public LatencyStats stats(ToLongFunction<Timing> part) {
            return LatencyStats.ofNanos(timings.stream().mapToLong(part).toArray());
        }

        public long sum(ToLongFunction<Timing> part) {
            return timings.stream().mapToLong(part).sum();
        }
    }

    private final RunContext context;
    private final int tasks;
    private final boolean baselineWanted;
    private final boolean measureBaseline;

    private Trial(RunContext context, int tasks, boolean baselineWanted, boolean measureBaseline) {
        this.context = context;
        this.tasks = tasks;
        this.baselineWanted = baselineWanted;
        this.measureBaseline = measureBaseline;
    }

    /**
     * Plans {@code phases} concurrent phases of {@code tasks} tasks of about {@code taskTime} each, and the baseline
     * when wanted: measured when one after another fits {@code lab.limits.max-measured-baseline}. Sets the run's
     * progress total to every task it will run.
     */
    public static Trial plan(RunContext context, LabLimits limits, int tasks, int phases, Duration taskTime,
            boolean baselineWanted) {
        boolean measure = baselineWanted
                && taskTime.multipliedBy(tasks).compareTo(limits.maxMeasuredBaseline()) <= 0;
        context.setTotal((long) tasks * (phases + (measure ? 1 : 0)));
        return new Trial(context, tasks, baselineWanted, measure);
    }

    /** A plan without a baseline: {@code phases} concurrent phases of {@code tasks} tasks. */
    public static Trial plan(RunContext context, int tasks, int phases) {
        context.setTotal((long) tasks * phases);
        return new Trial(context, tasks, false, false);
    }

    /**
     * Runs the tasks at once on {@code executor}, which this phase owns: it is shut down when the phase ends, and at
     * once when the run is stopped. The first failure cancels the rest and is thrown.
     */
    public Phase run(ExecutorService executor, Body body) throws Exception {
        context.onStop(executor::shutdownNow);
        Stopwatch stopwatch = Stopwatch.start();
        try {
            List<Timing> timings = runConcurrently(executor, body);
            return new Phase(stopwatch.stop(), timings);
        } finally {
            Pools.shutdownNow(executor);
        }
    }

    /**
     * As {@link #run}, but no task starts its body before every task has started: the threads really overlap. The
     * executor must run all the tasks at once (as many threads as tasks).
     */
    public Phase runTogether(ExecutorService executor, Body body) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks);
        return run(executor, i -> {
            ready.countDown();
            ready.await();
            body.run(i);
        });
    }

    /**
     * The sequential baseline the run asked for, after its concurrent phase: null when not wanted; measured (the same
     * tasks one by one on this thread) when it fits; else {@code estimate}, which says how it was made. Never the sum
     * of the measured task times: tasks that shared a core were stretched by it, and that sum would make a speedup no
     * core could give.
     */
    public Baseline baseline(Body body, Baseline estimate) throws Exception {
        if (!baselineWanted) {
            return null;
        }
        if (!measureBaseline) {
            return estimate;
        }
        Lane lane = context.timeline().lane("baseline", "one after another");
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            context.throwIfStopped();
            long taskStart = System.nanoTime();
            body.run(i);
            lane.interval(LaneState.RUNNING, taskStart, System.nanoTime(), i);
            context.advance();
        }
        return Baseline.measured(System.nanoTime() - start);
    }

    private List<Timing> runConcurrently(ExecutorService executor, Body body)
            throws InterruptedException, ExecutionException {
        Timing[] timings = new Timing[tasks];
        TaskObserver observer = context.tasks();
        observer.phase(tasks);
        List<Future<?>> futures = new ArrayList<>(tasks);
        try {
            for (int i = 0; i < tasks; i++) {
                int index = i;
                long submitted = System.nanoTime();
                futures.add(executor.submit(() -> {
                    long started = System.nanoTime();
                    observer.started(index, submitted, started);
                    boolean done = false;
                    try {
                        body.run(index);
                        done = true;
                    } finally {
                        Timing timing = new Timing(submitted, started, System.nanoTime());
                        timings[index] = timing;
                        observer.ended(index, timing, done);
                    }
                    context.advance();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                long left = context.remaining().toNanos();
                future.get(Math.max(1, left), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw new InterruptedException("deadline passed while tasks were running");
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return List.of(timings);
    }
}
