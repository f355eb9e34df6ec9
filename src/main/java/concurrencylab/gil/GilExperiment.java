package concurrencylab.gil;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Pools;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.experiment.TaskBatch;
import concurrencylab.experiment.TaskBatch.Timing;
import concurrencylab.experiment.Verdict;
import concurrencylab.workload.CpuWork;
import concurrencylab.workload.TaskBody;
import concurrencylab.workload.WorkloadKind;
import concurrencylab.workload.Workloads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/** Threads of a simulated Python interpreter run N tasks, under its global lock or without it. */
@Component
class GilExperiment implements Experiment<GilParams> {

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
    public String kind() {
        return "gil";
    }

    @Override
    public String title() {
        return "GIL: threads under a global interpreter lock";
    }

    @Override
    public String summary() {
        return "Python's global interpreter lock (GIL) lets only one thread run Python code at a time: computing "
                + "threads take turns, handing the lock over every switch interval (5 ms), so two of them are no "
                + "faster than one; a thread that sleeps or waits for a socket lets go of the lock, so waiting threads "
                + "still overlap. Here threads run the same tasks in a simulated interpreter built like CPython's; "
                + "gil=false runs them without the lock, like free-threaded Python.";
    }

    @Override
    public List<Claim> claims() {
        return List.of(Claim.C7, Claim.C8);
    }

    @Override
    public Class<GilParams> paramsType() {
        return GilParams.class;
    }

    @Override
    public RunTags tags(GilParams params) {
        return new RunTags(params.gil() ? "gil" : "no-gil", params.workload().tag());
    }

    @Override
    public ExperimentResult run(GilParams p, RunContext context) throws Exception {
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        Duration interval = Duration.ofNanos(Math.round(p.switchIntervalMs() * 1e6));
        boolean measureBaseline = p.baseline() && TaskBatch.baselineFits(p.tasks(), taskTime, limits);
        context.setTotal(p.tasks() + (measureBaseline ? p.tasks() : 0L));
        GilObserver observer = metrics.observer(kind());
        try (TaskBody echo = p.workload() == GilWorkload.SOCKET
                ? workloads.prepare(WorkloadKind.SOCKET, taskTime, context) : null) {
            Interpreter.Task task = task(p.workload(), taskTime, echo);
            Interpreter interpreter = interpreter(p.gil(), interval, observer);
            ExecutorService threads = Executors.newFixedThreadPool(p.threads(), context.platformThreads("gil"));
            context.onStop(threads::shutdownNow);
            Stopwatch stopwatch = Stopwatch.start();
            List<Timing> timings;
            try {
                timings = TaskBatch.runConcurrently(threads, p.tasks(), i -> interpreter.run(task), context);
            } finally {
                Pools.shutdownNow(threads);
            }
            Measured measured = stopwatch.stop();
            LockReport lock = interpreter.lock() == null ? null
                    : LockReport.of(interpreter.lock().stats(), measured.wallSeconds());
            // The baseline gets an interpreter of its own, so its (uncontended) lock does not blur the report.
            Interpreter alone = interpreter(p.gil(), interval, observer);
            Baseline baseline = TaskBatch.baseline(p.baseline(), measureBaseline, p.tasks(), i -> alone.run(task),
                    timings, context);
            return result(p, interval, measured, baseline, timings, lock);
        }
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

    private static ExperimentResult result(GilParams p, Duration interval, Measured measured, Baseline baseline,
            List<Timing> timings, LockReport lock) {
        int cores = Runtime.getRuntime().availableProcessors();
        Verdict verdict = switch (p.workload()) {
            case CPU -> GilVerdicts.oneThreadComputes(p.gil(), measured, baseline, p.tasks(), p.threads(), cores, lock);
            case SLEEP, SOCKET -> GilVerdicts.ioReleasesTheLock(p.gil(), measured, baseline, p.tasks(), p.threads(),
                    p.taskMillis());
            case MIXED -> GilVerdicts.mixedWaitsOverlap(p.gil(), measured, baseline, p.tasks(), p.taskMillis());
        };
        var details = new GilDetails(p.gil(), interval.toNanos() / 1e6, p.threads(), cores, p.tasks(),
                p.workload().tag(), p.taskMillis(), lock,
                LatencyStats.ofNanos(TaskBatch.nanos(timings, Timing::executedNanos)));
        // Under the lock at most one thread computes; waits overlap on every thread.
        int workers = p.gil() && p.workload() == GilWorkload.CPU ? 1 : Math.min(p.tasks(), p.threads());
        return ExperimentResult.of(measured, baseline, workers,
                LatencyStats.ofNanos(TaskBatch.nanos(timings, Timing::latencyNanos)), List.of(verdict), details);
    }
}
