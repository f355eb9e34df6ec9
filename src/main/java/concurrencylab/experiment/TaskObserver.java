package concurrencylab.experiment;

import concurrencylab.timeline.Lane;

/**
 * Sees every task a {@link Trial} runs, on the task's own thread, as it starts and ends: the one hook where per-task
 * events are recorded (the run's task metrics today). Must be cheap and must not block: it runs inside the measured
 * phase.
 */
public interface TaskObserver {

    TaskObserver NONE = new TaskObserver() {
    };

    /** A phase of {@code tasks} tasks is about to be submitted, on the thread that submits them. */
    default void phase(int tasks) {
    }

    /** Task {@code index} started on the current thread; both instants in {@link System#nanoTime()} units. */
    default void started(int index, long submittedNanos, long startedNanos) {
    }

    /**
     * The timeline lane of task {@code index} of the current phase, where its own steps can be drawn (a client's
     * connect and requests), or null when it has none (not sampled, or nothing records). Write it from the task's
     * thread only.
     */
    default Lane taskLane(int index) {
        return null;
    }

    /** Task {@code index} ended on the current thread; {@code completed} is false when it threw or was interrupted. */
    default void ended(int index, Trial.Timing timing, boolean completed) {
    }
}
