package concurrencylab.eventloop;

import static concurrencylab.experiment.Phases.phase;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import org.junit.jupiter.api.Test;

/** C11, C6 and C13 of the event loop, each shown true and false on made-up measurements. */
class LoopVerdictsTest {

    private static EventLoopDetails echo(int clients, int loopThreads, int peakInFlight) {
        return details("echo", clients, loopThreads, peakInFlight, false, null, 0);
    }

    private static EventLoopDetails details(String mode, int clients, int loopThreads, int peakInFlight, boolean gil,
            EventLoopDetails.Blocking blocking, long slowCallbacks) {
        int requests = clients * 2;
        return new EventLoopDetails(mode, clients, 2, 1024, 50, gil, loopThreads, peakInFlight, 40, 40, 1.0, 0.5, 10,
                slowCallbacks, requests, 100, requests * 1028L, requests * 1028L, new LatencyStats(requests, 51, 52,
                53, 54), 0.1, blocking);
    }

    private static EventLoopDetails blocking(String offload, boolean gil, double blockedMs, double othersP99Ms) {
        var b = new EventLoopDetails.Blocking(300, blockedMs, offload, othersP99Ms + 1, othersP99Ms, othersP99Ms - 50);
        return details("blocking", 100, 1, 100, gil, b, othersP99Ms > 150 ? 1 : 0);
    }

    @Test
    void c11AndC6AreConfirmedWhenManyClientsWaitAtOnceOnOneThread() {
        EventLoopDetails d = echo(1000, 1, 1000);

        assertThat(LoopVerdicts.oneThreadServesAll(phase(0.21, 1.7, 0), d).outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(LoopVerdicts.waitsOverlap(phase(0.21, 1.7, 0), d).outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(LoopVerdicts.waitsOverlap(phase(0.35, 1.7, 0), d).outcome()).as("over 3x the ideal 0.1 s")
                .isEqualTo(Outcome.NOT_SHOWN);
        assertThat(LoopVerdicts.waitsOverlap(phase(0.35, 1.2, 0.8), d).outcome())
                .as("overlapped, but short of CPU while other programs took it").isEqualTo(Outcome.MACHINE_BUSY);
    }

    @Test
    void twoClientsServedOneAfterTheOtherAreNotCountedAsTogether() {
        // Two clients x 2 x 50 ms one after the other take 0.2 s, within 4x the ideal 0.1 s: the old rule passed.
        EventLoopDetails serial = echo(2, 1, 1);

        assertThat(LoopVerdicts.oneThreadServesAll(phase(0.2, 0.01, 0), serial).outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(LoopVerdicts.waitsOverlap(phase(0.2, 0.01, 0), serial).outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c11NeedsTheWaitsParkedOnOneThread() {
        assertThat(LoopVerdicts.oneThreadServesAll(phase(0.11, 0.1, 0), echo(100, 2, 100)).outcome())
                .isEqualTo(Outcome.NOT_SHOWN);
        assertThat(LoopVerdicts.oneThreadServesAll(phase(0.11, 0.1, 0), echo(100, 1, 1)).outcome())
                .isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void oneClientOrNoSocketCannotShowC11() {
        assertThat(LoopVerdicts.oneThreadServesAll(phase(0.1, 0.01, 0), echo(1, 1, 1)).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(LoopVerdicts.oneThreadServesAll(phase(0.1, 0.01, 0),
                details("sleep", 100, 1, 100, false, null, 0)).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(LoopVerdicts.blockingStallsOthers(echo(100, 1, 100)).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void c13IsConfirmedWhenTheOthersWaitOutTheComputation() {
        Verdict v = LoopVerdicts.blockingStallsOthers(blocking("none", false, 283, 309));

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void c13IsJudgedByTheOthersWaitNotBySlowCallbacks() {
        // 60 ms of computing is under the 100 ms slow-callback threshold, but every other coroutine waited it out.
        var b = new EventLoopDetails.Blocking(60, 58, "none", 105, 104, 54);
        Verdict v = LoopVerdicts.blockingStallsOthers(details("blocking", 100, 1, 100, false, b, 0));

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.evidence()).contains("0 callback(s) held the loop");
    }

    @Test
    void c13IsNotShownWhenTheOthersWereNotHeldUp() {
        assertThat(LoopVerdicts.blockingStallsOthers(blocking("none", false, 283, 60)).outcome())
                .isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void offloadedComputationsCannotShowC13AndSayWhatTheOthersWaited() {
        Verdict process = LoopVerdicts.blockingStallsOthers(blocking("process", true, 330, 57));
        Verdict thread = LoopVerdicts.blockingStallsOthers(blocking("thread", true, 370, 75));

        assertThat(process.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(process.evidence()).contains("worker process").contains("7.0 ms more at p99");
        assertThat(thread.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(thread.evidence()).contains("shares the loop's GIL").contains("5.0 switch intervals");
    }
}
