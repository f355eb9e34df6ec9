package concurrencylab.compare;

import concurrencylab.eventloop.Coroutines;
import concurrencylab.experiment.About;
import concurrencylab.experiment.BadParameterException;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.ParamRule;
import concurrencylab.experiment.ResultPicture;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.experiment.Verdict;
import concurrencylab.gil.GilMetrics;
import concurrencylab.gil.GilObserver;
import concurrencylab.gil.Interpreter;
import concurrencylab.process.Workers;
import concurrencylab.sockets.DelayEchoServer;
import concurrencylab.sockets.ServerDesign;
import concurrencylab.workload.CpuWork;
import concurrencylab.workload.Workloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The chapter's lesson in one run: the same tasks under every model (sequential, threads, virtual threads, threads
 * under a GIL, free-threaded, interpreters with a GIL each, processes, coroutines, coroutines that offload to processes) on CPU-bound, I/O-bound and mixed work,
 * cell after cell, each column against its sequential cell. Every cell is a part of the run's timeline of its own.
 */
@Component
class CompareExperiment implements Experiment<CompareParams> {

    private static final About<CompareParams> ABOUT = new About<>("compare", CompareParams.class,
            "Compare: every model on CPU-bound, I/O-bound and mixed work",
            "Runs the same tasks every way, one cell after another: one after another, a thread each, a virtual "
                    + "thread each, a thread each under a GIL, a thread each on the free-threaded build (no GIL), an "
                    + "interpreter each with its own GIL, a process each, a coroutine each on an event loop, and "
                    + "coroutines that hand their computing to processes; on cpu work (computing), io work (waiting for "
                    + "a server) and mixed work (one task hogs the CPU while the others do quick I/O). Waiting gains "
                    + "from any concurrency; computing gains only where there are parallel cores; beside a hog, threads "
                    + "stay responsive (the OS and the GIL take turns for them), coroutines do not. The matrix is drawn "
                    + "at /api/runs/{id}/picture.svg.",
            List.of(Claim.C15, Claim.C16, Claim.C17));

    /** Computed on the run's thread before the first cell, untimed. */
    private static final Duration WARM_UP = Duration.ofMillis(30);

    private final CpuWork cpu;
    private final Workers workers;
    private final GilMetrics gilMetrics;
    private final CompareMetrics metrics;
    private final ObjectMapper json;

