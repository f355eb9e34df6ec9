package concurrencylab.sockets;

import concurrencylab.experiment.LatencyStats;

/**
 * What the sockets experiment measured besides the common result.
 *
 * @param server            the server design
 * @param threads           the clients' threads
 * @param clients           clients, each with its own connection
 * @param requestsPerClient requests each sent one after another
 * @param payloadBytes      payload per request
 * @param serverDelayMs     the server's delay before each answer
 * @param requests          requests answered
 * @param requestsPerSecond requests / wall seconds
 * @param bytesSent         bytes the clients sent, frame headers included
 * @param bytesEchoed       bytes the server sent back: equal when every byte made the round trip
 * @param requestLatency    one request, from writing it to reading the whole answer
 * @param firstAnswerWait   each client's wait from the start of the run to its first answer
 * @param idealSeconds      requestsPerClient x serverDelayMs: the wall time if the server served everyone at once
 * @param onceServed        blocking server only (else null): each request's wait from when the server could take it
 *                          up (it was sent, and the server had sent its previous answer: it serves one at a time)
 *                          to its answer, i.e. the wait without the queueing behind earlier clients that C14 shows
 */
public record SocketsDetails(String server, String threads, int clients, int requestsPerClient, int payloadBytes,
        int serverDelayMs, long requests, double requestsPerSecond, long bytesSent, long bytesEchoed,
        LatencyStats requestLatency, LatencyStats firstAnswerWait, double idealSeconds, LatencyStats onceServed) {
}
