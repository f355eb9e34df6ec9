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

    /**
     * What a run of the gil experiment was asked to do.
     *
     * @param gil    the GIL build (under the lock), or the free-threaded one
     * @param cores  the cores the run could use: its cpus when pinned
     * @param pinned whether the run was pinned to {@code cores} cores
     */
    record Setup(boolean gil, GilWorkload workload, int tasks, int threads, int cores, int taskMillis, boolean pinned) {

        Setup(boolean gil, GilWorkload workload, int tasks, int threads, int cores, int taskMillis) {
            this(gil, workload, tasks, threads, cores, taskMillis, false);
        }

        int parallel() {
            return Math.min(tasks, Math.min(threads, cores));
        }

        String describe() {
            return String.format(Locale.ROOT, "%d %s tasks of %d ms on %d threads on %d cores%s %s", tasks,
                    workload.tag(), taskMillis, threads, cores, pinned ? " (pinned)" : "",
                    gil ? "under the lock" : "without a lock (the free-threaded build)");
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
                    + "kept %.2f cores busy, computing in parallel: exactly what a GIL forbids. Run it with build=gil "
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
                    + "as in any threads. Run it with build=gil to see them overlap under the lock");
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

    /**
     * C19: the free-threaded build runs computing threads on several cores at once, about min(threads, cores,
     * tasks) times as fast as one thread, with that many cores busy ({@link Parallelism}). Its controls come out
     * otherwise, as C7's do: the GIL build keeps them to one core (measured, and said as a control: the run's build
     * cannot show it, as C7 without a lock cannot show C7), one core or one thread leaves nothing to run in parallel,
     * and waiting threads keep no core busy.
     *
     * @param threadsCores the cores the interpreter threads themselves kept busy
     */
    static Verdict threadsComputeInParallel(Setup s, Measured measured, double threadsCores, Baseline baseline) {
        if (s.workload() != GilWorkload.CPU) {
            return Verdict.cannotShow(Claim.C19, s.describe() + ": tasks that " + (s.workload() == GilWorkload.MIXED
                    ? "wait half of their time" : "only wait") + " keep no core busy whatever the build, so they "
                    + "show nothing about cores: run workload=cpu");
        }
        if (s.parallel() < 2) {
            return Verdict.cannotShow(Claim.C19, String.format(Locale.ROOT, "%s: min(threads, cores, tasks) = 1 "
                    + "leaves nothing to run in parallel, whatever the build%s: use 2 or more threads and tasks on 2 "
                    + "or more cores", s.describe(), s.pinned() ? " (this run was pinned to " + s.cores() + " core"
                    + (s.cores() == 1 ? "" : "s") + ")" : ""));
        }
        if (baseline == null) {
            return Verdict.cannotShow(Claim.C19, s.describe() + ": " + Baseline.NONE);
        }
        double speedup = (double) baseline.wallNanos() / measured.wallNanos();
        int expected = s.parallel();
        if (s.gil()) {
            return Verdict.cannotShow(Claim.C19, String.format(Locale.ROOT, "%s: this is the GIL build, and its "
                    + "threads kept %.2f cores busy with a speedup of %.2f where %d cores could have run them: the lock "
                    + "let one compute at a time, as a GIL build must. Run it with build=free-threaded to see them "
                    + "compute on several cores", s.describe(), threadsCores, speedup, expected));
        }
        Parallelism.Judgement judgement = Parallelism.judge(speedup, measured, expected);
        return Verdict.of(Claim.C19, judgement.outcome(), String.format(Locale.ROOT, "%s: %s; the interpreter "
                + "threads themselves kept %.2f cores busy", s.describe(), judgement.reason(), threadsCores)
                + (baseline.isMeasured() ? "" : "; the one-thread time is " + baseline.method()));
    }
}
