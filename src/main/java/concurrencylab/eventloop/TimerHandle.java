package concurrencylab.eventloop;

/**
 * A callback due at a {@link System#nanoTime()} instant; ordered by that instant, then by scheduling order.
 * Cancelling it tells its loop, which purges the heap once cancelled timers are half of it.
 *
 * <p>{@code scheduled} (in the loop's heap) and {@code countedAsCancelled} are owned by the loop thread.
 */
public final class TimerHandle extends Handle implements Comparable<TimerHandle> {

    final long when;
    private final long sequence;
    private final EventLoop loop;
    boolean scheduled = true;
    boolean countedAsCancelled;
    /** The future this timer completes, which names it in a recording ("timer: sleep 50 ms"); may be null. */
    LoopFuture<?> completes;

    TimerHandle(EventLoop loop, long when, long sequence, Runnable callback, String name) {
        super(callback, name);
        this.loop = loop;
        this.when = when;
        this.sequence = sequence;
    }

    @Override
    public void cancel() {
        if (!isCancelled()) {
            super.cancel();
            loop.timerCancelled(this);
        }
    }

    @Override
    String name() {
        return completes != null ? "timer: " + completes.describe() : super.name();
    }

    @Override
    public int compareTo(TimerHandle other) {
        int byTime = Long.compare(when, other.when);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
