package concurrencylab.threads;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import concurrencylab.experiment.ParamDefaults;
import concurrencylab.workload.WorkloadKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the threads experiment; an absent field takes the default its @Schema declares. */
@Schema(description = "A fixed pool of platform threads runs the tasks.")
public record ThreadsParams(
        @Schema(description = "How many tasks to run", defaultValue = "8") @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "Platform threads in the pool", defaultValue = ParamDefaults.CORES) @Bounded(min = 1, limit = Limit.THREADS) Integer poolSize,
        @Schema(description = "What each task does: cpu computes, sleep waits, socket waits for the lab's loopback echo server", defaultValue = "cpu") WorkloadKind workload,
        @Schema(description = "How long one task takes alone, in milliseconds", defaultValue = "100") @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Also run the same tasks one after another on one thread, to compute the speedup", defaultValue = "true") Boolean baseline) {
}
