package concurrencylab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a finished run measured. Every number here was measured in that run.
 *
 * @param wallSeconds          wall-clock time of the measured (concurrent) phase
 * @param cpuSeconds           CPU time the lab's process (and, where there are any, its workers) used in it
 * @param cpuUtilisation       cpuSeconds / wallSeconds: how many cores were busy on average
 * @param otherProcessesCores  how many cores other programs on the machine kept busy meanwhile (absent where the
 *                             OS does not tell): a busy machine cannot show parallelism, and the verdicts say so
 * @param baselineWallSeconds  the same tasks run one after another on one thread; absent when turned off
 * @param baselineMethod       "measured", or how the baseline was estimated when measuring it would take too long
 * @param speedup              baselineWallSeconds / wallSeconds
 * @param efficiency           speedup / the number of workers that ran the tasks (1.0 is perfect scaling)
 * @param taskLatency          from a task's submission to its end, as its caller sees it
 * @param verdicts             the claims this run tested, each confirmed or not
 * @param details              what only this experiment measures
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentResult(
        double wallSeconds,
        double cpuSeconds,
        double cpuUtilisation,
        Double otherProcessesCores,
        Double baselineWallSeconds,
        String baselineMethod,
        Double speedup,
        Double efficiency,
        LatencyStats taskLatency,
        List<Verdict> verdicts,
        Object details) {

    /**
     * Builds a result from a measured phase, an optional baseline and the number of workers that shared the tasks.
     */
    public static ExperimentResult of(Measured measured, Baseline baseline, int workers, LatencyStats taskLatency,
            List<Verdict> verdicts, Object details) {
        Double speedup = null;
        Double efficiency = null;
        if (baseline != null && measured.wallNanos() > 0) {
            double ratio = (double) baseline.wallNanos() / measured.wallNanos();
            speedup = Numbers.round(ratio, 3);
            efficiency = Numbers.round(ratio / Math.max(1, workers), 3);
        }
        return new ExperimentResult(
                Numbers.seconds(measured.wallNanos()),
                Numbers.seconds(measured.cpuNanos()),
                Numbers.round(measured.cpuUtilisation(), 3),
                Double.isNaN(measured.othersBusyCores()) ? null : Numbers.round(measured.othersBusyCores(), 3),
                baseline == null ? null : Numbers.seconds(baseline.wallNanos()),
                baseline == null ? null : baseline.method(),
                speedup, efficiency, taskLatency, List.copyOf(verdicts), details);
    }
}
