package concurrencylab.compare;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** A way of running a set of tasks: the matrix's rows, each with its Python counterpart. */
public enum Model implements Tagged {
    /** One thread, one task after another: every column's baseline. */
    @JsonProperty("sequential") SEQUENTIAL("one thread, one task after another", "a plain loop", false),
    /** A platform thread per task, no GIL. */
    @JsonProperty("threads") THREADS("one platform thread per task, no GIL", "free-threaded CPython, the JVM", true),
    /** A virtual thread per task. */
    @JsonProperty("virtual-threads") VIRTUAL_THREADS("one virtual thread per task", "(JVM only)", true),
    /** A thread per task, all under one simulated GIL. */
    @JsonProperty("gil-threads") GIL_THREADS("one thread per task under one simulated GIL", "threading", false),
    /** A worker process per task, each with a GIL of its own. */
    @JsonProperty("processes") PROCESSES("a worker process per task, each with its own GIL", "multiprocessing", true),
    /** A coroutine per task on the lab's event loop, under the GIL. */
    @JsonProperty("coroutines") COROUTINES("one coroutine per task on the lab's event loop, under the GIL", "asyncio",
            false),
    /** Coroutines that hand their CPU work to worker processes and await it. */
    @JsonProperty("coroutines+processes") COROUTINES_PROCESSES("coroutines that hand CPU work to worker processes",
            "asyncio + run_in_executor(ProcessPoolExecutor)", true);

    private final String description;
    private final String python;
    private final boolean parallel;

    Model(String description, String python, boolean parallel) {
        this.description = description;
        this.python = python;
        this.parallel = parallel;
    }

    public String description() {
        return description;
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
