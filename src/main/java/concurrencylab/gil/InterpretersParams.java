package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import concurrencylab.experiment.ParamDefaults;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the interpreters experiment; an absent field takes the default its @Schema declares (cpus: not pinned). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Several interpreters in the service's own process, each with its own GIL and module state, share out the tasks.")
public record InterpretersParams(
        @Schema(description = "How many tasks to run, shared out among the interpreters' threads", defaultValue = "4") @Bounded(min = 1, limit = Limit.TASKS) Integer tasks,
        @Schema(description = "Interpreters to start in the service's process, like concurrent.interpreters.create()", defaultValue = ParamDefaults.CORES) @Bounded(min = 1, limit = Limit.THREADS) Integer interpreters,
        @Schema(description = "Threads running tasks in each interpreter, under that interpreter's GIL", defaultValue = "1") @Bounded(min = 1, limit = Limit.THREADS) Integer threadsPerInterpreter,
        @Schema(description = "What each task does: cpu computes holding its interpreter's lock, sleep and socket wait with it released, mixed computes half its time and sleeps the other half", defaultValue = "cpu") GilWorkload workload,
        @Schema(description = "How long one task takes alone, in milliseconds", defaultValue = "250") @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer taskMillis,
        @Schema(description = "Bytes of data each task carries into its interpreter, copied in as bytes (no object is shared)", defaultValue = "65536") @Bounded(min = 0, max = InterpretersParams.MAX_PAYLOAD_BYTES) Integer payloadBytes,
        @Schema(description = "own: each interpreter has its own GIL, as since Python 3.12 (PEP 684); shared: they share the process's one GIL, as subinterpreters did before", defaultValue = "own") InterpreterGil gil,
        @Schema(description = "How long a thread waits for its interpreter's lock before asking its holder to drop it, in milliseconds, like sys.setswitchinterval", defaultValue = "5") @Bounded(min = 0.1, max = 100) Double switchIntervalMs,
        @Schema(description = "Also run the same tasks one after another on one thread of one interpreter, to compute the speedup", defaultValue = "true") Boolean baseline,
        @Schema(description = "Pin the whole run (the service's threads) to the first N cores, e.g. 1: then no two interpreters compute at once; absent, not pinned") @Bounded(min = 1, limit = Limit.CORES) Integer cpus) {

    /** A task's payload at most (1 MiB): each thread in flight holds its copy and its interpreter's. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    /** Threads in all: interpreters x threadsPerInterpreter. */
    int threads() {
        return interpreters * threadsPerInterpreter;
    }
}
