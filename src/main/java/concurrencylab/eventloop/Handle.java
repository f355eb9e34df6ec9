package concurrencylab.eventloop;

/**
 * A callback scheduled on an {@link EventLoop}, cancellable until it runs. Confined to the loop thread, except
 * {@link #cancel()}, whose flag is volatile so that any thread may cancel.
 */
public class Handle {

    final Runnable callback;
    /** A fixed name, or null: then the callback's class names it, worked out only when someone asks. */
    private final String name;
    private volatile boolean cancelled;

    Handle(Runnable callback) {
        this(callback, null);
    }

    Handle(Runnable callback, String name) {
        this.callback = callback;
        this.name = name;
    }

    /** What to call this callback in a warning or a recording; computed when asked, never on the loop's hot path. */
    String name() {
        return name != null ? name : callback.getClass().getName();
    }

    /** Runs the callback; a subclass that carries its callback otherwise runs it here. */
    void runCallback() {
        callback.run();
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
        return name();
    }
}
