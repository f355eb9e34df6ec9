package concurrencylab.experiment;

import concurrencylab.timeline.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadFactory;

/**
 * What the run machinery gives an experiment while it runs: progress reporting, the deadline, cancellation,
 * named threads and task metrics. Safe to call from any thread of the run.
 */
public interface RunContext {

    String runId();

    /** Sets how many steps the run has in all (progress "total"). */
    void setTotal(long total);

    /** One more step done. */
    void advance();

    /** True once the run was cancelled or passed its deadline; the experiment should stop and throw. */
    boolean isStopRequested();

    /** Throws {@link InterruptedException} when a stop was requested or the thread was interrupted. */
    default void throwIfStopped() throws InterruptedException {
        if (isStopRequested() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("run stopped");
        }
    }

    Instant deadline();

    /** Time left until the deadline, never negative. */
    default Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How long to wait for something: {@code cap}, or the time left if that is shorter; at least 1 ms. */
    default Duration waitAtMost(Duration cap) {
        Duration left = remaining();
        Duration shorter = cap.compareTo(left) <= 0 ? cap : left;
        return shorter.isZero() ? Duration.ofMillis(1) : shorter;
    }

    /**
     * Registers an action to run once when a stop is requested (cancel, deadline or shutdown), on the thread
     * that requests it: close what a blocked task waits on, shut a pool down. Runs at once if a stop was
     * already requested.
     */
    void onStop(Runnable action);

    /**
     * A factory of platform threads named {@code lab-run-<first 8 of the run id>-<role>-<n>}, so that a leak is easy
     * to spot (the leak probe looks for that prefix).
     */
    ThreadFactory platformThreads(String role);

    /** The same names for virtual threads. */
    ThreadFactory virtualThreads(String role);

    /**
     * Where this run's tasks are reported as they start and end: lab.task.queued and lab.task.duration, and each
     * task's queue wait and run on the timeline.
     */
    TaskObserver tasks();

    /**
     * The address of the picture of one part of this run's timeline (a {@link Timeline#section}, e.g. a compare cell),
     * for a link in the run's result; null where the run is not served (a run outside the service).
     */
    default String timelineLink(String part) {
        return null;
    }

    /** This run's timeline, where its lanes record what each thread, process, coroutine or client did. */
    default Timeline timeline() {
        return Timeline.off();
    }
}
