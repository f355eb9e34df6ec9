package concurrencylab.threads;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Overlap;
import concurrencylab.experiment.Parallelism;
import concurrencylab.experiment.Verdict;
import java.util.Locale;

/** The verdicts of the thread experiments, with the thresholds that decide them. */
final class ThreadVerdicts {

    private ThreadVerdicts() {
    }

    /**
     * C5: cpu tasks on {@code workers} threads go about min(workers, cores, tasks) times as fast as on one, with
     * that many cores busy ({@link Parallelism}).
     */
    static Verdict parallelCompute(Measured measured, Baseline baseline, int tasks, int workers, int cores,
            String threadName) {
        int expected = Math.min(tasks, Math.min(workers, cores));
        String setup = String.format(Locale.ROOT, "%d cpu tasks on %d %ss on %d cores", tasks, workers, threadName,
                cores);
        if (baseline == null) {
            return Verdict.cannotShow(Claim.C5, setup + ": " + Baseline.NONE);
        }
        double speedup = (double) baseline.wallNanos() / measured.wallNanos();
        if (expected < 2) {
            return Verdict.cannotShow(Claim.C5, String.format(Locale.ROOT, "%s: speedup %.2f, but min(%ss %d, "
                    + "cores %d, tasks %d) = 1 leaves nothing to run in parallel: use 2 or more %ss and tasks on a "
                    + "machine with 2 or more cores", setup, speedup, threadName, workers, cores, tasks, threadName));
        }
        Parallelism.Judgement judgement = Parallelism.judge(speedup, measured, expected);
        return Verdict.of(Claim.C5, judgement.outcome(), setup + ": " + judgement.reason()
                + (baseline.isMeasured() ? "" : "; the one-thread time is " + baseline.method()));
    }

    /** C5 cannot be shown by tasks that wait: they overlap their waits on many threads, yet keep no core busy. */
    static Verdict waitingUsesNoCores(Measured measured, int tasks, int taskMillis, int workers, String threadName) {
        double atOnce = Overlap.atOnce(measured.wallSeconds(), tasks * taskMillis / 1000.0);
        return Verdict.cannotShow(Claim.C5, String.format(Locale.ROOT, "%d tasks each waited %d ms on %d %ss: %.1f "
                + "waits were in progress at once on average, yet only %.2f cores were busy. Waiting threads overlap "
                + "without computing, so they show nothing about cores: run workload=cpu", tasks, taskMillis, workers,
                threadName, atOnce, measured.cpuUtilisation()));
    }

    /**
     * C6 for one virtual thread per task, the JVM's coroutines: a virtual thread that waits steps off its carrier,
     * so N waits of d ms take about d, not N x d ({@link Overlap}: within 3 x d and at most 0.75 x N x d).
     */
    static Verdict waitsTakeOneWait(Measured measured, int tasks, int taskMillis, int peakPlatformThreads,
            Integer openConnectionLimit) {
        double wall = measured.wallSeconds();
        double oneWait = taskMillis / 1000.0;
        double sequential = tasks * oneWait;
        // More socket tasks than connections allowed wait in waves: the ideal is one wait per wave.
        int waves = openConnectionLimit != null && tasks > openConnectionLimit
                ? Math.ceilDiv(tasks, openConnectionLimit) : 1;
        double ideal = waves * oneWait;
        String evidence = String.format(Locale.ROOT, "%d virtual threads each waiting %d ms finished in %.3f s = %.2f "
                        + "x one wait (one after another: %.1f s), counted as shown up to %.0f x %s and %.0f%% of "
                        + "one after another; at most %d platform threads were alive in the JVM",
                tasks, taskMillis, wall, wall / oneWait, sequential, Overlap.IDEAL_FACTOR,
                waves == 1 ? "one wait" : waves + " waits", 100 * Overlap.SEQUENTIAL_FRACTION, peakPlatformThreads)
                + (waves > 1 ? String.format(Locale.ROOT, "; at most %d connections may be open at once "
                        + "(lab.limits.max-open-connections), so the tasks waited in %d waves", openConnectionLimit,
                        waves) : "");
        if (tasks < 2) {
            return Verdict.cannotShow(Claim.C6, evidence + ". One task has nobody to let run: use 2 or more");
        }
        return Verdict.of(Claim.C6, Overlap.shown(wall, ideal, sequential), evidence);
    }

    /** C6 cannot be shown by cpu work: it never waits, so a virtual thread never suspends. */
    static Verdict computingNeverSuspends(Measured measured, int tasks, int taskMillis) {
        return Verdict.cannotShow(Claim.C6, String.format(Locale.ROOT, "%d tasks computed %d ms each in %.3f s: cpu "
                + "work never waits, so no virtual thread suspended and the cores, not the threads, set the pace. Run "
                + "workload=sleep or socket to see waits overlap", tasks, taskMillis, measured.wallSeconds()));
    }
}
