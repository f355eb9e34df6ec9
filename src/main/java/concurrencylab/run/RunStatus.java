package concurrencylab.run;

/** Where a run is in its life; see {@link Run} for the transitions. Ordered: finished states come last. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT;

    public boolean isFinished() {
        return compareTo(SUCCEEDED) >= 0;
    }

    /** The metric tag value: lower case. */
    String outcome() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
