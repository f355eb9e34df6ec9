package concurrencylab.experiment;

/** Wall and CPU time of one measured phase, in nanoseconds. */
public record Measured(long wallNanos, long cpuNanos) {

    public double cpuUtilisation() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
