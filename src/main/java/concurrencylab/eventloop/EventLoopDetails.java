package concurrencylab.eventloop;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Numbers;

/**
 * What the event-loop experiment measured besides the common result.
 *
 * @param mode              what the coroutines did
 * @param clients           client coroutines
 * @param requestsPerClient requests (or sleeps) each one made, one after another
 * @param payloadBytes      payload per request
 * @param serverDelayMs     the server's delay (or each sleep)
 * @param gil               whether the loop ran under a simulated GIL
 * @param loopThreads       threads that ran client coroutine code, counted as they ran
 * @param peakInFlight      most requests (or sleeps) started and not yet answered at one moment, all parked on
 *                          that thread: how many coroutines the loop really kept waiting at once
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
 * @param requestLatency    one request, from sending to the whole answer (or one sleep): the other coroutines, in
 *                          blocking mode
 * @param idealSeconds      requestsPerClient x serverDelayMs: the wall time if every client ran fully at once
 * @param blocking          mode blocking only: the blocking coroutine and what the others waited
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventLoopDetails(String mode, int clients, int requestsPerClient, int payloadBytes, int serverDelayMs,
        boolean gil, int loopThreads, int peakInFlight, long iterations, long selects, double maxLagMs,
        double p99LagMs, int peakReady, long slowCallbacks, long requests, double requestsPerSecond, long bytesSent,
        long bytesReceived, LatencyStats requestLatency, double idealSeconds, Blocking blocking) {

    /**
     * The blocking coroutine and its effect on the others.
     *
     * @param blockMillis         how long it was asked to compute (calibrated one-core time)
     * @param blockedMs           how long its computation held it, measured: from starting to compute (or to hand
     *                            the work over) until it went on
     * @param offload             where it computed: none (on the loop), thread or process
     * @param othersSlowestMs     the slowest request of the other coroutines
     * @param othersP99Ms         their 99th percentile
     * @param othersExtraP99Ms    othersP99Ms minus the server's delay: what the others waited beyond the server
     */
    public record Blocking(int blockMillis, double blockedMs, String offload, double othersSlowestMs,
            double othersP99Ms, double othersExtraP99Ms) {

        static Blocking of(EventLoopParams p, long blockedNanos, LatencyStats others) {
            return new Blocking(p.blockMillis(), Numbers.round(blockedNanos / 1e6, 3), p.offload().tag(),
                    others.maxMs(), others.p99Ms(), Numbers.round(others.p99Ms() - p.serverDelayMs(), 3));
        }
    }
}
