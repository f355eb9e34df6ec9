package concurrencylab.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.Measured;

/**
 * One cell of the matrix: one workload under one model, as measured in this run.
 *
 * @param model               the row
 * @param workload            the column
 * @param wallSeconds         from the cell's first task's start to its last task's end
 * @param speedup             cpu and io: the sequential cell's wall time over this one's
 * @param cpuSeconds          CPU time the lab used in the cell (worker processes included)
 * @param coresBusy           cpuSeconds / wallSeconds: how many cores the cell kept busy on average
 * @param otherProcessesCores cores other programs kept busy meanwhile (absent where the OS does not tell)
 * @param ioP99Ms             mixed: the p99 latency of the I/O tasks' round trips, each from when it was due
 * @param latencyRatio        mixed: ioP99Ms over the same I/O's p99 with no hog beside it
 * @param loopLagP99Ms        coroutine models: the p99 of how late the loop ran its due timers
 * @param timeline            this cell's own picture (its part of the run's timeline)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cell(String model, String workload, double wallSeconds, Double speedup, double cpuSeconds,
        double coresBusy, Double otherProcessesCores, Double ioP99Ms, Double latencyRatio, Double loopLagP99Ms,
        String timeline) {

    /** The cell's phase again, for the parallelism judgement. */
    Measured measured() {
        long wall = Math.round(wallSeconds * 1e9);
        double others = otherProcessesCores == null ? Double.NaN : otherProcessesCores + coresBusy;
        return new Measured(wall, Math.round(cpuSeconds * 1e9), others);
    }

    /** The name of the cell's part of the run's timeline. */
    static String section(Model model, CompareWorkload workload) {
        return model.tag() + "/" + workload.tag();
    }
}
