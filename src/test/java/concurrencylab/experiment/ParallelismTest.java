package concurrencylab.experiment;

import static concurrencylab.experiment.Phases.phase;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.Verdict.Outcome;
import org.junit.jupiter.api.Test;

/** The rule every parallel-compute verdict shares, on made-up measurements. */
class ParallelismTest {

    @Test
    void aSpeedupNearTheCoresWithThoseCoresBusyIsConfirmed() {
        var judgement = Parallelism.judge(1.9, phase(1, 1.95, 0.02), 2);

        assertThat(judgement.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(judgement.reason()).contains("speedup 1.90 with 1.95 cores busy, expected about 2");
    }

    @Test
    void aSpeedupAboveTheCoresThatWereBusyIsImpossibleAndProvesNothing() {
        // The bug this rule fixes: 8 cpu tasks on 8 threads on 2 cores, baseline = the sum of stretched task times.
        var judgement = Parallelism.judge(7.95, phase(12, 1.99, 0.01), 2);

        assertThat(judgement.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(judgement.reason()).contains("impossible");
    }

    @Test
    void aMissOnABusyMachineSaysSoWithTheOtherProcessesLoad() {
        var judgement = Parallelism.judge(1.2, phase(1, 1.25, 0.7), 2);

        assertThat(judgement.outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(judgement.reason()).contains("machine was busy").contains("0.70 cores");
    }

    @Test
    void aMissOnAnIdleMachineIsNotShownNotExcused() {
        var judgement = Parallelism.judge(1.1, phase(1, 1.1, 0.05), 2);

        assertThat(judgement.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(judgement.reason()).contains("the cores were free");
    }

    @Test
    void aMissWhileTheLabsOwnCompilerTookTheCoresIsMachineBusyNamingTheCompiler() {
        var judgement = Parallelism.judge(1.3, Phases.phaseWithBackground(1, 1.9, 0.05, 0.4, 0.05), 2);

        assertThat(judgement.outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(judgement.reason()).contains("JIT compiler 0.40", "garbage collector 0.05");
    }

    @Test
    void aMissWithTheCompilerIdleIsNotShown() {
        var judgement = Parallelism.judge(1.1, Phases.phaseWithBackground(1, 1.1, 0.05, 0.02, 0.01), 2);

        assertThat(judgement.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(judgement.reason()).contains("compiler and collector 0.03");
    }

    @Test
    void theJvmsOwnCompilerThreadsAreFoundAndTheirTimeGrows() {
        JvmBackground before = JvmBackground.now();
        assertThat(before.compilerNanos()).as("a JVM that ran tests has compiled something").isPositive();
        assertThat(JvmBackground.now().since(before).compilerNanos()).isNotNegative();
    }

    @Test
    void aMissWhereTheOsCannotTellTheLoadCountsAsProbablyBusy() {
        assertThat(Parallelism.judge(1.1, phase(1, 1.1, Double.NaN), 2).outcome()).isEqualTo(Outcome.MACHINE_BUSY);
    }

    @Test
    void aGoodSpeedupWithFewCoresBusyIsNotConfirmed() {
        // 1.5 with 1.3 busy is within the physics slack, but the cores were not busy enough to call it parallel.
        assertThat(Parallelism.judge(1.5, phase(1, 1.3, 0.0), 2).outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }
}
