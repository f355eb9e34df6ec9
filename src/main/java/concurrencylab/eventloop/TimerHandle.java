package concurrencylab.eventloop;

/** A callback due at a {@link System#nanoTime()} instant; ordered by that instant, then by scheduling order. */
public final class TimerHandle extends Handle implements Comparable<TimerHandle> {

    final long when;
    private final long sequence;

    TimerHandle(long when, long sequence, Runnable callback) {
        super(callback);
        this.when = when;
        this.sequence = sequence;
    }

    @Override
    public int compareTo(TimerHandle other) {
        int byTime = Long.compare(when, other.when);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
