package concurrencylab.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import concurrencylab.experiment.ParamDefaults;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the processes experiment; an absent field takes the default its @Schema declares (cpus: not pinned). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Worker processes (separate JVMs) share the tasks.")
public record ProcessesParams(
        @Schema(description = "How many tasks to run, shared out among the workers", defaultValue = "4") @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "Worker processes to start, each a JVM of its own", defaultValue = ParamDefaults.CORES) @Bounded(min = 1, limit = Limit.PROCESSES) Integer processes,
        @Schema(description = "What each task does: cpu computes, sleep waits", defaultValue = "cpu") ProcessWorkload workload,
        @Schema(description = "How long one task takes alone, in milliseconds", defaultValue = "400") @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Pin every worker to the first N cores with taskset, e.g. 1 to make them share one core; absent, they are not pinned") @Bounded(min = 1, limit = Limit.CORES) Integer cpus,
        @Schema(description = "Each worker computes under a simulated GIL of its own, as each Python process has its own", defaultValue = "true") Boolean gil,
        @Schema(description = "Also run the same tasks one after another on one thread of the service, to compute the speedup", defaultValue = "true") Boolean baseline) {
}
