package concurrencylab.gil;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Parallelism;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import java.util.List;
import java.util.Locale;

/** The verdict of the interpreters experiment, C18, with what decides it. */
final class InterpreterVerdicts {

    /**
     * What a run of the interpreters experiment was asked to do.
     *
     * @param cores  the cores the run could use: its cpus when pinned
     * @param pinned whether the run was pinned to {@code cores} cores
     */
    record Setup(InterpreterGil gil, GilWorkload workload, int tasks, int interpreters, int threadsPerInterpreter,
            int cores, int taskMillis, boolean pinned) {

        /** How many tasks could compute at once with a GIL per interpreter: min(tasks, interpreters, cores). */
        int parallel() {
            return Math.min(tasks, Math.min(interpreters, cores));
        }

        String describe() {
            return String.format(Locale.ROOT, "%d %s tasks of %d ms in %s on %d core%s%s, %s", tasks, workload.tag(),
                    taskMillis, interpreters == 1 ? "1 interpreter of " + threads(threadsPerInterpreter)
                            : interpreters + " interpreters of " + threads(threadsPerInterpreter) + " each",
                    cores, cores == 1 ? "" : "s", pinned ? " (pinned)" : "", interpreters == 1 ? "under its one GIL"
                            : gil == InterpreterGil.OWN ? "each with its own GIL" : "sharing one GIL");
        }

        private static String threads(int count) {
            return count + (count == 1 ? " thread" : " threads");
        }
    }

    /**
     * What crossed between the interpreters and what they kept to themselves.
     *
     * @param tasksPerInterpreter each interpreter's own count of its tasks
     */
    record Boundary(Isolation isolation, List<Long> tasksPerInterpreter, long copiedBytes, long copies,
            double copyMillis) {

        long tasksCounted() {
            return tasksPerInterpreter.stream().mapToLong(Long::longValue).sum();
        }

        String describe() {
            return String.format(Locale.ROOT, "a marker written in interpreter 0 was seen by another thread of "
                    + "interpreter 0 and by %d of the %d other%s; each counted its own tasks (%s, %d in all); "
                    + "%d bytes crossed as %d copies in %.3f ms", isolation.othersThatSawIt().size(),
                    isolation.othersChecked(), isolation.othersChecked() == 1 ? "" : "s", tasksPerInterpreter,
                    tasksCounted(), copiedBytes, copies, copyMillis);
        }
    }

    private InterpreterVerdicts() {
    }

    /**
     * C18: interpreters in one process compute in parallel, each under its own GIL, and share no objects. Judged on
     * the isolation check and each interpreter's own task count first (a leak is not shown, whatever else), then as
     * every parallel-compute claim is ({@link Parallelism}), against min(tasks, interpreters, cores). Its controls
     * cannot show it: sleep (waits keep no core busy), one interpreter (its threads take turns under its one GIL),
     * one core, and interpreters sharing one GIL as before 3.12.
     *
     * @param threadsCores the cores the interpreter threads themselves kept busy
     */
    static Verdict interpretersComputeInParallel(Setup s, Measured measured, double threadsCores, Baseline baseline,
            Boundary boundary) {
        Isolation isolation = boundary.isolation();
        if (!isolation.sameInterpreterSawIt()) {
            return Verdict.of(Claim.C18, Outcome.NOT_SHOWN, s.describe() + ": the isolation check could not read its "
                    + "marker back even in the interpreter that wrote it, so it proves nothing about the others");
        }
        if (!isolation.othersThatSawIt().isEmpty()) {
            return Verdict.of(Claim.C18, Outcome.NOT_SHOWN, s.describe() + ": interpreters "
                    + isolation.othersThatSawIt() + " saw the marker written in interpreter 0: they share state");
        }
        if (boundary.tasksCounted() != s.tasks()) {
            return Verdict.of(Claim.C18, Outcome.NOT_SHOWN, String.format(Locale.ROOT, "%s: the interpreters' own "
                    + "counts %s add up to %d, not the %d tasks run: a count was lost or shared", s.describe(),
                    boundary.tasksPerInterpreter(), boundary.tasksCounted(), s.tasks()));
        }
        String isolated = boundary.describe();
        if (s.workload() != GilWorkload.CPU) {
            return Verdict.cannotShow(Claim.C18, s.describe() + ": tasks that " + (s.workload() == GilWorkload.MIXED
                    ? "wait half of their time" : "only wait") + " keep no core busy, so they show nothing about "
                    + "computing in parallel (" + isolated + "): run workload=cpu");
        }
        String measuredTurns = baseline == null ? "" : String.format(Locale.ROOT, " (speedup %.2f, the interpreter "
                + "threads kept %.2f cores busy)", (double) baseline.wallNanos() / measured.wallNanos(), threadsCores);
        if (s.interpreters() == 1) {
            return Verdict.cannotShow(Claim.C18, s.describe() + ": one interpreter has one GIL, so "
                    + (s.threadsPerInterpreter() > 1 ? "its threads took turns computing" + measuredTurns
                    : "its one thread computed alone" + measuredTurns) + ": use interpreters=2 or more");
        }
        if (s.parallel() < 2) {
            return Verdict.cannotShow(Claim.C18, String.format(Locale.ROOT, "%s: min(tasks, interpreters, cores) = 1 "
                    + "leaves nothing to compute in parallel%s: use 2 or more tasks and interpreters on 2 or more cores",
                    s.describe(), s.pinned() ? " (this run was pinned to " + s.cores() + " core"
                            + (s.cores() == 1 ? "" : "s") + ", so use cpus=2 or more)" : ""));
        }
        if (s.gil() == InterpreterGil.SHARED) {
            return Verdict.cannotShow(Claim.C18, s.describe() + ": interpreters that share the process's one GIL, as "
                    + "before Python 3.12, take turns" + measuredTurns + ": run gil=own to give each its own");
        }
        if (baseline == null) {
            return Verdict.cannotShow(Claim.C18, s.describe() + ": " + Baseline.NONE);
        }
        double speedup = (double) baseline.wallNanos() / measured.wallNanos();
        Parallelism.Judgement judgement = Parallelism.judge(speedup, measured, s.parallel());
        return Verdict.of(Claim.C18, judgement.outcome(), String.format(Locale.ROOT, "%s: %s; the interpreter threads "
                + "themselves kept %.2f cores busy; %s", s.describe(), judgement.reason(), threadsCores, isolated)
                + (baseline.isMeasured() ? "" : "; the one-thread time is " + baseline.method()));
    }
}
