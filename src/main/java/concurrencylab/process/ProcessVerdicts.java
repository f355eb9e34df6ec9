package concurrencylab.process;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Overlap;
import concurrencylab.experiment.Parallelism;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import concurrencylab.process.ProcessesDetails.WorkerReport;
import java.util.List;
import java.util.Locale;

/** The verdicts of the processes experiment, with the thresholds that decide them. */
final class ProcessVerdicts {

    /** Workers sharing N cores count as "no faster than N" up to this factor of N. */
    static final double ONE_CORE_SPEEDUP = 1.25;
    /** Threads under one GIL count as "one core busy" up to this many. */
    static final double ONE_CORE = 1.3;

    /** What a run of the processes experiment was asked to do. */
    record Setup(ProcessWorkload workload, boolean gil, int tasks, int workers, int cores, Integer cpus) {

        /** Cores the workers may use: the pinned ones, or the machine's. */
        int usableCores() {
            return cpus != null ? cpus : cores;
        }

        /** The most workers that can compute at once. */
        int parallel() {
            return Math.min(workers, usableCores());
        }

        boolean computing() {
            return workload == ProcessWorkload.CPU;
        }

        /** Whether the run also times its tasks as threads under one GIL: C9's contrast needs cpu work and 2 cores. */
        boolean contrastsGils() {
            return computing() && gil && parallel() >= 2;
        }

        String describe() {
            return String.format(Locale.ROOT, "%d %s tasks on %d worker processes %s", tasks, workload.tag(), workers,
                    cpus != null ? "pinned to " + cpus + " core(s)" : "on " + cores + " cores");
        }
    }

    /**
     * The phase of C9's contrast: the tasks as threads of the service under one GIL.
     *
     * @param wallNanos    how long it took
     * @param threadsCores cores the threads themselves kept busy (the JVM's JIT and GC left out)
     */
    record OneGil(long wallNanos, double threadsCores) {
    }

    private ProcessVerdicts() {
    }

    /** C2: computing workers go about min(workers, cores) times as fast as one thread, with that many cores busy. */
    static Verdict parallel(Setup s, Measured measured, Baseline baseline) {
        if (!s.computing()) {
            double atOnce = Overlap.atOnce(measured.wallSeconds(), baseline != null ? baseline.wallNanos() / 1e9
                    : Double.NaN);
            return Verdict.cannotShow(Claim.C2, String.format(Locale.ROOT, "%s: %s %.2f cores were busy. Sleeping "
                    + "processes overlap their waits without computing, which shows nothing about cores: run "
                    + "workload=cpu", s.describe(), baseline != null ? String.format(Locale.ROOT, "the waits "
                    + "overlapped (%.1f at once on average), yet only", atOnce) : "only", measured.cpuUtilisation()));
        }
        if (baseline == null) {
            return Verdict.cannotShow(Claim.C2, s.describe() + ": " + Baseline.NONE);
        }
        double speedup = (double) baseline.wallNanos() / measured.wallNanos();
        if (s.parallel() < 2) {
            return Verdict.cannotShow(Claim.C2, String.format(Locale.ROOT, "%s: speedup %.2f, but min(workers, "
                    + "cores) = 1 leaves nothing to run at the same time: use 2 or more processes and tasks on 2 or "
                    + "more cores", s.describe(), speedup));
        }
        Parallelism.Judgement judgement = Parallelism.judge(speedup, measured, s.parallel());
        return Verdict.of(Claim.C2, judgement.outcome(), s.describe() + ": " + judgement.reason()
                + " (the workers' own CPU time included)"
                + (baseline.isMeasured() ? "" : "; the one-thread time is " + baseline.method()));
    }

    /** C3: pinned to fewer cores than workers, they still all progress at once (overlapping) but no faster. */
    static Verdict timeSliced(Setup s, Measured measured, Baseline baseline, boolean overlap) {
        if (s.cpus() == null) {
            return Verdict.cannotShow(Claim.C3, s.describe() + ", not pinned: run it with cpus: 1 to make the "
                    + "workers share one core");
        }
        if (!s.computing()) {
            return Verdict.cannotShow(Claim.C3, s.describe() + ": sleeping workers need no core time to share: run "
                    + "workload=cpu");
        }
        if (s.workers() <= s.cpus()) {
            return Verdict.cannotShow(Claim.C3, s.describe() + ": with no more workers than cores there is nothing "
                    + "to slice: use more processes than cpus");
        }
        if (baseline == null) {
            return Verdict.cannotShow(Claim.C3, s.describe() + ": " + Baseline.NONE);
        }
        double speedup = (double) baseline.wallNanos() / measured.wallNanos();
        boolean noFaster = speedup <= s.cpus() * ONE_CORE_SPEEDUP;
        return Verdict.of(Claim.C3, overlap && noFaster, String.format(Locale.ROOT,
                "%s: speedup %.2f (counted as shown up to %.2f) and their work intervals %s, so the OS sliced the "
                        + "cores' time among them", s.describe(), speedup, s.cpus() * ONE_CORE_SPEEDUP,
                overlap ? "all overlapped" : "did not all overlap"));
    }

    /**
     * C9, a contrast in one run: the same cpu tasks as threads of one process under its one GIL keep about one core
     * busy, and as processes, each under a GIL of its own, they go about min(processes, cores) times as fast.
     *
     * @param gilThreads the threads-under-one-GIL phase; null when the run had none
     */
    static Verdict ownGilEach(Setup s, Measured processes, OneGil gilThreads) {
        if (!s.computing()) {
            return Verdict.cannotShow(Claim.C9, s.describe() + ": a GIL serialises computing, and sleeping tasks "
                    + "hold none: run workload=cpu");
        }
        if (!s.gil()) {
            return Verdict.cannotShow(Claim.C9, s.describe() + ": gil=false, the workers ran without a GIL: run it "
                    + "with gil=true");
        }
        if (gilThreads == null) {
            return Verdict.cannotShow(Claim.C9, s.describe() + ": min(workers, cores) = 1, so one GIL or several "
                    + "would run the same: use 2 or more processes and tasks on 2 or more cores");
        }
        double faster = (double) gilThreads.wallNanos() / processes.wallNanos();
        String contrast = String.format(Locale.ROOT, "%s. The same tasks took %.3f s as %d threads of this service "
                + "under one GIL, keeping %.2f cores busy (one at a time: counted as shown up to %.1f), and %.3f s "
                + "as %d processes each under a GIL of its own", s.describe(), gilThreads.wallNanos() / 1e9,
                s.workers(), gilThreads.threadsCores(), ONE_CORE, processes.wallSeconds(), s.workers());
        if (gilThreads.threadsCores() > ONE_CORE) {
            return Verdict.of(Claim.C9, Outcome.NOT_SHOWN, contrast + ": the threads under one GIL used more than "
                    + "one core");
        }
        Parallelism.Judgement judgement = Parallelism.judge(faster, processes, s.parallel());
        return Verdict.of(Claim.C9, judgement.outcome(), contrast + ": processes against one GIL, "
                + judgement.reason() + (judgement.shown() ? ". One GIL per process does not stop processes computing "
                + "in parallel" : ""));
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
}
