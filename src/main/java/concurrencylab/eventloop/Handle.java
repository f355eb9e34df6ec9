package concurrencylab.eventloop;

/**
 * A callback scheduled on an {@link EventLoop}, cancellable until it runs. Confined to the loop thread, except
 * {@link #cancel()}, whose flag is volatile so that any thread may cancel.
 */
public class Handle {

    final Runnable callback;
    final String name;
    private volatile boolean cancelled;

    Handle(Runnable callback, String name) {
        this.callback = callback;
        this.name = name;
    }

    /** The callback will not run (if it has not run yet). */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public String toString() {
        return name;
    }
}