    CompareExperiment(Workloads workloads, Workers workers, GilMetrics gilMetrics, CompareMetrics metrics,
            ObjectMapper json) {
        this.cpu = workloads.cpu();
        this.workers = workers;
        this.gilMetrics = gilMetrics;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public About<CompareParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(CompareParams p) {
        return new RunTags(p.cpus() == null ? "compare" : "compare-pinned", "matrix");
    }

    @Override
    public List<ParamRule<CompareParams>> rules(LabLimits limits) {
        return List.of(new ParamRule<>("taskMillis", "tasks x taskMillis may be at most "
                + CompareParams.MAX_TASK_BUDGET_MILLIS + " ms: a cell runs up to that long and a run has up to 28 "
                + "cells, which must end before the run's deadline", CompareParams::taskMillis,
                p -> CompareParams.MAX_TASK_BUDGET_MILLIS / p.tasks()));
    }

    @Override
    public void validate(CompareParams p, LabLimits limits) {
        Experiment.super.validate(p, limits);
        nonEmpty("workloads", p.workloads(), CompareWorkload.class);
        nonEmpty("models", p.models(), Model.class);
        if (p.workloads().contains(CompareWorkload.MIXED) && p.tasks() < 2) {
            throw new BadParameterException("tasks", p.tasks(), "2.." + CompareParams.MAX_TASKS,
                    "mixed needs a CPU hog and at least one I/O task beside it: 2 tasks or more, or leave mixed out");
        }
        workers.checkCpus(p.cpus());
    }

    private static void nonEmpty(String field, List<?> values, Class<? extends Enum<?>> type) {
        if (values.isEmpty() || values.contains(null)) {
            String allowed = String.join(", ", concurrencylab.experiment.JsonNames.allOf(type));
            throw new BadParameterException(field, values, allowed, "give one or more of " + allowed);
        }
    }

    @Override
    public Optional<String> unavailable() {
        return Coroutines.unavailableReason();
    }

    @Override
    public List<String> limitations() {
        List<String> limits = new ArrayList<>(Experiment.super.limitations());
        limits.addAll(workers.cpusLimitations());
        return limits;
    }

    @Override
    public Optional<ResultPicture> resultPicture(ExperimentResult result) {
        if (result == null || result.details() == null) {
            return Optional.empty();
        }
        CompareDetails details = result.details() instanceof CompareDetails d ? d
                : json.convertValue(result.details(), CompareDetails.class);
        return Optional.of(new MatrixPicture(details, result.verdicts()));
    }

    @Override
    public ExperimentResult run(CompareParams p, RunContext context) throws Exception {
        List<Model> models = ordered(p.models(), Model.class, Model.SEQUENTIAL);
        List<CompareWorkload> workloads = ordered(p.workloads(), CompareWorkload.class, null);
        boolean mixed = workloads.contains(CompareWorkload.MIXED);
        context.setTotal((long) models.size() * workloads.size() + (mixed ? 1 : 0));
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        Duration hogTime = taskTime.multipliedBy(p.tasks());
        int cores = p.cpus() != null ? p.cpus() : Runtime.getRuntime().availableProcessors();
        CellContext cell = new CellContext(context);
        GilObserver gilObserver = gilMetrics.observer(kind());
        BlockingCells blocking = new BlockingCells(cpu, gilObserver);
        ProcessCells processes = new ProcessCells(workers, cpu);
        LoopCells loops = new LoopCells(cpu, workers, gilObserver, processes);
        Map<CompareWorkload, Map<Model, CellRun>> runs = new EnumMap<>(CompareWorkload.class);
        double aloneP99 = Double.NaN;
        Measured whole;
        Setup setup;
        try (AutoCloseable pinned = p.cpus() != null ? workers.pinning().pinThisProcess(p.cpus()) : null;
                DelayEchoServer io = DelayEchoServer.start(ServerDesign.VIRTUAL_THREAD_PER_CONNECTION, taskTime);
                DelayEchoServer quick = DelayEchoServer.start(ServerDesign.VIRTUAL_THREAD_PER_CONNECTION,
                        Setup.MIXED_SERVER_DELAY)) {
            context.onStop(io::close);
            context.onStop(quick::close);
            Duration switchInterval = Duration.ofMillis(p.switchIntervalMs());
            Duration period = Setup.periodFor(Math.max(1, p.tasks() - 1), switchInterval, hogTime);
            setup = new Setup(p.tasks(), taskTime, hogTime, switchInterval, io.port(), quick.port(), period,
                    Setup.opsFor(hogTime, period));
            // The first cell is every column's baseline: it must not also pay for pinning and a cold path.
            Interpreter.freeThreaded(cpu).run(in -> in.compute(WARM_UP));
            Stopwatch stopwatch = Stopwatch.start();
            if (mixed) {
                context.timeline().section("io alone");
                aloneP99 = LatencyStats.ofNanos(blocking.ioAlone(setup, cell)).p99Ms();
                context.advance();
            }
            for (CompareWorkload workload : workloads) {
                for (Model model : models) {
                    context.throwIfStopped();
                    context.timeline().section(Cell.section(model, workload));
                    runs.computeIfAbsent(workload, w -> new EnumMap<>(Model.class))
                            .put(model, switch (model) {
                                case SEQUENTIAL, THREADS, VIRTUAL_THREADS, GIL_THREADS, FREE_THREADED, INTERPRETERS ->
                                        blocking.run(model, workload, setup, cell);
                                case PROCESSES -> processes.run(workload, setup, p.cpus(), cell);
                                case COROUTINES, COROUTINES_PROCESSES -> loops.run(model, workload, setup, p.cpus(), cell);
                            });
                    context.advance();
                }
            }
            context.timeline().section("");
            // The workers computed for the lab too: without their CPU time it would count as other programs' load.
            whole = stopwatch.stop().plusCpu(runs.values().stream().flatMap(row -> row.values().stream())
                    .mapToLong(CellRun::workersCpuNanos).sum());
        }
        CompareDetails details = details(p, setup, context, models, workloads, cores, runs, aloneP99);
        List<Verdict> verdicts = CompareVerdicts.of(details);
        metrics.record(details);
        return ExperimentResult.of(whole, null, 1, null, verdicts, details);
    }

    private CompareDetails details(CompareParams p, Setup setup, RunContext context, List<Model> models,
            List<CompareWorkload> workloads, int cores, Map<CompareWorkload, Map<Model, CellRun>> runs,
            double aloneP99) {
        List<Cell> matrix = new ArrayList<>();
        for (Model model : models) {
            for (CompareWorkload workload : workloads) {
                CellRun run = runs.get(workload).get(model);
                CellRun sequential = runs.get(workload).get(Model.SEQUENTIAL);
                matrix.add(cell(model, workload, run, sequential, aloneP99,
                        context.timelineLink(Cell.section(model, workload))));
            }
        }
        CompareDetails.Mixed mixed = workloads.contains(CompareWorkload.MIXED) ? new CompareDetails.Mixed(
                setup.ioTasks(), setup.opsPerIoTask(), setup.period().toNanos() / 1e6,
                Setup.MIXED_SERVER_DELAY.toNanos() / 1e6, Numbers.round(aloneP99, 3)) : null;
        return new CompareDetails(p.tasks(), p.taskMillis(), p.tasks() * p.taskMillis(), cores,
                p.cpus() == null ? null : workers.pinning().cpuList(p.cpus()), p.switchIntervalMs(), mixed,
                models.stream().map(Model::tag).toList(), workloads.stream().map(CompareWorkload::tag).toList(),
                matrix);
    }

    /** A cell of the matrix; {@code timeline} links to its part of the run's timeline (null: not served). */
    private static Cell cell(Model model, CompareWorkload workload, CellRun run, CellRun sequential, double aloneP99,
            String timeline) {
        Measured m = run.measured();
        boolean mixed = workload == CompareWorkload.MIXED;
        Double speedup = mixed ? null
                : Numbers.round((double) sequential.measured().wallNanos() / Math.max(1, m.wallNanos()), 3);
        Double p99 = mixed ? Numbers.round(LatencyStats.ofNanos(run.ioLatencies()).p99Ms(), 3) : null;
        Double ratio = mixed && aloneP99 > 0 ? Numbers.round(p99 / aloneP99, 2) : null;
        Double lag = run.loopLagNanos() == null ? null
                : Numbers.round(LatencyStats.ofNanos(run.loopLagNanos()).p99Ms(), 3);
        double others = m.othersBusyCores();
        return new Cell(model.tag(), workload.tag(), Numbers.seconds(m.wallNanos()), speedup,
                Numbers.seconds(m.cpuNanos()), Numbers.round(m.cpuUtilisation(), 3),
                Double.isNaN(others) ? null : Numbers.round(others, 3), p99, ratio, lag, timeline);
    }

    /** The values in their enum order, each once, with {@code first} (when not null) always there and first. */
    private static <E extends Enum<E>> List<E> ordered(List<E> values, Class<E> type, E first) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e == first || values.contains(e)).toList();
    }
}
