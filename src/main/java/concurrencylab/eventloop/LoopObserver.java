package concurrencylab.eventloop;

/** Told what an {@link EventLoop} does, on the loop thread; metrics listen here, so the loop knows none. */
public interface LoopObserver {

    LoopObserver NONE = new LoopObserver() {
    };

    /** One pass ran {@code callbacks} callbacks; its first due timer ran {@code lagNanos} late (-1: none was due). */
    default void iteration(int callbacks, long lagNanos) {
    }

    /** A callback held the loop for {@code nanos}, more than the slow-callback threshold. */
    default void slowCallback(String name, long nanos) {
    }
}
