package concurrencylab.eventloop;

/** Told what an {@link EventLoop} does, on the loop thread; metrics listen here, so the loop knows none. */
public interface LoopObserver {

    LoopObserver NONE = new LoopObserver() {
    };

    /** One pass ran {@code callbacks} callbacks; its first due timer ran {@code lagNanos} late (-1: none was due). */
    default void iteration(int callbacks, long lagNanos) {
    }

    /**
     * One pass's times ({@link System#nanoTime()}): it waited in select from {@code selectStart} to {@code selectEnd}
     * and ran its {@code callbacks} callbacks from {@code callbacksStart} to {@code passEnd}.
     */
    default void pass(long selectStart, long selectEnd, long callbacksStart, long passEnd, int callbacks) {
    }

    /** A callback held the loop for {@code nanos}, more than the slow-callback threshold. */
    default void slowCallback(String name, long nanos) {
    }
}
