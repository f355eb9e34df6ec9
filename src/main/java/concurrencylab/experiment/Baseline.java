package concurrencylab.experiment;

/**
 * The sequential reference a concurrent phase is compared with.
 *
 * @param wallNanos the time the tasks took, or would take, one after another on one thread
 * @param method    "measured" when it was run, or a sentence saying how it was estimated
 */
public record Baseline(long wallNanos, String method) {

    public static final String MEASURED = "measured";
    /** Why a baseline is estimated rather than measured, said after how. */
    public static final String TOO_LONG = " (running the tasks one by one would exceed "
            + "lab.limits.max-measured-baseline)";
    /** What a verdict that needs a speedup says when the run had none. */
    public static final String NONE = "baseline=false, so there is no one-thread time to compare with; run it with "
            + "baseline=true";

    public static Baseline measured(long wallNanos) {
        return new Baseline(wallNanos, MEASURED);
    }

    public static Baseline estimated(long wallNanos, String how) {
        return new Baseline(wallNanos, how);
    }

    public boolean isMeasured() {
        return MEASURED.equals(method);
    }
}
