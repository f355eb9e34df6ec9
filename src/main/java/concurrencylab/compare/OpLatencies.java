package concurrencylab.compare;

import java.util.Arrays;

/**
 * The latencies of mixed's I/O round trips, each from when it was due: one row per I/O task, written by that task
 * alone (its thread, its coroutine on the loop thread, or the worker-result reader for a process), read once the
 * cell's tasks have all ended (the phase's join publishes the rows).
 */
final class OpLatencies {

    private final long[][] rows;

    /** The rows of a mixed cell's I/O tasks; null for the other workloads, which time no round trips. */
    static OpLatencies of(CompareWorkload workload, Setup setup) {
        return workload == CompareWorkload.MIXED ? new OpLatencies(setup.ioTasks(), setup.opsPerIoTask()) : null;
    }

    OpLatencies(int tasks, int opsPerTask) {
        rows = new long[tasks][];
        for (int t = 0; t < tasks; t++) {
            rows[t] = new long[opsPerTask];
        }
    }

    void record(int task, int op, long nanos) {
        rows[task][op] = nanos;
    }

    /** A whole row at once (a worker process reports its own). */
    void row(int task, long[] nanos) {
        rows[task] = nanos.clone();
    }

    long[] all() {
        return Arrays.stream(rows).flatMapToLong(Arrays::stream).toArray();
    }
}
