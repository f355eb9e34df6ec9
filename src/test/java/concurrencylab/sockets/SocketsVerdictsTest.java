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
                        lastFirstAnswerMs), 0.2);
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
