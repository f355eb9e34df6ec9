package concurrencylab.sockets;

import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.Limit;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the sockets experiment; a null (absent) field takes its default. */
@Schema(description = "Blocking socket clients, one thread each, against a server design of your choice.")
public record SocketsParams(
        @Schema(description = "Clients, each on its own thread with its own connection (default 50; platform threads: at most lab.limits.max-threads)")
        @Bounded(min = 1, limit = Limit.TASKS) Integer clients,
        @Schema(description = "Requests each client sends one after another (default 4)")
        @Bounded(min = 1, max = 1000) Integer requestsPerClient,
        @Schema(description = "Bytes of payload per request (default 1024)")
        @Bounded(min = 1, max = 65536) Integer payloadBytes,
        @Schema(description = "How long the server waits before it answers each request, in milliseconds (default 50)")
        @Bounded(min = 0, limit = Limit.TASK_MILLIS) Integer serverDelayMs,
        @Schema(description = "The clients' threads: platform (OS) or virtual (default platform)")
        ClientThreads threads,
        @Schema(description = "The server: blocking (one connection at a time), thread-per-connection, virtual-thread-per-connection, or event-loop (the lab's own) (default thread-per-connection)")
        ServerDesign server) {

    public SocketsParams {
        clients = clients != null ? clients : 50;
        requestsPerClient = requestsPerClient != null ? requestsPerClient : 4;
        payloadBytes = payloadBytes != null ? payloadBytes : 1024;
        serverDelayMs = serverDelayMs != null ? serverDelayMs : 50;
        threads = threads != null ? threads : ClientThreads.PLATFORM;
        server = server != null ? server : ServerDesign.THREAD_PER_CONNECTION;
    }
}
