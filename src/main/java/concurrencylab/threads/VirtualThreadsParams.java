package concurrencylab.threads;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import concurrencylab.workload.WorkloadKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the virtual-threads experiment; an absent field takes the default its @Schema declares. */
@Schema(description = "One virtual thread per task.")
public record VirtualThreadsParams(
        @Schema(description = "How many tasks, each on its own virtual thread", defaultValue = "10000") @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "What each task does: sleep waits, socket waits for the lab's loopback echo server, cpu computes", defaultValue = "sleep") WorkloadKind workload,
        @Schema(description = "How long one task takes alone, in milliseconds", defaultValue = "500") @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Also compute the speedup over one thread; measured when it fits lab.limits.max-measured-baseline, else estimated from the task times", defaultValue = "true") Boolean baseline) {
}
