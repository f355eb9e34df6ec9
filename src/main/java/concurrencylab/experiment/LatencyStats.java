package concurrencylab.experiment;

import java.util.Arrays;

/**
 * Percentiles of a set of measured durations, in milliseconds (nearest-rank method).
 */
public record LatencyStats(int count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0);

    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    /** Nearest rank: the smallest value with at least p percent of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static double millis(long nanos) {
        return Numbers.round(nanos / 1e6, 3);
    }
}
