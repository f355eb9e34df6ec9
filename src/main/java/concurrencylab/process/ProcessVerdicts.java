package concurrencylab.process;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Verdict;
import concurrencylab.process.ProcessesDetails.WorkerReport;
import java.util.List;
import java.util.Locale;

/** The verdicts of the processes experiment, with the thresholds that decide them. */
final class ProcessVerdicts {

    /** A speedup counts as "about N" from this fraction of N up: the machines are shared and noisy. */
    static final double SCALING_MARGIN = 0.7;
    /** Workers sharing one core count as "no faster than one" up to this speedup. */
    static final double ONE_CORE_SPEEDUP = 1.25;

    private ProcessVerdicts() {
    }

    /** C2: workers run at once: speedup ~ min(workers, cores) for cpu work, ~ workers for sleeping ones. */
    static Verdict parallel(Measured measured, Baseline baseline, int workers, int cores, int expected) {
        if (baseline == null) {
            return Verdict.of(Claim.C2, false, "not measured: the run had baseline=false, so there is no speedup to judge");
        }
        double speedup = speedup(measured, baseline);
        if (expected < 2) {
            return Verdict.of(Claim.C2, false, String.format(Locale.ROOT, "speedup %.2f, but %d worker(s) on %d "
                    + "core(s) leave nothing to run at the same time: use 2 or more processes and tasks", speedup,
                    workers, cores));
        }
        return Verdict.of(Claim.C2, speedup >= SCALING_MARGIN * expected, String.format(Locale.ROOT,
                "speedup %.2f with %d worker processes on %d cores: expected about %d (counted as shown from %.1f); "
                        + "CPU utilisation %.2f cores, the workers' own CPU time included",
                speedup, workers, cores, expected, SCALING_MARGIN * expected, measured.cpuUtilisation()));
    }

    /** C3: pinned to N cores, workers still all progress at once (overlapping intervals) but no faster than N. */
    static Verdict timeSliced(Measured measured, Baseline baseline, int workers, int cpus, boolean overlap) {
        if (baseline == null) {
            return Verdict.of(Claim.C3, false, "not measured: the run had baseline=false, so there is no speedup to judge");
        }
        double speedup = speedup(measured, baseline);
        int expected = Math.min(workers, cpus);
        boolean noFaster = speedup <= expected * ONE_CORE_SPEEDUP;
        boolean confirmed = workers > cpus && overlap && noFaster;
        return Verdict.of(Claim.C3, confirmed, String.format(Locale.ROOT,
                "%d worker processes pinned to %d core(s): speedup %.2f (counted as shown up to %.2f) and their "
                        + "work intervals %s, so the OS sliced the core's time among them%s",
                workers, cpus, speedup, expected * ONE_CORE_SPEEDUP, overlap ? "all overlapped"
                        : "did not all overlap", workers > cpus ? ""
                        : "; with no more workers than cores there is nothing to slice: use more processes than cpus"));
    }

    /** C9: each worker computed under a GIL of its own, and still the workers ran in parallel. */
    static Verdict ownGilEach(Measured measured, Baseline baseline, List<WorkerReport> reports, int expected) {
        if (baseline == null) {
            return Verdict.of(Claim.C9, false, "not measured: the run had baseline=false, so there is no speedup to judge");
        }
        double speedup = speedup(measured, baseline);
        boolean everyOneLocked = reports.stream().allMatch(r -> r.gilAcquisitions() >= r.tasks());
        return Verdict.of(Claim.C9, expected >= 2 && everyOneLocked && speedup >= SCALING_MARGIN * expected,
                String.format(Locale.ROOT, "each of the %d workers ran its tasks under a simulated GIL of its own (lock "
                        + "acquisitions per worker: %s), and together they ran %.2f times as fast as one thread: "
                        + "expected about %d (counted as shown from %.1f). One GIL per process does not stop processes "
                        + "computing in parallel", reports.size(),
                        reports.stream().map(r -> String.valueOf(r.gilAcquisitions())).toList(), speedup, expected,
                        SCALING_MARGIN * expected));
    }

    /** Whether every worker's [started, finished] interval overlaps every other's. */
    static boolean intervalsOverlap(List<WorkerReport> reports) {
        for (WorkerReport a : reports) {
            for (WorkerReport b : reports) {
                if (a != b && (a.finishedAtMs() <= b.startedAtMs() || b.finishedAtMs() <= a.startedAtMs())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double speedup(Measured measured, Baseline baseline) {
        return (double) baseline.wallNanos() / measured.wallNanos();
    }
}
