package concurrencylab.experiment;

/**
 * Sees every task a {@link Trial} runs, on the task's own thread, as it starts and ends: the one hook where per-task
 * events are recorded (the run's task metrics today). Must be cheap and must not block: it runs inside the measured
 * phase.
 */
public interface TaskObserver {

    TaskObserver NONE = new TaskObserver() {
    };

    /** Task {@code index} started on the current thread; both instants in {@link System#nanoTime()} units. */
    default void started(int index, long submittedNanos, long startedNanos) {
    }

    /** Task {@code index} ended on the current thread; {@code completed} is false when it threw or was interrupted. */
    default void ended(int index, Trial.Timing timing, boolean completed) {
    }
}
