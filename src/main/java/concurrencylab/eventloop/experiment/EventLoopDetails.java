package concurrencylab.eventloop.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.LatencyStats;

/**
 * What the event-loop experiment measured besides the common result.
 *
 * @param mode              what the coroutines did
 * @param clients           client coroutines
 * @param requestsPerClient requests (or sleeps) each one made, one after another
 * @param payloadBytes      payload per request
 * @param serverDelayMs     the server's delay (or each sleep)
 * @param loopThreads       threads that ran client coroutine code: 1 is the point
 * @param iterations        passes of the loop
 * @param selects           calls to the selector
 * @param maxLagMs          how late the loop ran a due timer, at worst (a 5 ms heartbeat keeps one due)
 * @param p99LagMs          the same, 99th percentile
 * @param peakReady         most callbacks one pass ran
 * @param slowCallbacks     callbacks that held the loop longer than 100 ms
 * @param requests          requests answered (or sleeps done)
 * @param requestsPerSecond requests / wall seconds
 * @param bytesSent         bytes the clients sent, frame headers included
 * @param bytesReceived     bytes the clients received back
 * @param requestLatency    one request, from sending to the whole answer (or one sleep)
 * @param idealSeconds      requestsPerClient x serverDelayMs: the wall time if every client ran fully at once
 * @param blockMillis       in blocking mode, how long the blocking coroutine computed
 * @param offload           in blocking mode, whether it computed on a pool instead of the loop
 * @param slowedRequests    in blocking mode, requests that took more than serverDelay + blockMillis / 2
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventLoopDetails(String mode, int clients, int requestsPerClient, int payloadBytes, int serverDelayMs,
        int loopThreads, long iterations, long selects, double maxLagMs, double p99LagMs, int peakReady,
        long slowCallbacks, long requests, double requestsPerSecond, long bytesSent, long bytesReceived,
        LatencyStats requestLatency, double idealSeconds, Integer blockMillis, Boolean offload,
        Long slowedRequests) {
}
