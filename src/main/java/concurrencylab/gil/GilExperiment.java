package concurrencylab.gil;

import concurrencylab.experiment.BadParameterException;
import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.CpuSet;
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
import concurrencylab.experiment.ThreadAffinity;
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
                    + "still overlap. Here threads run the same tasks in a simulated interpreter built like CPython's. "
                    + "build=free-threaded runs them as CPython's free-threaded build does (PEP 703: python3.13t, "
                    + "supported from 3.14), with no global lock, so computing threads use several cores at once. Only "
                    + "the lock is modelled: the real build's costs, single-threaded code about 5-10% slower and code "
                    + "that relied on the GIL for safety now racing, are not simulated in the numbers. A cpu run under "
                    + "the lock also runs the same tasks without it, as a control: if even that cannot use the cores, "
                    + "the machine was busy and the verdict says so.",
            List.of(Claim.C7, Claim.C8, Claim.C19));

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
        return new RunTags(params.locked() ? "gil" : "no-gil", params.workload().tag());
    }

    @Override
    public void validate(GilParams p, LabLimits limits) {
        Experiment.super.validate(p, limits);
        if (p.gil() != null && p.build() != null && p.gil() != p.locked()) {
            throw new BadParameterException("gil", p.gil(), "leave it out, or " + p.locked(),
                    "gil is the older name of build, and says the opposite of build=" + p.build().tag()
                            + ": give only build");
        }
        checkCanPin(p.cpus());
    }


    /**
     * Refuses (400, naming {@code cpus}) a run asking to be pinned where the service's threads cannot be. Here, not
     * in ThreadAffinity, which Spring-free worker JVMs load too.
     */
    static void checkCanPin(Integer cpus) {
        if (cpus != null && !ThreadAffinity.available()) {
            throw new BadParameterException("cpus", cpus, "leave it out",
                    "pinning the service's threads needs Linux's sched_setaffinity and /proc/self/task");
        }
    }

    /** {@inheritDoc} */
    @Override
    public Optional<GilParams> warmUp() {
        return Optional.of(new GilParams(4, 2, GilWorkload.CPU, 60, GilBuild.GIL, null, null, true, null));
    }
    @Override
    public ExperimentResult run(GilParams p, RunContext context) throws Exception {
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        Duration interval = Duration.ofNanos(Math.round(p.switchIntervalMs() * 1e6));
        boolean control = p.locked() && p.workload() == GilWorkload.CPU;
        Trial trial = Trial.plan(context, limits, p.tasks(), control ? 2 : 1, taskTime, p.baseline());
        GilObserver observer = GilLanes.of(context.timeline(), metrics.observer(kind()));
        try (ThreadAffinity.Narrowing pinned = p.cpus() != null ? ThreadAffinity.narrowToFirst(p.cpus()) : null;
                TaskBody echo = p.workload() == GilWorkload.SOCKET
                ? workloads.prepare(WorkloadKind.SOCKET, taskTime, context) : null) {
            Interpreter.Task task = task(p.workload(), taskTime, echo);
            Interpreter interpreter = interpreter(p.locked(), interval, observer);
            InterpreterPhase phase = phase(trial, interpreter, task, p, context, "gil");
            LockReport lock = interpreter.lock() == null ? null
                    : LockReport.of(interpreter.lock().stats(), phase.measured().wallSeconds());
            // C7's in-run control: the same tasks on the same threads without the lock. If they cannot use the
            // cores either, the machine was busy, and the lock's serialising cannot be told from that.
            Measured free = control
                    ? phase(trial, Interpreter.freeThreaded(cpu), task, p, context, "gil-control").measured() : null;
            // The baseline gets an interpreter of its own, so its (uncontended) lock does not blur the report.
            Interpreter alone = interpreter(p.locked(), interval, observer);
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
    static Baseline estimatedBaseline(GilWorkload workload, int tasks, Duration taskTime) {
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

    static Interpreter.Task task(GilWorkload workload, Duration taskTime, TaskBody echo) {
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
        int cores = p.cpus() != null ? p.cpus() : Runtime.getRuntime().availableProcessors();
        Measured measured = phase.measured();
        var setup = new GilVerdicts.Setup(p.locked(), p.workload(), p.tasks(), p.threads(), cores, p.taskMillis(),
                p.cpus() != null);
        List<Verdict> verdicts = List.of(GilVerdicts.oneThreadComputes(setup, measured, phase.threadsCores(), lock,
                        free),
                GilVerdicts.ioReleasesTheLock(setup, measured, baseline, lock),
                GilVerdicts.threadsComputeInParallel(setup, measured, phase.threadsCores(), baseline));
        var details = new GilDetails(p.locked(), p.build().tag(), interval.toNanos() / 1e6, p.threads(), cores,
                p.cpus() == null ? null : CpuSet.format(ThreadAffinity.serviceCpus().subList(0, p.cpus())), p.tasks(),
                p.workload().tag(), p.taskMillis(), Numbers.round(phase.threadsCores(), 3), lock,
                phase.phase().stats(Timing::executedNanos),
                free == null ? null : GilDetails.Control.of(measured, free));
        // Under the lock at most one thread computes; waits overlap on every thread.
        int workers = p.locked() && p.workload() == GilWorkload.CPU ? 1 : Math.min(p.tasks(), p.threads());
        return ExperimentResult.of(measured, baseline, workers,
                phase.phase().stats(Timing::latencyNanos), verdicts, details);
    }
}
