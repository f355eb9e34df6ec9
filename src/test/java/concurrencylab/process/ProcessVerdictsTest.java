package concurrencylab.process;

import static concurrencylab.experiment.Phases.measured;
import static concurrencylab.experiment.Phases.phase;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import org.junit.jupiter.api.Test;

/** C2, C3 and C9, each shown true and false on made-up measurements. */
class ProcessVerdictsTest {

    private static ProcessVerdicts.Setup cpu(int workers, int cores, Integer cpus) {
        return new ProcessVerdicts.Setup(ProcessWorkload.CPU, true, 4, workers, cores, cpus);
    }

    private static ProcessVerdicts.OneGil oneGil(double wallSeconds, double threadsCores) {
        return new ProcessVerdicts.OneGil(Math.round(wallSeconds * 1e9), threadsCores);
    }

    @Test
    void c2IsConfirmedWhenWorkersComputeOnSeveralCores() {
        assertThat(ProcessVerdicts.parallel(cpu(2, 2, null), phase(0.84, 1.93, 0.05), measured(1.5)).outcome())
                .isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void sleepingWorkersCannotShowC2HoweverMuchTheyOverlap() {
        // 4 sleeping workers on 2 cores: "speedup 3.61" with 0.09 cores busy is overlapping waits, not cores.
        var sleep = new ProcessVerdicts.Setup(ProcessWorkload.SLEEP, true, 4, 4, 2, null);
        Verdict v = ProcessVerdicts.parallel(sleep, phase(0.443, 0.09, 0), measured(1.6));

        assertThat(v.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(v.evidence()).contains("0.09 cores");
    }

    @Test
    void c2CannotBeShownByOneWorkerOrOneCoreAndABusyMachineIsNamed() {
        assertThat(ProcessVerdicts.parallel(cpu(1, 2, null), phase(1.6, 1, 0), measured(1.6)).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(ProcessVerdicts.parallel(cpu(2, 2, 1), phase(1.6, 1, 0), measured(1.6)).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(ProcessVerdicts.parallel(cpu(2, 2, null), phase(1.5, 1.05, 0.9), measured(1.6)).outcome())
                .isEqualTo(Outcome.MACHINE_BUSY);
    }

    @Test
    void c3IsConfirmedWhenPinnedWorkersOverlapAndGetNoFaster() {
        assertThat(ProcessVerdicts.timeSliced(cpu(2, 2, 1), phase(1.63, 1, 0), measured(1.5), true).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(ProcessVerdicts.timeSliced(cpu(2, 2, 1), phase(1.63, 1, 0), measured(1.5), false).outcome())
                .as("one after the other is not time slicing").isEqualTo(Outcome.NOT_SHOWN);
        assertThat(ProcessVerdicts.timeSliced(cpu(2, 2, 1), phase(0.8, 1.9, 0), measured(1.6), true).outcome())
                .as("faster than one core").isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c3CannotBeShownUnpinnedOrWithAsManyCoresAsWorkers() {
        assertThat(ProcessVerdicts.timeSliced(cpu(2, 2, null), phase(0.84, 1.9, 0), measured(1.6), true).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(ProcessVerdicts.timeSliced(cpu(2, 2, 2), phase(0.84, 1.9, 0), measured(1.6), true).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void c9IsConfirmedWhenOneGilKeepsThreadsToOneCoreAndProcessesUseThemAll() {
        Verdict v = ProcessVerdicts.ownGilEach(cpu(2, 2, null), phase(0.84, 1.93, 0.05), oneGil(1.5, 1.0));

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.evidence()).contains("under one GIL").contains("a GIL of its own");
    }

    @Test
    void c9IsNotTheSameAsC2WithoutTheContrast() {
        // Threads under "one GIL" that used both cores would be no GIL at all: the contrast fails.
        assertThat(ProcessVerdicts.ownGilEach(cpu(2, 2, null), phase(0.84, 1.93, 0), oneGil(0.8, 1.95)).outcome())
                .isEqualTo(Outcome.NOT_SHOWN);
        assertThat(ProcessVerdicts.ownGilEach(cpu(2, 2, null), phase(1.4, 1.05, 0.9), oneGil(1.5, 1.0))
                .outcome()).isEqualTo(Outcome.MACHINE_BUSY);
    }

    @Test
    void c9CannotBeShownWithoutGilsOrWithoutCpuWorkOrOnOneCore() {
        var noGil = new ProcessVerdicts.Setup(ProcessWorkload.CPU, false, 4, 2, 2, null);
        var sleep = new ProcessVerdicts.Setup(ProcessWorkload.SLEEP, true, 4, 2, 2, null);
        assertThat(ProcessVerdicts.ownGilEach(noGil, phase(0.84, 1.9, 0), null).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(ProcessVerdicts.ownGilEach(sleep, phase(0.8, 0.1, 0), null).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(ProcessVerdicts.ownGilEach(cpu(2, 2, 1), phase(1.6, 1, 0), null).outcome())
                .isEqualTo(Outcome.CANNOT_SHOW);
    }
}
