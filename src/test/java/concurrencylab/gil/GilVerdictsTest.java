package concurrencylab.gil;

import static concurrencylab.experiment.Phases.measured;
import static concurrencylab.experiment.Phases.phase;
import static concurrencylab.experiment.Phases.phaseWithBackground;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** C7, C8 and C19, each shown true and false on made-up measurements. */
class GilVerdictsTest {

    private static final LockReport LOCK = new LockReport(200, 1.0, 5.0, 1.0,
            Map.of("forced", 190L, "io", 8L, "exit", 2L), 190, 25);

    private static GilVerdicts.Setup cpu(boolean gil, int threads, int cores) {
        return new GilVerdicts.Setup(gil, GilWorkload.CPU, 4, threads, cores, 250);
    }

    private static GilVerdicts.Setup waiting(boolean gil, GilWorkload workload) {
        return new GilVerdicts.Setup(gil, workload, 8, 8, 2, 250);
    }

    @Test
    void c7IsConfirmedWhenOneCoreWasBusyUnderTheLockAndTheControlUsedThemAll() {
        Verdict v = GilVerdicts.oneThreadComputes(cpu(true, 2, 2), phase(1.06, 1.01, 0.02), 1.01, LOCK,
                phase(0.51, 1.93, 0.02));

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.evidence()).contains("1.01 cores busy").contains("control");
    }

    @Test
    void c7CannotBeShownWithoutALockOrWithoutASecondThreadOrCore() {
        assertThat(GilVerdicts.oneThreadComputes(cpu(false, 2, 2), phase(0.52, 1.96, 0), 1.96, null, null).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(GilVerdicts.oneThreadComputes(cpu(true, 1, 2), phase(1, 1, 0), 1, LOCK, phase(1, 1, 0)).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(GilVerdicts.oneThreadComputes(cpu(true, 2, 1), phase(1, 1, 0), 1, LOCK, phase(1, 1, 0)).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(GilVerdicts.oneThreadComputes(waiting(true, GilWorkload.SLEEP), phase(0.25, 0.04, 0), 0.04, LOCK,
                null).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void c7IsJudgedOnTheInterpreterThreadsNotOnAJitBusyInTheBackground() {
        // The JVM kept 1.54 cores busy under the lock, its compiler among them; the interpreter threads kept 1.0.
        Verdict v = GilVerdicts.oneThreadComputes(cpu(true, 2, 2), phase(0.9, 1.54, 0), 1.0, LOCK,
                phase(0.45, 1.95, 0));

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void c7IsNotShownWhenSeveralCoresWereBusyUnderTheLock() {
        Verdict v = GilVerdicts.oneThreadComputes(cpu(true, 2, 2), phase(0.55, 1.9, 0), 1.9, LOCK,
                phase(0.51, 1.93, 0));

        assertThat(v.outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c7OnABusyMachineIsNotConfirmedBecauseTheControlCouldNotUseTheCoresEither() {
        // A hog on one core: the locked run looks serial, but so does the run without the lock.
        Verdict v = GilVerdicts.oneThreadComputes(cpu(true, 2, 2), phase(1.1, 0.95, 0.9), 0.95, LOCK,
                phase(0.95, 1.1, 0.85));

        assertThat(v.outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(v.evidence()).contains("cannot tell the lock from the machine");
    }

    @Test
    void c7IsNotShownWhenTheControlMissesOnAnIdleMachine() {
        Verdict v = GilVerdicts.oneThreadComputes(cpu(true, 2, 2), phase(1.1, 1.0, 0.0), 1.0, LOCK,
                phase(1.0, 1.1, 0.0));

        assertThat(v.outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c8IsConfirmedWhenWaitsOverlapUnderTheLock() {
        Verdict v = GilVerdicts.ioReleasesTheLock(waiting(true, GilWorkload.SLEEP), phase(0.25, 0.04, 0),
                measured(2.0), LOCK);

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void c8IsNotShownWhenTheWaitsHeldTheLock() {
        // What a lock that is not released around I/O gives: the waits one after another.
        Verdict v = GilVerdicts.ioReleasesTheLock(waiting(true, GilWorkload.SLEEP), phase(2.0, 0.01, 0),
                measured(2.0), LOCK);

        assertThat(v.outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c8CannotBeShownWithoutALockOrWithoutIo() {
        assertThat(GilVerdicts.ioReleasesTheLock(waiting(false, GilWorkload.SLEEP), phase(0.25, 0.04, 0),
                measured(2.0), null).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(GilVerdicts.ioReleasesTheLock(cpu(true, 2, 2), phase(1, 1, 0), measured(1), LOCK).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(GilVerdicts.ioReleasesTheLock(new GilVerdicts.Setup(true, GilWorkload.SLEEP, 8, 1, 2, 250),
                phase(2, 0, 0), measured(2), LOCK).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void mixedTasksShowC8WhenTheirSleepsOverlapAndNotWhenTheyDoNot() {
        var mixed = new GilVerdicts.Setup(true, GilWorkload.MIXED, 4, 2, 2, 250);

        assertThat(GilVerdicts.ioReleasesTheLock(mixed, phase(0.76, 0.7, 0), measured(0.99), LOCK).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(GilVerdicts.ioReleasesTheLock(mixed, phase(0.99, 0.5, 0), measured(0.99), LOCK).outcome())
                .isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c19IsConfirmedWhenTheFreeThreadedBuildsThreadsComputedOnBothCores() {
        Verdict v = GilVerdicts.threadsComputeInParallel(cpu(false, 2, 2), phase(0.52, 1.95, 0.01), 1.93,
                measured(1.0));

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.evidence()).contains("free-threaded build").contains("speedup 1.92").contains("1.93 cores");
    }

    @Test
    void c19IsNotConfirmedByTheGilBuildWhoseThreadsTookTurns() {
        Verdict v = GilVerdicts.threadsComputeInParallel(cpu(true, 2, 2), phase(1.02, 1.01, 0.01), 1.0,
                measured(1.0));

        assertThat(v.confirmed()).isFalse();
        assertThat(v.outcome()).as("the build is C19's control, as no lock is C7's").isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(v.evidence()).contains("GIL build").contains("1.00 cores busy").contains("build=free-threaded");
    }

    @Test
    void c19CannotBeShownOnOneCoreWithOneThreadOrWithWaitingTasks() {
        var oneCore = new GilVerdicts.Setup(false, GilWorkload.CPU, 4, 2, 1, 250, true);
        Verdict pinned = GilVerdicts.threadsComputeInParallel(oneCore, phase(1.0, 1.0, 0), 1.0, measured(1.0));
        assertThat(pinned.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(pinned.evidence()).contains("pinned to 1 core");
        assertThat(GilVerdicts.threadsComputeInParallel(cpu(false, 1, 2), phase(1.0, 1.0, 0), 1.0, measured(1.0))
                .outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(GilVerdicts.threadsComputeInParallel(waiting(false, GilWorkload.SLEEP), phase(0.25, 0.04, 0),
                0.04, measured(2.0)).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void c19MissedOnABusyMachineSaysSoAndOnAFreeOneIsNotShown() {
        Verdict busy = GilVerdicts.threadsComputeInParallel(cpu(false, 2, 2), phase(0.9, 1.1, 0.9), 1.1,
                measured(1.0));
        Verdict compiling = GilVerdicts.threadsComputeInParallel(cpu(false, 2, 2),
                phaseWithBackground(0.9, 1.1, 0.0, 0.6, 0.0), 1.0, measured(1.0));
        Verdict free = GilVerdicts.threadsComputeInParallel(cpu(false, 2, 2), phase(0.9, 1.1, 0.02), 1.1,
                measured(1.0));

        assertThat(busy.outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(compiling.outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(compiling.evidence()).contains("JIT compiler");
        assertThat(free.outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c19NeverConfirmsASpeedupAboveTheBusyCores() {
        Verdict v = GilVerdicts.threadsComputeInParallel(cpu(false, 2, 2), phase(0.3, 1.4, 0), 1.4, measured(1.0));

        assertThat(v.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(v.evidence()).contains("impossible");
    }
}
