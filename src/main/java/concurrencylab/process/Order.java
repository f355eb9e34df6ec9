package concurrencylab.process;

import java.time.Duration;

/** What the service orders a worker process to do: one per worker, encoded by {@link WorkerProtocol}. */
public sealed interface Order {

    /**
     * Compute {@code tasks} tasks of {@code taskTime} each with the service's calibration, under a simulated GIL of the
     * worker's own when {@code gil}.
     */
    record Compute(int tasks, Duration taskTime, long roundsPerMs, boolean gil, Duration switchInterval)
            implements Order {
    }

    /** Sleep {@code tasks} times for {@code taskTime}. */
    record Sleep(int tasks, Duration taskTime) implements Order {
    }

    /**
     * {@code ops} round trips to the lab's echo server on {@code port} of the loopback address (the service started
     * it; never a user's port), over one connection: with one op, at once; with more, op k is due
     * {@code (k + 1) x period} after the start (after one untimed round trip that sets the connection up), and its
     * latency counts from when it was due, so a worker held up is seen waiting.
     */
    record Echo(int ops, int port, Duration period) implements Order {
    }

    /** Count {@code increments} times in the worker's own {@link ProcessCounter}, reporting what it saw there first. */
    record Count(long increments) implements Order {
    }

    /** For the tests of what a broken worker looks like: misbehave instead of working. */
    record Misbehave(Fault fault) implements Order {
    }

    /** How a broken worker misbehaves. */
    enum Fault {
        /** Exit with code 1 before answering. */
        CRASH,
        /** Never answer. */
        HANG,
        /** Answer with a line that is no message. */
        GARBAGE
    }
}
