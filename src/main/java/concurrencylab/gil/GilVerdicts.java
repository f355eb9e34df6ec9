package concurrencylab.gil;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Verdict;
import java.util.Locale;

/** The verdicts of the gil experiments, with the thresholds that decide them. */
final class GilVerdicts {

    /** Under the lock, computing threads count as "no faster than one" up to this speedup. */
    static final double SERIAL_SPEEDUP = 1.25;
    /** A speedup counts as "about N" from this fraction of N up: the machines are shared and noisy. */
    static final double SCALING_MARGIN = 0.7;
    /** Mixed tasks count as overlapping their waits from this speedup up. */
    static final double MIXED_OVERLAP = 1.25;

    private GilVerdicts() {
    }

    /** C7 for cpu work: speedup ~ 1 with the lock, ~ min(threads, cores) without it. */
    static Verdict oneThreadComputes(boolean gil, Measured measured, Baseline baseline, int tasks, int threads,
            int cores, LockReport lock) {
        if (baseline == null) {
            return Verdict.of(Claim.C7, false, "not measured: the run had baseline=false, so there is no speedup to judge");
        }
        double speedup = (double) baseline.wallNanos() / measured.wallNanos();
        int parallel = Math.min(tasks, Math.min(threads, cores));
        if (parallel < 2) {
            return Verdict.of(Claim.C7, false, String.format(Locale.ROOT, "speedup %.2f, but min(threads %d, cores %d, "
                    + "tasks %d) = 1: without a second thread there is nothing for the lock to serialise", speedup,
                    threads, cores, tasks));
        }
        if (gil) {
            return Verdict.of(Claim.C7, speedup <= SERIAL_SPEEDUP, String.format(Locale.ROOT,
                    "speedup %.2f with %d threads on %d cores under the lock (counted as shown up to %.2f; without the "
                            + "lock about %d): CPU utilisation %.2f cores; the lock changed hands %d times, %d of them "
                            + "forced after a switch interval",
                    speedup, threads, cores, SERIAL_SPEEDUP, parallel, measured.cpuUtilisation(),
                    lock.switches().values().stream().mapToLong(Long::longValue).sum(),
                    lock.switches().get(SwitchReason.FORCED.tag())));
        }
        return Verdict.of(Claim.C7, speedup >= SCALING_MARGIN * parallel, String.format(Locale.ROOT,
                "without the lock: speedup %.2f with %d threads on %d cores, expected about %d (counted as shown from "
                        + "%.1f), CPU utilisation %.2f cores. Run it with gil=true: the same threads get no faster "
                        + "than one, because only the lock's holder may compute",
                speedup, threads, cores, parallel, SCALING_MARGIN * parallel, measured.cpuUtilisation()));
    }

    /** C8 for sleep and socket work: the waits overlap, about min(threads, tasks) at once, lock or no lock. */
    static Verdict ioReleasesTheLock(boolean gil, Measured measured, Baseline baseline, int tasks, int threads,
            int taskMillis) {
        int expected = Math.min(tasks, threads);
        double sequential = baseline != null ? baseline.wallNanos() / 1e9 : tasks * taskMillis / 1000.0;
        double speedup = sequential / measured.wallSeconds();
        boolean confirmed = expected >= 2 && speedup >= SCALING_MARGIN * expected;
        return Verdict.of(Claim.C8, confirmed, String.format(Locale.ROOT,
                "%d waits of %d ms on %d threads took %.3f s instead of %.3f s one after another: speedup %.2f%s, "
                        + "expected about min(threads, tasks) = %d (counted as shown from %.1f)%s",
                tasks, taskMillis, threads, measured.wallSeconds(), sequential, speedup,
                baseline != null ? "" : " (against tasks x taskMillis, as baseline=false)", expected,
                SCALING_MARGIN * expected, gil ? ", although every task ran under the lock: it is released while a "
                        + "thread waits" : "; the run had no lock, run it with gil=true to see the waits overlap under it"));
    }

    /** C8 for mixed work: the sleeping halves overlap even though the computing halves take turns. */
    static Verdict mixedWaitsOverlap(boolean gil, Measured measured, Baseline baseline, int tasks, int taskMillis) {
        if (baseline == null) {
            return Verdict.of(Claim.C8, false, "not measured: the run had baseline=false, so there is no speedup to judge");
        }
        double speedup = (double) baseline.wallNanos() / measured.wallNanos();
        double serialCompute = tasks * taskMillis / 2000.0;
        return Verdict.of(Claim.C8, tasks >= 2 && speedup >= MIXED_OVERLAP, String.format(Locale.ROOT,
                "tasks that compute %d ms and then sleep %d ms: speedup %.2f (counted as shown from %.2f); %s",
                taskMillis / 2, taskMillis - taskMillis / 2, speedup, MIXED_OVERLAP, gil
                        ? String.format(Locale.ROOT, "their computing halves took turns under the lock (%.3f s of "
                                + "computing in all, wall %.3f s), and the sleeps ran meanwhile, with the lock released",
                                serialCompute, measured.wallSeconds())
                        : "without the lock, computing and sleeping both overlap"));
    }
}
