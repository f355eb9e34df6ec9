package concurrencylab.sockets;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the sockets experiment; an absent field takes the default its @Schema declares. */
@Schema(description = "Blocking socket clients, one thread each, against a server design of your choice.")
public record SocketsParams(
        @Schema(description = "Clients, each on its own thread with its own connection", defaultValue = "50") @Bounded(min = 1, limit = Limit.TASKS) Integer clients,
        @Schema(description = "Requests each client sends one after another", defaultValue = "4") @Bounded(min = 1, max = 1000) Integer requestsPerClient,
        @Schema(description = "Bytes of payload per request", defaultValue = "1024") @Bounded(min = 1, max = 65536) Integer payloadBytes,
        @Schema(description = "How long the server waits before it answers each request, in milliseconds", defaultValue = "50") @Bounded(min = 0, limit = Limit.TASK_MILLIS) Integer serverDelayMs,
        @Schema(description = "The clients' threads: platform (OS) or virtual", defaultValue = "platform") ClientThreads threads,
        @Schema(description = "The server: blocking (one connection at a time), thread-per-connection, virtual-thread-per-connection, or event-loop (the lab's own)", defaultValue = "thread-per-connection") ServerDesign server) {
}
