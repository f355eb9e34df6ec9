package concurrencylab.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs N copies of a task and times each one: when it was submitted, when a thread started it, when it ended.
 * The concurrent form submits all tasks to an executor at once; the sequential form (the baseline) runs them
 * one after another on the calling thread.
 */
public final class TaskBatch {

    /** A task body; {@code index} is its number in the batch. */
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

    private TaskBatch() {
    }

    /**
     * Submits {@code tasks} copies of {@code body} to {@code pool} at once and waits for all of them within the
     * run's deadline. The first failure cancels the rest and is thrown. The caller owns (and shuts down) the pool.
     */
    public static List<Timing> runConcurrently(ExecutorService pool, int tasks, Body body, RunContext context)
            throws InterruptedException, ExecutionException {
        Timing[] timings = new Timing[tasks];
        List<Future<?>> futures = new ArrayList<>(tasks);
        try {
            for (int i = 0; i < tasks; i++) {
                int index = i;
                long submitted = System.nanoTime();
                futures.add(pool.submit(() -> {
                    long started = System.nanoTime();
                    body.run(index);
                    long ended = System.nanoTime();
                    timings[index] = new Timing(submitted, started, ended);
                    context.recordTask(started - submitted, ended - started);
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

    /** Runs {@code tasks} copies of {@code body} one after another on this thread: the sequential baseline. */
    public static long runSequentially(int tasks, Body body, RunContext context) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            context.throwIfStopped();
            body.run(i);
            context.advance();
        }
        return System.nanoTime() - start;
    }

    public static long[] nanos(List<Timing> timings, java.util.function.ToLongFunction<Timing> part) {
        return timings.stream().mapToLong(part).toArray();
    }

    public static long sum(List<Timing> timings, java.util.function.ToLongFunction<Timing> part) {
        return timings.stream().mapToLong(part).sum();
    }

    /** Whether running the tasks one by one (tasks x taskTime) fits lab.limits.max-measured-baseline. */
    public static boolean baselineFits(int tasks, Duration taskTime, LabLimits limits) {
        return taskTime.multipliedBy(tasks).compareTo(limits.maxMeasuredBaseline()) <= 0;
    }

    /**
     * The sequential baseline a run asked for, after its concurrent phase: null when not wanted; measured (the same
     * tasks one by one on this thread) when {@code measure}; else {@code estimate}, which says how it was made. Never
     * the sum of the measured task times: tasks that shared a core were stretched by it, and that sum would make a
     * speedup no core could give.
     */
    public static Baseline baseline(boolean wanted, boolean measure, int tasks, Body body, Baseline estimate,
            RunContext context) throws Exception {
        if (!wanted) {
            return null;
        }
        return measure ? Baseline.measured(runSequentially(tasks, body, context)) : estimate;
    }
}
