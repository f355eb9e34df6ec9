package concurrencylab.threads;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Verdict;
import java.util.Locale;

/** The verdicts the thread experiments share, with the thresholds that decide them. */
final class ThreadVerdicts {

    /** A speedup counts as "about N" from this fraction of N up: the machines are shared and noisy. */
    static final double SCALING_MARGIN = 0.7;

    private ThreadVerdicts() {
    }

    /** C5: computing tasks on {@code workers} threads go min(workers, cores, tasks) times as fast. */
    static Verdict parallelCompute(Measured measured, Baseline baseline, int tasks, int workers, int cores) {
        int expected = Math.min(tasks, Math.min(workers, cores));
        if (baseline == null) {
            return Verdict.of(Claim.C5, false, "not measured: the run had baseline=false, so there is no speedup to judge");
        }
        double speedup = (double) baseline.wallNanos() / measured.wallNanos();
        if (expected < 2) {
            return Verdict.of(Claim.C5, false, String.format(Locale.ROOT,
                    "speedup %.2f, but min(threads %d, cores %d, tasks %d) = 1 leaves nothing to run in parallel: "
                            + "use at least 2 threads and 2 tasks on a machine with 2 or more cores",
                    speedup, workers, cores, tasks));
        }
        boolean confirmed = speedup >= SCALING_MARGIN * expected;
        return Verdict.of(Claim.C5, confirmed, String.format(Locale.ROOT,
                "speedup %.2f over one thread with %d threads on %d cores: expected about min(threads, cores, tasks) = %d, "
                        + "counted as shown from %.1f; CPU utilisation %.2f cores",
                speedup, workers, cores, expected, SCALING_MARGIN * expected, measured.cpuUtilisation()));
    }

    /**
     * C6: waiting tasks overlap their waits: N waits of d ms on {@code workers} threads take about
     * ceil(N / workers) x d, so on average min(workers, N) waits were in progress at once.
     */
    static Verdict overlappingWaits(Measured measured, int tasks, int taskMillis, int workers, String workerName) {
        int expected = Math.min(tasks, workers);
        double overlap = tasks * (taskMillis / 1000.0) / measured.wallSeconds();
        boolean confirmed = expected >= 2 && overlap >= SCALING_MARGIN * expected;
        return Verdict.of(Claim.C6, confirmed, String.format(Locale.ROOT,
                "%d waits of %d ms took %.3f s instead of %.3f s one after another: %.1f waits in progress at once on "
                        + "average, expected about min(%ss %d, tasks %d) = %d, counted as shown from %.1f",
                tasks, taskMillis, measured.wallSeconds(), tasks * taskMillis / 1000.0, overlap, workerName, workers,
                tasks, expected, SCALING_MARGIN * expected));
    }

    /**
     * C6 for one thread per task: N waits of d ms take about d, not N x d. Shown when the wall time stays within
     * {@link #ONE_WAIT_FACTOR} waits and well under the sequential time.
     */
    static Verdict waitsTakeOneWait(Measured measured, int tasks, int taskMillis, int peakPlatformThreads,
            Integer openConnectionLimit) {
        double wall = measured.wallSeconds();
        double oneWait = taskMillis / 1000.0;
        double sequential = tasks * oneWait;
        boolean confirmed = tasks >= 2 && wall <= ONE_WAIT_FACTOR * oneWait && wall <= 0.75 * sequential;
        return Verdict.of(Claim.C6, confirmed, String.format(Locale.ROOT,
                "%d tasks each waiting %d ms finished in %.3f s = %.2f x one wait (one after another: %.1f s), "
                        + "counted as shown up to %.0f x one wait; at most %d platform threads were alive in the JVM",
                tasks, taskMillis, wall, wall / oneWait, sequential, ONE_WAIT_FACTOR, peakPlatformThreads)
                + (openConnectionLimit != null && tasks > openConnectionLimit ? String.format(Locale.ROOT,
                "; at most %d connections may be open at once (lab.limits.max-open-connections), so the tasks "
                        + "waited in about %d waves", openConnectionLimit, Math.ceilDiv(tasks, openConnectionLimit)) : ""));
    }

    /** How many single waits the wall time of N overlapped waits may reach and still count as "about one wait". */
    static final double ONE_WAIT_FACTOR = 3.0;
}
