package concurrencylab.gil;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.About;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Trial;
import concurrencylab.experiment.Trial.Phase;
import concurrencylab.experiment.Trial.Timing;
import concurrencylab.experiment.ThreadCpu;
import concurrencylab.experiment.Verdict;
import concurrencylab.workload.CpuWork;
import concurrencylab.workload.TaskBody;
import concurrencylab.workload.WorkloadKind;
import concurrencylab.workload.Workloads;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/** Threads of a simulated Python interpreter run N tasks, under its global lock or without it. */
@Component
class GilExperiment implements Experiment<GilParams> {

    private static final About<GilParams> ABOUT = new About<>("gil", GilParams.class,
            "GIL: threads under a global interpreter lock",
            "Python's global interpreter lock (GIL) lets only one thread run Python code at a time: computing "
                    + "threads take turns, handing the lock over every switch interval (5 ms), so two of them are no "
                    + "faster than one; a thread that sleeps or waits for a socket lets go of the lock, so waiting threads "
                    + "still overlap. Here threads run the same tasks in a simulated interpreter built like CPython's; "
                    + "gil=false runs them without the lock, like free-threaded Python. A cpu run under the lock also "
                    + "runs the same tasks without it, as a control: if even that cannot use the cores, the machine was "
                    + "busy and the verdict says so.",
            List.of(Claim.C7, Claim.C8));

    private final Workloads workloads;
    private final CpuWork cpu;
    private final LabLimits limits;
    private final GilMetrics metrics;

    GilExperiment(Workloads workloads, LabLimits limits, GilMetrics metrics) {
        this.workloads = workloads;
        this.cpu = workloads.cpu();
        this.limits = limits;
        this.metrics = metrics;
    }

    @Override
    public About<GilParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(GilParams params) {
        return new RunTags(params.gil() ? "gil" : "no-gil", params.workload().tag());
    }


    /** {@inheritDoc} */
    @Override
    public Optional<GilParams> warmUp() {
        return Optional.of(new GilParams(4, 2, GilWorkload.CPU, 60, true, null, true));
    }
    @Override
    public ExperimentResult run(GilParams p, RunContext context) throws Exception {
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        Duration interval = Duration.ofNanos(Math.round(p.switchIntervalMs() * 1e6));
        boolean control = p.gil() && p.workload() == GilWorkload.CPU;
        Trial trial = Trial.plan(context, limits, p.tasks(), control ? 2 : 1, taskTime, p.baseline());
        GilObserver observer = GilLanes.of(context.timeline(), metrics.observer(kind()));
        try (TaskBody echo = p.workload() == GilWorkload.SOCKET
                ? workloads.prepare(WorkloadKind.SOCKET, taskTime, context) : null) {
            Interpreter.Task task = task(p.workload(), taskTime, echo);
            Interpreter interpreter = interpreter(p.gil(), interval, observer);
            InterpreterPhase phase = phase(trial, interpreter, task, p, context, "gil");
            LockReport lock = interpreter.lock() == null ? null
                    : LockReport.of(interpreter.lock().stats(), phase.measured().wallSeconds());
            // C7's in-run control: the same tasks on the same threads without the lock. If they cannot use the
            // cores either, the machine was busy, and the lock's serialising cannot be told from that.
            Measured free = control
                    ? phase(trial, Interpreter.freeThreaded(cpu), task, p, context, "gil-control").measured() : null;
            // The baseline gets an interpreter of its own, so its (uncontended) lock does not blur the report.
            Interpreter alone = interpreter(p.gil(), interval, observer);
            if (p.baseline()) {
                context.timeline().laneOfCurrentThread("threads", "baseline thread (its own lock)");
            }
            Baseline baseline = trial.baseline(i -> alone.run(task),
                    estimatedBaseline(p.workload(), p.tasks(), taskTime));
            return result(p, interval, phase, baseline, lock, free);
        }
    }

    /**
     * The measured phase: the tasks on {@code p.threads()} threads of {@code interpreter}.
     *
     * @param threadsCores cores the interpreter threads themselves kept busy (their own CPU time over the wall
     *                     time): what "one thread at a time" is judged on, the JVM's JIT and GC not counted
     */
    private record InterpreterPhase(Phase phase, double threadsCores) {

        Measured measured() {
            return phase.measured();
        }
    }

    private static InterpreterPhase phase(Trial trial, Interpreter interpreter, Interpreter.Task task, GilParams p,
            RunContext context, String role) throws Exception {
        ThreadCpu cpu = new ThreadCpu();
        Phase phase = trial.run(Executors.newFixedThreadPool(p.threads(), context.platformThreads(role)),
                cpu.counting(i -> interpreter.run(task)));
        return new InterpreterPhase(phase, cpu.cores(phase.measured().wallNanos()));
    }

    /** One after another, known without running it (see Workloads.estimatedBaseline). */
    private static Baseline estimatedBaseline(GilWorkload workload, int tasks, Duration taskTime) {
        return Workloads.estimatedBaseline(switch (workload) {
            case CPU -> WorkloadKind.CPU;
            case SOCKET -> WorkloadKind.SOCKET;
            case SLEEP, MIXED -> WorkloadKind.SLEEP; // mixed: half computing, half sleeping, taskMillis in all
        }, tasks, taskTime);
    }

    private Interpreter interpreter(boolean gil, Duration interval, GilObserver observer) {
        return gil ? Interpreter.withLock(new GlobalInterpreterLock(interval, observer), cpu)
                : Interpreter.freeThreaded(cpu);
    }

    private static Interpreter.Task task(GilWorkload workload, Duration taskTime, TaskBody echo) {
        return switch (workload) {
            case CPU -> in -> in.compute(taskTime);
            case SLEEP -> in -> in.blocking(() -> Thread.sleep(taskTime));
            case SOCKET -> in -> in.blocking(echo::run);
            case MIXED -> {
                Duration half = taskTime.dividedBy(2);
                Duration rest = taskTime.minus(half);
                yield in -> {
                    in.compute(half);
                    in.blocking(() -> Thread.sleep(rest));
                };
            }
        };
    }

    private static ExperimentResult result(GilParams p, Duration interval, InterpreterPhase phase, Baseline baseline,
            LockReport lock, Measured free) {
        int cores = Runtime.getRuntime().availableProcessors();
        Measured measured = phase.measured();
        var setup = new GilVerdicts.Setup(p.gil(), p.workload(), p.tasks(), p.threads(), cores, p.taskMillis());
        List<Verdict> verdicts = List.of(GilVerdicts.oneThreadComputes(setup, measured, phase.threadsCores(), lock,
                        free),
                GilVerdicts.ioReleasesTheLock(setup, measured, baseline, lock));
        var details = new GilDetails(p.gil(), interval.toNanos() / 1e6, p.threads(), cores, p.tasks(),
                p.workload().tag(), p.taskMillis(), Numbers.round(phase.threadsCores(), 3), lock,
                phase.phase().stats(Timing::executedNanos),
                free == null ? null : GilDetails.Control.of(measured, free));
        // Under the lock at most one thread computes; waits overlap on every thread.
        int workers = p.gil() && p.workload() == GilWorkload.CPU ? 1 : Math.min(p.tasks(), p.threads());
        return ExperimentResult.of(measured, baseline, workers,
                phase.phase().stats(Timing::latencyNanos), verdicts, details);
    }
}
