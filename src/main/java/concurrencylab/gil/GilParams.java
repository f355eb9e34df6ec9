package concurrencylab.gil;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the gil experiment; an absent field takes the default its @Schema declares. */
@Schema(description = "Threads run tasks in a simulated Python interpreter, with or without its global lock.")
public record GilParams(
        @Schema(description = "How many tasks to run", defaultValue = "4") @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "Threads of the interpreter that run the tasks", defaultValue = "2") @Bounded(min = 1, limit = Limit.THREADS) Integer threads,
        @Schema(description = "What each task does: cpu computes holding the lock, sleep and socket wait with it released, mixed computes half its time and sleeps the other half", defaultValue = "cpu") GilWorkload workload,
        @Schema(description = "How long one task takes alone, in milliseconds", defaultValue = "250") @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Run under the global interpreter lock; false runs the same interpreter without it, like free-threaded Python", defaultValue = "true") Boolean gil,
        @Schema(description = "How long a thread waits for the lock before asking its holder to drop it, in milliseconds, like sys.setswitchinterval", defaultValue = "5") @Bounded(min = 0.1, max = 100) Double switchIntervalMs,
        @Schema(description = "Also run the same tasks one after another on one thread, to compute the speedup", defaultValue = "true") Boolean baseline) {
}
