package concurrencylab.compare;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** A way of running a set of tasks: the matrix's rows, each with its Python counterpart. */
public enum Model implements Tagged {
    /** One thread, one task after another: every column's baseline. */
    @JsonProperty("sequential") SEQUENTIAL("a plain loop", false),
    /** A platform thread per task, no GIL: the JVM's own threads. */
    @JsonProperty("threads") THREADS("(the JVM's threads)", true),
    /** A virtual thread per task. */
    @JsonProperty("virtual-threads") VIRTUAL_THREADS("(JVM only)", true),
    /** A thread per task, all under one simulated GIL. */
    @JsonProperty("gil-threads") GIL_THREADS("threading", false),
    /** A thread per task in the simulated interpreter without its lock, as CPython's free-threaded build runs them. */
    @JsonProperty("free-threaded") FREE_THREADED("threading on python3.14t", true),
    /** A thread per task, each in an interpreter of its own with its own GIL; calls and results copied. */
    @JsonProperty("interpreters") INTERPRETERS("InterpreterPoolExecutor", true),
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
