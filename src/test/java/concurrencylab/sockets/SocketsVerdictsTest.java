package concurrencylab.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Verdict.Outcome;
import org.junit.jupiter.api.Test;

/** C10 and C14, each shown true and false on made-up measurements. */
class SocketsVerdictsTest {

    private static SocketsDetails details(int clients, int delayMs, long sent, long echoed, double p50,
            double lastFirstAnswerMs) {
        return new SocketsDetails("thread-per-connection", "platform", clients, 4, 1024, delayMs, clients * 4L, 100,
                sent, echoed, new LatencyStats(clients * 4, p50, p50, p50, p50),
                new LatencyStats(clients, lastFirstAnswerMs / 2, lastFirstAnswerMs, lastFirstAnswerMs,
                        lastFirstAnswerMs), 0.2, null);
    }

    /** A blocking server's run: requests waited {@code p50} in all, {@code onceServedP50} once it took them up. */
    private static SocketsDetails blocking(int clients, int delayMs, double p50, double onceServedP50) {
        return new SocketsDetails("blocking", "platform", clients, 1, 1024, delayMs, clients, 10, 10_280, 10_280,
                new LatencyStats(clients, p50, p50, p50, p50), new LatencyStats(clients, p50, p50, p50, p50), 0.05,
                new LatencyStats(clients, onceServedP50, onceServedP50, onceServedP50, onceServedP50));
    }

    @Test
    void c10WithABlockingServerIsJudgedOnTheWaitOnceServedNotOnTheQueueBehindEarlierClients() {
        var queued = SocketsExperiment.bytesMakeTheRoundTrip(blocking(10, 50, 255, 51));
        assertThat(queued.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(queued.evidence()).contains("once the blocking server took it up", "255.0 ms in all", "C14");
        assertThat(SocketsExperiment.bytesMakeTheRoundTrip(blocking(10, 50, 255, 5)).outcome())
                .as("answered before its delay: no wait for the server").isEqualTo(Outcome.NOT_SHOWN);
        assertThat(SocketsExperiment.bytesMakeTheRoundTrip(blocking(10, 50, 255, 400)).outcome())
                .as("even once served it waited far longer than the delay").isEqualTo(Outcome.NOT_SHOWN);
        assertThat(SocketsExperiment.bytesMakeTheRoundTrip(details(10, 50, 10_280, 10_280, 255, 300)).outcome())
                .as("a server that serves everyone at once has no queue to discount").isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void onceServedCountsFromTheSendOrTheServersPreviousAnswerWhicheverIsLater() {
        // Three clients send at 0; a one-at-a-time server answers at 50, 100, 150; a fourth sends at 200.
        long[] sent = {0, 0, 0, 200};
        long[] answered = {100, 50, 150, 250};
        assertThat(SocketsExperiment.onceServed(sent, answered)).containsExactly(50, 50, 50, 50);
    }

    private static SocketsParams params(int clients, int delayMs, ServerDesign server) {
        return new SocketsParams(clients, 4, 1024, delayMs, ClientThreads.PLATFORM, server);
    }

    @Test
    void c10NeedsEveryByteBackAndAWaitOfAboutTheServersDelay() {
        assertThat(SocketsExperiment.bytesMakeTheRoundTrip(details(50, 50, 205_600, 205_600, 51, 60)).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(SocketsExperiment.bytesMakeTheRoundTrip(details(50, 50, 205_600, 204_572, 51, 60)).outcome())
                .isEqualTo(Outcome.NOT_SHOWN);
        assertThat(SocketsExperiment.bytesMakeTheRoundTrip(details(50, 0, 205_600, 205_600, 0.1, 1)).outcome())
                .as("no delay: no wait to tell from the loopback").isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void c14TellsTheBlockingServerFromTheOthersByTheLastClientsWait() {
        assertThat(SocketsExperiment.servedTogether(params(50, 50, ServerDesign.BLOCKING),
                details(50, 50, 1, 1, 51, 9_900)).outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(SocketsExperiment.servedTogether(params(50, 50, ServerDesign.BLOCKING),
                details(50, 50, 1, 1, 51, 70)).outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(SocketsExperiment.servedTogether(params(50, 50, ServerDesign.EVENT_LOOP),
                details(50, 50, 1, 1, 51, 70)).outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(SocketsExperiment.servedTogether(params(50, 50, ServerDesign.EVENT_LOOP),
                details(50, 50, 1, 1, 51, 9_900)).outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(SocketsExperiment.servedTogether(params(1, 50, ServerDesign.BLOCKING),
                details(1, 50, 1, 1, 51, 51)).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
    }
}
