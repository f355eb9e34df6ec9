package concurrencylab.threads;

import static concurrencylab.experiment.Phases.measured;
import static concurrencylab.experiment.Phases.phase;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import org.junit.jupiter.api.Test;

/** C5 and C6 of the thread experiments, each shown true and false on made-up measurements. */
class ThreadVerdictsTest {

    @Test
    void c5IsConfirmedWhenTheSpeedupAndTheBusyCoresReachTheCores() {
        Verdict v = ThreadVerdicts.parallelCompute(phase(0.63, 1.97, 0.01), measured(1.21), 4, 2, 2, "pool thread");

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.claim()).isEqualTo("C5");
    }

    @Test
    void c5CannotBeShownOnOneCoreOrWithOneThreadOrWithoutABaseline() {
        assertThat(ThreadVerdicts.parallelCompute(phase(1.2, 1, 0), measured(1.2), 4, 2, 1, "pool thread").outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(ThreadVerdicts.parallelCompute(phase(1.2, 1, 0), measured(1.2), 4, 1, 8, "pool thread").outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(ThreadVerdicts.parallelCompute(phase(0.6, 2, 0), null, 4, 2, 2, "pool thread").outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void c5IsNeverConfirmedFromASpeedupThePhysicsRulesOut() {
        // 8 x 3 s on 8 threads on 2 cores, against the stretched task times added up: "speedup 7.95".
        Baseline stretched = Baseline.estimated(Math.round(95.4e9), "estimated");
        Verdict v = ThreadVerdicts.parallelCompute(phase(12, 1.99, 0.0), stretched, 8, 8, 2, "pool thread");

        assertThat(v.confirmed()).isFalse();
        assertThat(v.evidence()).contains("impossible");
    }

    @Test
    void c5OnABusyMachineSaysTheMachineWasBusy() {
        Verdict v = ThreadVerdicts.parallelCompute(phase(0.95, 1.3, 0.69), measured(1.2), 4, 2, 2, "pool thread");

        assertThat(v.outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(v.evidence()).contains("machine was busy");
    }

    @Test
    void c5IsNotShownWhenIdleCoresWereNotUsed() {
        Verdict v = ThreadVerdicts.parallelCompute(phase(1.2, 1.0, 0.02), measured(1.2), 4, 2, 2, "pool thread");

        assertThat(v.outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void waitingTasksCannotShowC5HoweverMuchTheyOverlap() {
        Verdict v = ThreadVerdicts.waitingUsesNoCores(phase(0.2, 0.05, 0), 8, 100, 4, "pool thread");

        assertThat(v.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(v.claim()).isEqualTo("C5");
        assertThat(v.evidence()).contains("4.0 waits were in progress at once").contains("0.05 cores");
    }

    @Test
    void c6IsConfirmedWhenManyWaitsTakeAboutOne() {
        Verdict v = ThreadVerdicts.waitsTakeOneWait(phase(0.57, 0.5, 0), 10_000, 500, 21, null);

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.statement()).contains("coroutine");
    }

    @Test
    void c6IsNotShownWhenTheWaitsRanOneAfterAnother() {
        Verdict v = ThreadVerdicts.waitsTakeOneWait(phase(1.0, 0.01, 0), 2, 500, 21, null);

        assertThat(v.outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c6CannotBeShownByOneTaskOrByComputing() {
        assertThat(ThreadVerdicts.waitsTakeOneWait(phase(0.5, 0, 0), 1, 500, 21, null).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(ThreadVerdicts.computingNeverSuspends(phase(0.4, 2, 0), 4, 200).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void socketTasksBeyondTheConnectionLimitAreJudgedAgainstTheirWaves() {
        Verdict v = ThreadVerdicts.waitsTakeOneWait(phase(0.65, 0.5, 0), 2500, 300, 21, 2000);

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.evidence()).contains("2 waves");
    }
}
