package concurrencylab.experiment;

/**
 * Whether N waits overlapped: the rule of the verdicts that tasks waiting at once finish in about the time of the
 * waits one of them makes, not of all of them (C6 and C11). Two-sided: the wall time must stay within
 * {@link #IDEAL_FACTOR} of the ideal (every task waiting at once) and clearly under the one-after-another time,
 * which a serial run can never beat, however few the tasks.
 */
public final class Overlap {

    /** Wall time counts as "about the ideal" up to this many times it. */
    public static final double IDEAL_FACTOR = 3.0;
    /** And it must be at most this fraction of the one-after-another time. */
    public static final double SEQUENTIAL_FRACTION = 0.75;

    private Overlap() {
    }

    /**
     * @param wallSeconds       what the waits took
     * @param idealSeconds      what they take if every task waits at once
     * @param sequentialSeconds what they take one after another
     */
    public static boolean shown(double wallSeconds, double idealSeconds, double sequentialSeconds) {
        return idealSeconds > 0 && wallSeconds <= IDEAL_FACTOR * idealSeconds
                && wallSeconds <= SEQUENTIAL_FRACTION * sequentialSeconds;
    }

    /** Waits in progress at once on average: the one-after-another time over the wall time. */
    public static double atOnce(double wallSeconds, double sequentialSeconds) {
        return wallSeconds > 0 ? sequentialSeconds / wallSeconds : 0;
    }
}
