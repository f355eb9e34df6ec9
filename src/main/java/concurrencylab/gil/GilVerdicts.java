package concurrencylab.gil;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Parallelism;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import java.util.Locale;

/** The verdicts of the gil experiment, with the thresholds that decide them. */
final class GilVerdicts {

    /** Under the lock, threads count as "one at a time" while they keep at most this many cores busy. */
    static final double ONE_CORE = 1.3;
    /** Waits count as overlapping "about min(threads, tasks) at once" from this fraction of it up. */
    static final double SCALING_MARGIN = Parallelism.SCALING_MARGIN;
    /** Mixed tasks count as overlapping their waits from this speedup up. */
    static final double MIXED_OVERLAP = 1.15;

    /** What a run of the gil experiment was asked to do. */
    record Setup(boolean gil, GilWorkload workload, int tasks, int threads, int cores, int taskMillis) {

        int parallel() {
            return Math.min(tasks, Math.min(threads, cores));
        }

        String describe() {
            return String.format(Locale.ROOT, "%d %s tasks of %d ms on %d threads on %d cores %s", tasks,
                    workload.tag(), taskMillis, threads, cores, gil ? "under the lock" : "without a lock");
        }
    }

    private GilVerdicts() {
    }

    /**
     * C7, two-sided: under the lock, computing threads keep about one core busy although two or more could run on
     * two or more cores, and the in-run control (the same tasks without the lock) does use the cores. When the
     * control cannot, the machine was busy and the run cannot tell the lock from that.
     *
     * @param locked       the phase under the lock
     * @param threadsCores the cores its interpreter threads themselves kept busy
     * @param free         the control phase without it; null when the run had none (no lock, or no cpu work)
     */
    static Verdict oneThreadComputes(Setup s, Measured locked, double threadsCores, LockReport lock, Measured free) {
        if (s.workload() != GilWorkload.CPU) {
            return Verdict.cannotShow(Claim.C7, s.describe() + ": the lock serialises computing, and these tasks "
                    + (s.workload() == GilWorkload.MIXED ? "compute only half of their time, waiting the rest" : "only wait")
                    + ": run workload=cpu");
        }
        if (!s.gil()) {
            return Verdict.cannotShow(Claim.C7, String.format(Locale.ROOT, "%s: this run had no GIL, and the threads "
                    + "kept %.2f cores busy, computing in parallel: exactly what a GIL forbids. Run it with gil=true "
                    + "to see them take turns", s.describe(), threadsCores));
        }
        if (s.parallel() < 2) {
            return Verdict.cannotShow(Claim.C7, String.format(Locale.ROOT, "%s: min(threads, cores, tasks) = 1, so "
                    + "without the lock only one thread would compute anyway: use 2 or more threads and tasks on 2 or "
                    + "more cores", s.describe()));
        }
        double busy = threadsCores;
        String underLock = String.format(Locale.ROOT, "%s: the interpreter threads kept %.2f cores busy (one at a "
                + "time: counted as shown up to %.1f); the lock changed hands %d times, %d of them forced after a "
                + "switch interval", s.describe(), busy, ONE_CORE, lock.switches().values().stream().mapToLong(Long::longValue).sum(),
                lock.switches().get(SwitchReason.FORCED.tag()));
        if (busy > ONE_CORE) {
            return Verdict.of(Claim.C7, Outcome.NOT_SHOWN, underLock + ": more than one thread computed at a time");
        }
        double faster = (double) locked.wallNanos() / free.wallNanos();
        Parallelism.Judgement control = Parallelism.judge(faster, free, s.parallel());
        if (control.shown()) {
            return Verdict.of(Claim.C7, Outcome.CONFIRMED, underLock + ". The control, the same tasks on the same "
                    + "threads without the lock, ran " + control.reason().replaceFirst("^speedup", "with a speedup")
                    + " over the locked run: the cores were free, and only the lock kept the threads to one");
        }
        return Verdict.of(Claim.C7, control.outcome(), underLock + ". But the control without the lock could not use "
                + "the cores either (" + control.reason() + "), so this run cannot tell the lock from the machine");
    }

    /**
     * C8: waits release the lock, so they overlap under it, about min(threads, tasks) at once (sleep, socket), or
     * the waiting halves of mixed tasks overlap while their computing halves take turns.
     */
    static Verdict ioReleasesTheLock(Setup s, Measured measured, Baseline baseline, LockReport lock) {
        if (s.workload() == GilWorkload.CPU) {
            return Verdict.cannotShow(Claim.C8, s.describe() + ": cpu work does no I/O, so there is nothing to "
                    + "release the lock around: run workload sleep, socket or mixed");
        }
        double sequential = baseline != null ? baseline.wallNanos() / 1e9 : s.tasks() * s.taskMillis() / 1000.0;
        double speedup = sequential / measured.wallSeconds();
        String timing = String.format(Locale.ROOT, "%s took %.3f s instead of %.3f s one after another%s: speedup "
                + "%.2f", s.describe(), measured.wallSeconds(), sequential, baseline != null ? ""
                : " (tasks x taskMillis, as baseline=false)", speedup);
        if (!s.gil()) {
            return Verdict.cannotShow(Claim.C8, timing + ". This run had no GIL to release: the waits overlapped "
                    + "as in any threads. Run it with gil=true to see them overlap under the lock");
        }
        int expected = Math.min(s.tasks(), s.threads());
        if (expected < 2) {
            return Verdict.cannotShow(Claim.C8, timing + ". With one thread (or task) no wait can overlap another: "
                    + "use 2 or more threads and tasks");
        }
        if (s.workload() == GilWorkload.MIXED) {
            return Verdict.of(Claim.C8, speedup >= MIXED_OVERLAP, String.format(Locale.ROOT,
                    "%s (counted as shown from %.2f): the computing halves took turns under the lock, %.3f s of "
                            + "computing in all, and the sleeping halves ran meanwhile, the lock released; %d "
                            + "hand-overs were releases around a wait", timing, MIXED_OVERLAP,
                    s.tasks() * s.taskMillis() / 2000.0, lock.switches().get(SwitchReason.IO.tag())));
        }
        return Verdict.of(Claim.C8, speedup >= SCALING_MARGIN * expected, String.format(Locale.ROOT,
                "%s, expected about min(threads, tasks) = %d (counted as shown from %.1f), although every task ran "
                        + "under the lock: it is released while a thread waits (%d hand-overs were releases around "
                        + "a wait)", timing, expected, SCALING_MARGIN * expected,
                lock.switches().get(SwitchReason.IO.tag())));
    }
}
