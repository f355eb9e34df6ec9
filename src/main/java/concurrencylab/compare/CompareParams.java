package concurrencylab.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Parameters of the compare experiment; an absent field takes the default its @Schema declares (cpus: not pinned). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The same tasks run every way: each workload under each model, side by side.")
public record CompareParams(
        @Schema(description = "Tasks in every cell; in mixed, one of them is the CPU hog and the others do I/O", defaultValue = "4") @Bounded(min = 1, max = CompareParams.MAX_TASKS) Integer tasks,
        @Schema(description = "How long one task takes alone, in milliseconds: cpu computes it, io waits for a server that answers after it, mixed's hog computes tasks x taskMillis", defaultValue = "200") @Bounded(min = 10, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "The matrix's columns, any of cpu, io, mixed", defaultValue = "cpu,io,mixed") List<CompareWorkload> workloads,
        @Schema(description = "The matrix's rows, any of sequential, threads, virtual-threads, gil-threads, free-threaded, interpreters, processes, coroutines, coroutines+processes; sequential always runs, as every column's baseline", defaultValue = "sequential,threads,virtual-threads,gil-threads,free-threaded,interpreters,processes,coroutines,coroutines+processes") List<Model> models,
        @Schema(description = "The simulated GIL's switch interval (gil-threads, coroutines and each worker's own GIL), in milliseconds", defaultValue = "5") @Bounded(min = 1, max = 1000) Integer switchIntervalMs,
        @Schema(description = "Pin the whole run, the service's threads and every worker, to the first N cores with taskset, e.g. 1: then nothing can run in parallel; absent, not pinned") @Bounded(min = 1, limit = Limit.CORES) Integer cpus) {

    /** Most tasks a cell may have: the processes cells start a JVM for each. */
    public static final int MAX_TASKS = 8;
    /**
     * Most tasks x taskMillis: a cell runs up to that long and a run has up to 28 cells (27 and the I/O alone), so
     * with everything pinned to one core the largest run takes about a minute and a half, within the default
     * two-minute deadline.
     */
    public static final int MAX_TASK_BUDGET_MILLIS = 3_000;
}
