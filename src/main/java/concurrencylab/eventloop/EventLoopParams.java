package concurrencylab.eventloop;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the event-loop experiment; an absent field takes the default its @Schema declares. */
@Schema(description = "Client coroutines on one event-loop thread.")
public record EventLoopParams(
        @Schema(description = "Client coroutines, each with its own connection in echo and blocking modes", defaultValue = "1000") @Bounded(min = 1, limit = Limit.TASKS) Integer clients,
        @Schema(description = "Requests each client sends one after another", defaultValue = "4") @Bounded(min = 1, max = 1000) Integer requestsPerClient,
        @Schema(description = "Bytes of payload per request", defaultValue = "1024") @Bounded(min = 1, max = 65536) Integer payloadBytes,
        @Schema(description = "How long the echo server waits before it answers, or each sleep in sleep mode, in milliseconds", defaultValue = "50") @Bounded(min = 0, limit = Limit.TASK_MILLIS) Integer serverDelayMs,
        @Schema(description = "echo: clients talk to the loopback delay-echo server; sleep: coroutines only sleep; blocking: echo plus one coroutine that computes without suspending", defaultValue = "echo") EventLoopMode mode,
        @Schema(description = "In blocking mode, how long the blocking coroutine computes, in milliseconds", defaultValue = "200") @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer blockMillis,
        @Schema(description = "In blocking mode, where the computation runs: none (on the loop itself), thread (runInExecutor on a thread pool) or process (a worker process), as asyncio's run_in_executor with a ThreadPoolExecutor or ProcessPoolExecutor; true and false of the earlier API mean thread and none", defaultValue = "none") Offload offload,
        @Schema(description = "Run the loop like Python's: its thread holds a simulated GIL while it runs callbacks and lets go of it around select, and computations take it too, so a thread offload shares the loop's lock", defaultValue = "false") Boolean gil) {
}
