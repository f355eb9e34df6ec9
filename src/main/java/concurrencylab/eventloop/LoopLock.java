package concurrencylab.eventloop;

/**
 * A lock the loop thread holds while it runs callbacks and lets go of while it waits in select: how a Python event
 * loop lives with the GIL (CPython releases it around every blocking system call, epoll included, and checks
 * between bytecodes whether another thread asked for it). The loop calls these on its own thread; {@link #NONE}, the
 * default, does nothing.
 */
public interface LoopLock {

    LoopLock NONE = new LoopLock() {
    };

    /** The loop is about to wait in select: let go of the lock. */
    default void beforeSelect() {
    }

    /** Select returned: take the lock back before any callback runs; may wait for it. */
    default void afterSelect() throws InterruptedException {
    }

    /** Between two callbacks: hand the lock over if another thread asked for it, and take it back. */
    default void betweenCallbacks() throws InterruptedException {
    }
}
