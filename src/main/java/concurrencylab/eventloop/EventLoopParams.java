package concurrencylab.eventloop;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the event-loop experiment; a null (absent) field takes its default. */
@Schema(description = "Client coroutines on one event-loop thread.")
public record EventLoopParams(
        @Schema(description = "Client coroutines, each with its own connection in echo and blocking modes (default 1000; at most lab.limits.max-open-connections with sockets)")
        @Bounded(min = 1, limit = Limit.TASKS) Integer clients,
        @Schema(description = "Requests each client sends one after another (default 4)")
        @Bounded(min = 1, max = 1000) Integer requestsPerClient,
        @Schema(description = "Bytes of payload per request (default 1024)")
        @Bounded(min = 1, max = 65536) Integer payloadBytes,
        @Schema(description = "How long the echo server waits before it answers, or each sleep in sleep mode, in milliseconds (default 50)")
        @Bounded(min = 0, limit = Limit.TASK_MILLIS) Integer serverDelayMs,
        @Schema(description = "echo: clients talk to the loopback delay-echo server; sleep: coroutines only sleep; blocking: echo plus one coroutine that computes without suspending (default echo)")
        EventLoopMode mode,
        @Schema(description = "In blocking mode, how long the blocking coroutine computes, in milliseconds (default 200)")
        @Bounded(min = 1, limit = Limit.TASK_MILLIS) Integer blockMillis,
        @Schema(description = "In blocking mode, where the computation runs: none (on the loop itself), thread (runInExecutor on a thread pool) or process (a worker process), as asyncio's run_in_executor with a ThreadPoolExecutor or ProcessPoolExecutor; true and false of the earlier API mean thread and none (default none)")
        Offload offload,
        @Schema(description = "Run the loop like Python's: its thread holds a simulated GIL while it runs callbacks and lets go of it around select, and computations take it too, so a thread offload shares the loop's lock (default false)")
        Boolean gil) {

    public EventLoopParams {
        clients = clients != null ? clients : 1000;
        requestsPerClient = requestsPerClient != null ? requestsPerClient : 4;
        payloadBytes = payloadBytes != null ? payloadBytes : 1024;
        serverDelayMs = serverDelayMs != null ? serverDelayMs : 50;
        mode = mode != null ? mode : EventLoopMode.ECHO;
        blockMillis = blockMillis != null ? blockMillis : 200;
        offload = offload != null ? offload : Offload.NONE;
        gil = gil != null ? gil : false;
    }
}
