package concurrencylab.process;

/** What a worker process says, in order: READY, then STARTED, PROGRESS after each task, and RESULT or ERROR. */
public sealed interface WorkerReply {

    /** The JVM is up and reads its order. */
    record Ready(long pid) implements WorkerReply {
    }

    /** It begins the work. */
    record Started() implements WorkerReply {
    }

    /** {@code done} tasks are done. */
    record Progress(long done) implements WorkerReply {
    }

    /**
     * The work is done.
     *
     * @param cpuNanos        the worker's CPU time while it worked
     * @param seen            what a {@link Order.Count} read in the worker's own counter before counting (0 otherwise)
     * @param count           what it read there after counting (0 otherwise)
     * @param gilAcquisitions how often the worker's own GIL was taken (0 without one)
     * @param latencyNanos    each round trip of an {@link Order.Echo}, from when it was due (empty otherwise)
     */
    record Result(long pid, long cpuNanos, long wallNanos, long seen, long count, long gilAcquisitions,
            long[] latencyNanos) implements WorkerReply {

        public Result(long pid, long cpuNanos, long wallNanos, long seen, long count, long gilAcquisitions) {
            this(pid, cpuNanos, wallNanos, seen, count, gilAcquisitions, new long[0]);
        }

        // A record compares arrays by identity; two results are equal when they say the same.
        @Override
        public boolean equals(Object other) {
            return other instanceof Result r && pid == r.pid && cpuNanos == r.cpuNanos && wallNanos == r.wallNanos
                    && seen == r.seen && count == r.count && gilAcquisitions == r.gilAcquisitions
                    && java.util.Arrays.equals(latencyNanos, r.latencyNanos);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(pid, cpuNanos, wallNanos, seen, count, gilAcquisitions)
                    + 31 * java.util.Arrays.hashCode(latencyNanos);
        }

        @Override
        public String toString() {
            return "Result[pid=" + pid + ", cpuNanos=" + cpuNanos + ", wallNanos=" + wallNanos + ", seen=" + seen
                    + ", count=" + count + ", gilAcquisitions=" + gilAcquisitions + ", latencyNanos="
                    + java.util.Arrays.toString(latencyNanos) + "]";
        }
    }

    /** The work failed; the worker exits. */
    record Failed(String message) implements WorkerReply {
    }
}
