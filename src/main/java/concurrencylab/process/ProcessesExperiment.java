package concurrencylab.process;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.About;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.experiment.Trial;
import concurrencylab.experiment.ThreadCpu;
import concurrencylab.gil.GilLanes;
import concurrencylab.gil.GilObserver;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.Interpreter;
import concurrencylab.process.ProcessesDetails.GilThreadsContrast;
import concurrencylab.process.ProcessesDetails.WorkerReport;
import concurrencylab.process.WorkerGroup.Event;
import concurrencylab.process.WorkerGroup.Worker;
import concurrencylab.workload.CpuWork;
import concurrencylab.workload.TickHook;
import concurrencylab.workload.WorkloadKind;
import concurrencylab.workload.Workloads;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/** Worker processes, each a JVM of its own, share N tasks: they run at once on several cores, or take turns on one. */
@Component
class ProcessesExperiment implements Experiment<ProcessesParams> {

    private static final About<ProcessesParams> ABOUT = new About<>("processes", ProcessesParams.class,
            "Processes: worker JVMs share the tasks",
            "Starts worker processes (separate JVMs, each with memory of its own) and shares the tasks among them. "
                    + "On several cores they compute at the same time; pinned to one core (cpus: 1) they still all make "
                    + "progress, taking turns as the OS slices the core's time, but no faster than one. Each worker "
                    + "computes under a simulated GIL of its own; the same tasks also run as threads under one GIL in the "
                    + "service, to show the difference a GIL per process makes. Shows how long starting a JVM takes.",
            List.of(Claim.C2, Claim.C3, Claim.C9));

    /** How long a worker may stay silent beyond the longest its work could take when time-sliced. */
    private static final Duration SILENCE_GRACE = Duration.ofSeconds(30);
    private static final Duration SWITCH_INTERVAL = GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL;

    private final Workers workers;
    private final CpuWork cpu;
    private final LabLimits limits;

    ProcessesExperiment(Workers workers, CpuWork cpu, LabLimits limits) {
        this.workers = workers;
        this.cpu = cpu;
        this.limits = limits;
    }

    @Override
    public About<ProcessesParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(ProcessesParams params) {
        return new RunTags(params.cpus() == null ? "processes" : "processes-pinned", params.workload().tag());
    }

    @Override
    public void validate(ProcessesParams params, LabLimits limits) {
        Experiment.super.validate(params, limits);
        workers.checkCpus(params.cpus());
    }

    @Override
    public List<String> limitations() {
        return workers.cpusLimitations();
    }


    /** {@inheritDoc} */
    @Override
    public Optional<ProcessesParams> warmUp() {
        return Optional.of(new ProcessesParams(4, 2, ProcessWorkload.CPU, 50, null, true, true));
    }
    @Override
    public ExperimentResult run(ProcessesParams p, RunContext context) throws Exception {
        int count = Math.min(p.processes(), p.tasks());
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        var setup = new ProcessVerdicts.Setup(p.workload(), p.gil(), p.tasks(), count,
                Runtime.getRuntime().availableProcessors(), p.cpus());
        Trial trial = Trial.plan(context, limits, p.tasks(), setup.contrastsGils() ? 2 : 1, taskTime, p.baseline());
        String startup = workers.startup();
        context.throwIfStopped();

        WorkPhase work = workPhase(p, count, taskTime, context);
        Baseline baseline = trial.baseline(i -> oneTask(p, taskTime), Workloads.estimatedBaseline(
                p.workload() == ProcessWorkload.CPU ? WorkloadKind.CPU : WorkloadKind.SLEEP, p.tasks(), taskTime));
        // C9's contrast: the same cpu tasks as threads of this service under one GIL, which keeps them to one core.
        ProcessVerdicts.OneGil gilThreads = setup.contrastsGils() ? threadsUnderOneGil(trial, count, taskTime, context)
                : null;
        return result(p, setup, work, baseline, gilThreads, startup);
    }

    /** What the workers did: the phase from sending the work to the last answer. */
    private record WorkPhase(Measured measured, LatencyStats taskLatency, List<WorkerReport> reports,
            LatencyStats spawn) {
    }

    private WorkPhase workPhase(ProcessesParams p, int count, Duration taskTime, RunContext context) throws Exception {
        try (WorkerGroup group = workers.start(count, p.cpus(), context.platformThreads("worker-io"))) {
            context.onStop(group::close);
            context.throwIfStopped();
            WorkerLanes lanes = new WorkerLanes(group.workers(), context.timeline());
            try (ProcessCpuSampler sampler = ProcessCpuSampler.start(group.workers(), context.timeline(),
                    context.platformThreads("cpu-sampler"))) {
                return work(p, count, taskTime, context, group, lanes);
            }
        }
    }

