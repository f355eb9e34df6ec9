package concurrencylab.gil;

import static concurrencylab.experiment.Phases.phase;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import org.junit.jupiter.api.Test;

/** C12 shown true and false on made-up measurements. */
class ConvoyVerdictTest {

    private static Verdict verdict(boolean gil, double aloneMs, double besideMs, double others) {
        var p = new ConvoyParams(200, 0.1, 1, 5.0, gil);
        var alone = new LatencyStats(200, aloneMs, aloneMs, aloneMs, aloneMs);
        var beside = new LatencyStats(200, besideMs, besideMs, besideMs, besideMs);
        return ConvoyExperiment.verdict(p, 5.0, besideMs - aloneMs, besideMs / aloneMs, alone, beside,
                phase(200 * aloneMs / 1000, 0.01, 0), phase(200 * besideMs / 1000, 1.0, others));
    }

    @Test
    void aboutASwitchIntervalMorePerOperationIsTheConvoy() {
        Verdict v = verdict(true, 0.2, 5.5, 0);

        assertThat(v.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(v.evidence()).doesNotContain("CPython");
    }

    @Test
    void withoutAGilThereIsNoConvoyToShow() {
        assertThat(verdict(false, 0.2, 0.2, 0).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void operationsThatGetTheLockBackAtOnceShowNoConvoy() {
        assertThat(verdict(true, 0.2, 0.3, 0).outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void waitsFarBeyondTheLockOnABusyMachineBlameTheMachine() {
        assertThat(verdict(true, 0.2, 40, 0.9).outcome()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(verdict(true, 0.2, 40, 0.0).outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }
}
