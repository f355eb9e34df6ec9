package concurrencylab.workload;

/**
 * Called before every tick of cpu work: where a run checks for a stop, and where a simulated interpreter
 * lock can take the processor away from one thread and give it to another.
 */
@FunctionalInterface
public interface TickHook {

    /** The default: stop (by throwing) when the thread was interrupted. */
    TickHook INTERRUPTIBLE = () -> {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cpu work interrupted");
        }
    };

    void beforeTick() throws InterruptedException;
}
