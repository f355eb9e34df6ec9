package concurrencylab.gil;

import static concurrencylab.experiment.Phases.measured;
import static concurrencylab.experiment.Phases.phase;
import static concurrencylab.experiment.Phases.phaseWithBackground;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C18 on made-up measurements: confirmed, each control, a leak, a busy machine and a speedup physics rules out. */
class InterpreterVerdictsTest {

    private static final Isolation ISOLATED = new Isolation("m", true, 1, List.of());
    private static final InterpreterVerdicts.Boundary KEPT_APART = new InterpreterVerdicts.Boundary(ISOLATED,
            List.of(2L, 2L), 262_304, 8, 0.4);

    private static InterpreterVerdicts.Setup setup(InterpreterGil gil, GilWorkload workload, int interpreters,
            int threadsPerInterpreter, int cores) {
        return new InterpreterVerdicts.Setup(gil, workload, 4, interpreters, threadsPerInterpreter, cores, 250, false);
    }

    private static InterpreterVerdicts.Setup twoOnTwo() {
        return setup(InterpreterGil.OWN, GilWorkload.CPU, 2, 1, 2);
    }

    @Test
    void c18IsConfirmedWhenTwoInterpretersComputedOnTwoCoresAndKeptTheirStateApart() {
        Verdict v = InterpreterVerdicts.interpretersComputeInParallel(twoOnTwo(), phase(0.52, 1.93, 0.02), 1.9,
                measured(1.0), KEPT_APART);

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.evidence()).contains("speedup 1.92").contains("by 0 of the 1 other").contains("[2, 2], 4 in all")
                .contains("262304 bytes crossed as 8 copies");
    }

    @Test
    void c18IsNotShownWhenAnotherInterpreterSawTheMarkerOrTheCountsDoNotAddUp() {
        var leaked = new InterpreterVerdicts.Boundary(new Isolation("m", true, 1, List.of(1)), List.of(2L, 2L), 0, 0, 0);
        var blind = new InterpreterVerdicts.Boundary(new Isolation("m", false, 1, List.of()), List.of(2L, 2L), 0, 0, 0);
        var lost = new InterpreterVerdicts.Boundary(ISOLATED, List.of(2L, 1L), 0, 0, 0);

        Verdict leak = InterpreterVerdicts.interpretersComputeInParallel(twoOnTwo(), phase(0.52, 1.93, 0), 1.9,
                measured(1.0), leaked);
        assertThat(leak.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(leak.evidence()).contains("interpreters [1] saw the marker");
        assertThat(InterpreterVerdicts.interpretersComputeInParallel(twoOnTwo(), phase(0.52, 1.93, 0), 1.9,
                measured(1.0), blind).outcome()).isEqualTo(Outcome.NOT_SHOWN);
        Verdict count = InterpreterVerdicts.interpretersComputeInParallel(twoOnTwo(), phase(0.52, 1.93, 0), 1.9,
                measured(1.0), lost);
        assertThat(count.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(count.evidence()).contains("add up to 3, not the 4");
    }

    @Test
    void c18CannotBeShownByOneInterpreterByWaitingTasksByOneCoreOrBySharingOneGil() {
        Verdict oneInterpreter = InterpreterVerdicts.interpretersComputeInParallel(
                setup(InterpreterGil.OWN, GilWorkload.CPU, 1, 2, 2), phase(1.01, 1.0, 0), 1.0, measured(1.0),
                KEPT_APART);
        assertThat(oneInterpreter.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(oneInterpreter.evidence()).contains("took turns").contains("speedup 0.99").contains("interpreters=2");

        Verdict sleeping = InterpreterVerdicts.interpretersComputeInParallel(
                setup(InterpreterGil.OWN, GilWorkload.SLEEP, 2, 1, 2), phase(0.5, 0.02, 0), 0.02, measured(1.0),
                KEPT_APART);
        assertThat(sleeping.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(sleeping.evidence()).contains("workload=cpu");

        var pinned = new InterpreterVerdicts.Setup(InterpreterGil.OWN, GilWorkload.CPU, 4, 2, 1, 1, 250, true);
        Verdict oneCore = InterpreterVerdicts.interpretersComputeInParallel(pinned, phase(1.0, 1.0, 0), 1.0,
                measured(1.0), KEPT_APART);
        assertThat(oneCore.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(oneCore.evidence()).contains("pinned to 1 core").contains("cpus=2");

        Verdict shared = InterpreterVerdicts.interpretersComputeInParallel(
                setup(InterpreterGil.SHARED, GilWorkload.CPU, 2, 1, 2), phase(1.0, 1.0, 0), 1.0, measured(1.0),
                KEPT_APART);
        assertThat(shared.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(shared.evidence()).contains("before Python 3.12").contains("gil=own");
    }

    @Test
    void c18MissedOnABusyMachineSaysSoAndOnAFreeOneIsNotShown() {
        Verdict busy = InterpreterVerdicts.interpretersComputeInParallel(twoOnTwo(), phase(0.9, 1.1, 0.9), 1.1,
                measured(1.0), KEPT_APART);
        Verdict compiling = InterpreterVerdicts.interpretersComputeInParallel(twoOnTwo(),
                phaseWithBackground(0.9, 1.1, 0.0, 0.6, 0.0), 1.0, measured(1.0), KEPT_APART);
        Verdict free = InterpreterVerdicts.interpretersComputeInParallel(twoOnTwo(), phase(0.9, 1.1, 0.02), 1.1,
                measured(1.0), KEPT_APART);

        assertThat(busy.outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(compiling.outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(free.outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void c18NeverConfirmsASpeedupAboveTheBusyCores() {
        Verdict v = InterpreterVerdicts.interpretersComputeInParallel(twoOnTwo(), phase(0.3, 1.4, 0), 1.4,
                measured(1.0), KEPT_APART);

        assertThat(v.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(v.evidence()).contains("impossible");
    }
}