    /** Sends each worker its share and hears them out: the measured phase. */
    private WorkPhase work(ProcessesParams p, int count, Duration taskTime, RunContext context, WorkerGroup group,
            WorkerLanes lanes) throws Exception {
        int[] share = share(p.tasks(), count);
        List<WorkerReport> reports = new ArrayList<>();
        long[] spawn = group.workers().stream().mapToLong(Worker::spawnNanos).toArray();
        Stopwatch stopwatch = Stopwatch.start();
        long sentAt = System.nanoTime();
        for (Worker worker : group.workers()) {
            group.send(worker, order(p, share[worker.index() - 1], taskTime));
        }
        long[] startedAt = new long[count];
        List<Long> taskEnds = new ArrayList<>();
        WorkerReply.Result[] results = new WorkerReply.Result[count];
        Duration silence = taskTime.multipliedBy((long) share[0] * count).plus(SILENCE_GRACE);
        for (int answered = 0; answered < count; ) {
            Event event = group.next(context.waitAtMost(silence), "to finish their work");
            int i = event.worker().index() - 1;
            switch (event.report()) {
                case WorkerReply.Started started -> {
                    startedAt[i] = System.nanoTime() - sentAt;
                    lanes.started(i);
                }
                case WorkerReply.Progress progress -> {
                    taskEnds.add(System.nanoTime() - sentAt);
                    lanes.taskDone(i);
                    context.advance();
                }
                case WorkerReply.Result result -> {
                    results[i] = result;
                    reports.add(report(event.worker(), share[i], startedAt[i], System.nanoTime() - sentAt, result));
                    answered++;
                }
                default -> throw new WorkerFailure(event.worker().name() + " said " + event.message().verb()
                        + " during its work");
            }
        }
        Measured phase = stopwatch.stop();
        long workersCpu = Arrays.stream(results).mapToLong(WorkerReply.Result::cpuNanos).sum();
        reports.sort((a, b) -> Integer.compare(a.worker(), b.worker()));
        return new WorkPhase(phase.plusCpu(workersCpu),
                LatencyStats.ofNanos(taskEnds.stream().mapToLong(Long::longValue).toArray()), reports,
                LatencyStats.ofNanos(spawn));
    }

    /** One task on the calling thread: the baseline's unit. */
    private void oneTask(ProcessesParams p, Duration taskTime) throws InterruptedException {
        if (p.workload() == ProcessWorkload.CPU) {
            cpu.run(taskTime, TickHook.INTERRUPTIBLE);
        } else {
            Thread.sleep(taskTime);
        }
    }

    /** The same tasks on {@code count} threads of this service, all under one simulated GIL. */
    private ProcessVerdicts.OneGil threadsUnderOneGil(Trial trial, int count, Duration taskTime, RunContext context)
            throws Exception {
        Interpreter interpreter = Interpreter.withLock(new GlobalInterpreterLock(SWITCH_INTERVAL,
                GilLanes.of(context.timeline(), GilObserver.NONE)), cpu);
        ThreadCpu threadsCpu = new ThreadCpu();
        long wall = trial.run(Executors.newFixedThreadPool(count, context.platformThreads("one-gil")),
                threadsCpu.counting(i -> interpreter.run(in -> in.compute(taskTime)))).measured().wallNanos();
        return new ProcessVerdicts.OneGil(wall, threadsCpu.cores(wall));
    }

    private static WorkerReport report(Worker worker, int tasks, long startedAt, long finishedAt,
            WorkerReply.Result result) {
        return new WorkerReport(worker.index(), result.pid(), tasks, Numbers.round(worker.spawnNanos() / 1e6, 1),
                Numbers.round(startedAt / 1e6, 1), Numbers.round(finishedAt / 1e6, 1), Numbers.seconds(result.cpuNanos()),
                result.gilAcquisitions());
    }

    /** One worker's order: its share of the tasks. */
    private Order order(ProcessesParams p, int tasks, Duration taskTime) {
        return p.workload() == ProcessWorkload.CPU
                ? new Order.Compute(tasks, taskTime, cpu.calibration().roundsPerMilli(), p.gil(), SWITCH_INTERVAL)
                : new Order.Sleep(tasks, taskTime);
    }

    /** Tasks per worker, as even as it gets, the larger shares first. */
    static int[] share(int tasks, int workers) {
        int[] share = new int[workers];
        for (int i = 0; i < workers; i++) {
            share[i] = tasks / workers + (i < tasks % workers ? 1 : 0);
        }
        return share;
    }

    private ExperimentResult result(ProcessesParams p, ProcessVerdicts.Setup setup, WorkPhase work, Baseline baseline,
            ProcessVerdicts.OneGil gilThreads, String startup) {
        boolean overlap = ProcessVerdicts.intervalsOverlap(work.reports());
        var details = new ProcessesDetails(setup.workers(), setup.cores(),
                p.cpus() == null ? null : workers.pinning().cpuList(p.cpus()), p.workload().tag(), p.taskMillis(),
                p.gil(), work.spawn(), startup, work.reports(), overlap,
                gilThreads == null ? null : GilThreadsContrast.of(gilThreads, work.measured()));
        var verdicts = List.of(ProcessVerdicts.parallel(setup, work.measured(), baseline),
                ProcessVerdicts.timeSliced(setup, work.measured(), baseline, overlap),
                ProcessVerdicts.ownGilEach(setup, work.measured(), gilThreads));
        return ExperimentResult.of(work.measured(), baseline, setup.computing() ? setup.parallel() : setup.workers(),
                work.taskLatency(), verdicts, details);
    }
}
