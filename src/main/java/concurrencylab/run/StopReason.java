package concurrencylab.run;

/** Why a run was asked to stop before it finished on its own. */
enum StopReason {
    CANCEL(RunStatus.CANCELLED, "cancelled on request"),
    DEADLINE(RunStatus.TIMED_OUT, "stopped at its deadline"),
    SHUTDOWN(RunStatus.CANCELLED, "cancelled because the service is stopping");

    final RunStatus status;
    final String message;

    StopReason(RunStatus status, String message) {
        this.status = status;
        this.message = message;
    }
}
