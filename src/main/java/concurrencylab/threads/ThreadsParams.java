package concurrencylab.threads;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import concurrencylab.workload.WorkloadKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the threads experiment; a null (absent) field takes its default. */
@Schema(description = "A fixed pool of platform threads runs the tasks.")
public record ThreadsParams(
        @Schema(description = "How many tasks to run (default 8)")
        @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "Platform threads in the pool (default: the machine's cores)")
        @Bounded(min = 1, limit = Limit.THREADS) Integer poolSize,
        @Schema(description = "What each task does: cpu computes, sleep waits, socket waits for the lab's loopback echo server (default cpu)")
        WorkloadKind workload,
        @Schema(description = "How long one task takes alone, in milliseconds (default 100)")
        @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Also run the same tasks one after another on one thread, to compute the speedup (default true)")
        Boolean baseline) {

    public ThreadsParams {
        tasks = tasks != null ? tasks : 8;
        poolSize = poolSize != null ? poolSize : Runtime.getRuntime().availableProcessors();
        workload = workload != null ? workload : WorkloadKind.CPU;
        taskMillis = taskMillis != null ? taskMillis : 100;
        baseline = baseline != null ? baseline : true;
    }
}
