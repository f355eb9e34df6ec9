package concurrencylab.eventloop.experiment;

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
        @Schema(description = "In blocking mode, hand the computation to a thread pool with runInExecutor, so the loop stays free (default false)")
        Boolean offload) {

    public EventLoopParams {
        clients = clients != null ? clients : 1000;
        requestsPerClient = requestsPerClient != null ? requestsPerClient : 4;
        payloadBytes = payloadBytes != null ? payloadBytes : 1024;
        serverDelayMs = serverDelayMs != null ? serverDelayMs : 50;
        mode = mode != null ? mode : EventLoopMode.ECHO;
        blockMillis = blockMillis != null ? blockMillis : 200;
        offload = offload != null ? offload : false;
    }
}
