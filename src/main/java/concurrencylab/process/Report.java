package concurrencylab.process;

/** What a worker process says, in order: READY, then STARTED, PROGRESS after each task, and RESULT or ERROR. */
public sealed interface Report {

    /** The JVM is up and reads its order. */
    record Ready(long pid) implements Report {
    }

    /** It begins the work. */
    record Started() implements Report {
    }

    /** {@code done} tasks are done. */
    record Progress(long done) implements Report {
    }

    /**
     * The work is done.
     *
     * @param cpuNanos        the worker's CPU time while it worked
     * @param seen            what a {@link Order.Count} read in the worker's own counter before counting (0 otherwise)
     * @param count           what it read there after counting (0 otherwise)
     * @param gilAcquisitions how often the worker's own GIL was taken (0 without one)
     */
    record Result(long pid, long cpuNanos, long wallNanos, long seen, long count, long gilAcquisitions)
            implements Report {
    }

    /** The work failed; the worker exits. */
    record Failed(String message) implements Report {
    }
}
