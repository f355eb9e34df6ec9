package concurrencylab.threads;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import concurrencylab.workload.WorkloadKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the virtual-threads experiment; a null (absent) field takes its default. */
@Schema(description = "One virtual thread per task.")
public record VirtualThreadsParams(
        @Schema(description = "How many tasks, each on its own virtual thread (default 10000)")
        @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "What each task does: sleep waits, socket waits for the lab's loopback echo server, cpu computes (default sleep)")
        WorkloadKind workload,
        @Schema(description = "How long one task takes alone, in milliseconds (default 500)")
        @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Also compute the speedup over one thread; measured when it fits lab.limits.max-measured-baseline, else estimated from the task times (default true)")
        Boolean baseline) {

    public VirtualThreadsParams {
        tasks = tasks != null ? tasks : 10_000;
        workload = workload != null ? workload : WorkloadKind.SLEEP;
        taskMillis = taskMillis != null ? taskMillis : 500;
        baseline = baseline != null ? baseline : true;
    }
}
