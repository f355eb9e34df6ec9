package concurrencylab.compare;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** A way of running a set of tasks: the matrix's rows, each with its Python counterpart. */
public enum Model implements Tagged {
    /** One thread, one task after another: every column's baseline. */
    @JsonProperty("sequential") SEQUENTIAL("a plain loop", false),
    /** A platform thread per task, no GIL. */
    @JsonProperty("threads") THREADS("free-threaded CPython, the JVM", true),
    /** A virtual thread per task. */
    @JsonProperty("virtual-threads") VIRTUAL_THREADS("(JVM only)", true),
    /** A thread per task, all under one simulated GIL. */
    @JsonProperty("gil-threads") GIL_THREADS("threading", false),
    /** A worker process per task, each with a GIL of its own. */
    @JsonProperty("processes") PROCESSES("multiprocessing", true),
    /** A coroutine per task on the lab's event loop, under the GIL. */
    @JsonProperty("coroutines") COROUTINES("asyncio", false),
    /** Coroutines that hand their CPU work to worker processes and await it. */
    @JsonProperty("coroutines+processes") COROUTINES_PROCESSES("asyncio + run_in_executor(ProcessPoolExecutor)", true);

    private final String python;
    private final boolean parallel;

    Model(String python, boolean parallel) {
        this.python = python;
        this.parallel = parallel;
    }

    /** What Python writes for it. */
    public String python() {
        return python;
    }

    /** Whether its CPU work can run on several cores at once. */
    public boolean parallel() {
        return parallel;
    }
}
