package concurrencylab.gil;

/**
 * Told of what happens to a {@link GlobalInterpreterLock}: metrics, timelines and benchmarks listen here, so the lock
 * itself knows nothing of them. Called on the thread the event is about (the one that acquired, released, asked or
 * blocked), outside the lock's mutex unless said; must be cheap and never block.
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

    /** The calling thread released the lock for {@code reason} after holding it for {@code heldNanos}. */
    default void released(SwitchReason reason, long heldNanos) {
    }

    /**
     * The calling thread, released by a forced switch, waited {@code nanos} until another thread had taken the lock
     * (it then queues for the lock again).
     */
    default void handedOver(long nanos) {
    }

    /** The calling thread, a waiter, asked the holder to drop the lock. Called under the lock's mutex. */
    default void dropRequested() {
    }

    /** The calling thread ran a blocking operation for {@code nanos} with the lock released (I/O, sleep). */
    default void blocked(long nanos) {
    }
}
