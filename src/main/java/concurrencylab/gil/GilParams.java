package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Parameters of the gil experiment; an absent field takes the default its @Schema declares. {@code gil} is the older
 * name of {@code build} and still works: when only {@code gil} is given, the constructor takes {@code build} from it,
 * so {@code {"gil": false}} runs the free-threaded build; when both are given and disagree, the run is refused (400).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Threads run tasks in a simulated Python interpreter, with or without its global lock.")
public record GilParams(
        @Schema(description = "How many tasks to run", defaultValue = "4") @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "Threads of the interpreter that run the tasks", defaultValue = "2") @Bounded(min = 1, limit = Limit.THREADS) Integer threads,
        @Schema(description = "What each task does: cpu computes holding the lock, sleep and socket wait with it released, mixed computes half its time and sleeps the other half", defaultValue = "cpu") GilWorkload workload,
        @Schema(description = "How long one task takes alone, in milliseconds", defaultValue = "250") @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Which CPython build the interpreter behaves as: gil, the default build, where one thread runs Python code at a time; free-threaded, PEP 703's build (python3.13t, supported from 3.14), which has no global lock, so its threads compute on several cores at once. Only the lock is modelled: the real free-threaded build's costs (single-threaded code about 5-10% slower, code that relied on the GIL for safety now racing) are not simulated", defaultValue = "gil") GilBuild build,
        @Schema(description = "The older name of build: true is build gil, false is build free-threaded", deprecated = true) Boolean gil,
        @Schema(description = "How long a thread waits for the lock before asking its holder to drop it, in milliseconds, like sys.setswitchinterval", defaultValue = "5") @Bounded(min = 0.1, max = 100) Double switchIntervalMs,
        @Schema(description = "Also run the same tasks one after another on one thread, to compute the speedup", defaultValue = "true") Boolean baseline,
        @Schema(description = "Pin the whole run (the service's threads) to the first N cores, e.g. 1: then no build can compute on two cores at once; absent, not pinned") @Bounded(min = 1, limit = Limit.CORES) Integer cpus) {

    public GilParams {
        if (build == null && gil != null) {
            build = GilBuild.of(gil);
        }
    }

    /** Whether the tasks run under the lock. */
    boolean locked() {
        return build == GilBuild.GIL;
    }
}
