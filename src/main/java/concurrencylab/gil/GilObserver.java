package concurrencylab.gil;

/**
 * Told of what happens to a {@link GlobalInterpreterLock}: metrics and benchmarks listen here, so the lock itself
 * knows nothing of them. Called on the thread that acquired, outside the lock's mutex; must be cheap.
 */
public interface GilObserver {

    GilObserver NONE = new GilObserver() {
    };

    /** A thread took the lock after waiting {@code nanos} for it (0 when it was free). */
    default void acquired(long waitNanos) {
    }

    /**
     * The lock passed from one thread to another.
     *
     * @param reason       why the previous holder released it
     * @param handoffNanos from that release to this acquisition: what one switch costs beyond the policy's waiting
     */
    default void switched(SwitchReason reason, long handoffNanos) {
    }
}
