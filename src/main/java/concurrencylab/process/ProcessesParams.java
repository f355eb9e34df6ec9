package concurrencylab.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the processes experiment; a null (absent) field takes its default (cpus: not pinned). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Worker processes (separate JVMs) share the tasks.")
public record ProcessesParams(
        @Schema(description = "How many tasks to run, shared out among the workers (default 4)")
        @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "Worker processes to start, each a JVM of its own (default: the machine's cores)")
        @Bounded(min = 1, limit = Limit.PROCESSES) Integer processes,
        @Schema(description = "What each task does: cpu computes, sleep waits (default cpu)")
        ProcessWorkload workload,
        @Schema(description = "How long one task takes alone, in milliseconds (default 400)")
        @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Pin every worker to the first N cores with taskset, e.g. 1 to make them share one core (default: not pinned)")
        @Bounded(min = 1, limit = Limit.CORES) Integer cpus,
        @Schema(description = "Each worker computes under a simulated GIL of its own, as each Python process has its own (default true)")
        Boolean gil,
        @Schema(description = "Also run the same tasks one after another on one thread of the service, to compute the speedup (default true)")
        Boolean baseline) {

    public ProcessesParams {
        tasks = tasks != null ? tasks : 4;
        processes = processes != null ? processes : Runtime.getRuntime().availableProcessors();
        workload = workload != null ? workload : ProcessWorkload.CPU;
        taskMillis = taskMillis != null ? taskMillis : 400;
        gil = gil != null ? gil : true;
        baseline = baseline != null ? baseline : true;
    }
}
