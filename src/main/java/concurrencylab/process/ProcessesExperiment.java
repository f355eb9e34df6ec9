package concurrencylab.process;

import concurrencylab.experiment.Baseline;
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
import concurrencylab.experiment.TaskBatch;
import concurrencylab.experiment.Verdict;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.process.ProcessesDetails.WorkerReport;
import concurrencylab.process.WorkerGroup.Event;
import concurrencylab.process.WorkerGroup.Worker;
import concurrencylab.process.WorkerProtocol.Message;
import concurrencylab.workload.CpuWork;
import concurrencylab.workload.TickHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Worker processes, each a JVM of its own, share N tasks: they run at once on several cores, or take turns on one. */
@Component
class ProcessesExperiment implements Experiment<ProcessesParams> {

    /** How long a worker may stay silent beyond the longest its work could take when time-sliced. */
    private static final Duration SILENCE_GRACE = Duration.ofSeconds(30);
    private static final long SWITCH_MICROS = GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL.toNanos() / 1_000;

    private final Workers workers;
    private final CpuWork cpu;
    private final LabLimits limits;

    ProcessesExperiment(Workers workers, CpuWork cpu, LabLimits limits) {
        this.workers = workers;
        this.cpu = cpu;
        this.limits = limits;
    }

    @Override
    public String kind() {
        return "processes";
    }

    @Override
    public String title() {
        return "Processes: worker JVMs share the tasks";
    }

    @Override
    public String summary() {
        return "Starts worker processes (separate JVMs, each with memory of its own) and shares the tasks among them. "
                + "On several cores they compute at the same time; pinned to one core (cpus: 1) they still all make "
                + "progress, taking turns as the OS slices the core's time, but no faster than one. Each worker "
                + "computes under a simulated GIL of its own, and processes still run in parallel: every process has "
                + "its own GIL. Shows how long starting a JVM takes.";
    }

    @Override
    public List<Claim> claims() {
        return List.of(Claim.C2, Claim.C3, Claim.C9);
    }

    @Override
    public Class<ProcessesParams> paramsType() {
        return ProcessesParams.class;
    }

    @Override
    public RunTags tags(ProcessesParams params) {
        return new RunTags(params.cpus() == null ? "processes" : "processes-pinned", params.workload().tag());
    }

    @Override
    public ExperimentResult run(ProcessesParams p, RunContext context) throws Exception {
        int count = Math.min(p.processes(), p.tasks());
        int[] share = share(p.tasks(), count);
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        boolean measureBaseline = p.baseline() && TaskBatch.baselineFits(p.tasks(), taskTime, limits);
        context.setTotal(p.tasks() + (measureBaseline ? p.tasks() : 0L));
        String startup = workers.startup();
        context.throwIfStopped();

        Measured measured;
        List<WorkerReport> reports = new ArrayList<>();
        long[] spawn;
        LatencyStats taskLatency;
        try (WorkerGroup group = workers.start(count, p.cpus(), context.platformThreads("worker-io"))) {
            context.onStop(group::close);
            context.throwIfStopped();
            spawn = group.workers().stream().mapToLong(Worker::spawnNanos).toArray();
            Stopwatch stopwatch = Stopwatch.start();
            long sentAt = System.nanoTime();
            for (Worker worker : group.workers()) {
                group.send(worker, WorkerProtocol.message(WorkerProtocol.WORK, "kind", p.workload().tag(),
                        "tasks", share[worker.index() - 1], "taskMicros", p.taskMillis() * 1000L,
                        "roundsPerMs", cpu.calibration().roundsPerMilli(), "gil", p.gil(),
                        "switchMicros", SWITCH_MICROS, "increments", 0, "fault", "none"));
            }
            long[] startedAt = new long[count];
            List<Long> taskEnds = new ArrayList<>();
            Message[] results = new Message[count];
            Duration silence = taskTime.multipliedBy((long) share[0] * count).plus(SILENCE_GRACE);
            for (int answered = 0; answered < count; ) {
                Event event = group.next(context.waitAtMost(silence), "to finish their work");
                int i = event.worker().index() - 1;
                switch (event.message().verb()) {
                    case WorkerProtocol.STARTED -> startedAt[i] = System.nanoTime() - sentAt;
                    case WorkerProtocol.PROGRESS -> {
                        taskEnds.add(System.nanoTime() - sentAt);
                        context.advance();
                    }
                    case WorkerProtocol.RESULT -> {
                        results[i] = event.message();
                        reports.add(report(event.worker(), share[i], startedAt[i], System.nanoTime() - sentAt,
                                event.message()));
                        answered++;
                    }
                    default -> throw new WorkerFailure(event.worker().name() + " said " + event.message().verb()
                            + " during its work");
                }
            }
            Measured phase = stopwatch.stop();
            long workersCpu = Arrays.stream(results).mapToLong(r -> r.longField("cpuNanos")).sum();
            measured = new Measured(phase.wallNanos(), phase.cpuNanos() + workersCpu);
            taskLatency = LatencyStats.ofNanos(taskEnds.stream().mapToLong(Long::longValue).toArray());
        }
        reports.sort((a, b) -> Integer.compare(a.worker(), b.worker()));
        Baseline baseline = baseline(p, measureBaseline, taskTime, reports, context);
        return result(p, count, measured, baseline, taskLatency, reports, LatencyStats.ofNanos(spawn), startup);
    }

    private Baseline baseline(ProcessesParams p, boolean measure, Duration taskTime, List<WorkerReport> reports,
            RunContext context) throws Exception {
        if (!p.baseline()) {
            return null;
        }
        if (measure) {
            return Baseline.measured(TaskBatch.runSequentially(p.tasks(), i -> {
                if (p.workload() == ProcessWorkload.CPU) {
                    cpu.run(taskTime, TickHook.INTERRUPTIBLE);
                } else {
                    Thread.sleep(taskTime);
                }
            }, context));
        }
        long workNanos = Math.round(reports.stream().mapToDouble(r -> r.finishedAtMs() - r.startedAtMs()).sum() * 1e6);
        return Baseline.estimated(workNanos, "estimated: the sum of the workers' measured work times (running the "
                + "tasks one by one would exceed lab.limits.max-measured-baseline)");
    }

    private static WorkerReport report(Worker worker, int tasks, long startedAt, long finishedAt, Message result) {
        return new WorkerReport(worker.index(), result.longField("pid"), tasks,
                Numbers.round(worker.spawnNanos() / 1e6, 1), Numbers.round(startedAt / 1e6, 1),
                Numbers.round(finishedAt / 1e6, 1), Numbers.seconds(result.longField("cpuNanos")),
                result.longField("gilAcquisitions"));
    }

    /** Tasks per worker, as even as it gets, the larger shares first. */
    static int[] share(int tasks, int workers) {
        int[] share = new int[workers];
        for (int i = 0; i < workers; i++) {
            share[i] = tasks / workers + (i < tasks % workers ? 1 : 0);
        }
        return share;
    }

    private static ExperimentResult result(ProcessesParams p, int count, Measured measured, Baseline baseline,
            LatencyStats taskLatency, List<WorkerReport> reports, LatencyStats spawn, String startup) {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean overlap = ProcessVerdicts.intervalsOverlap(reports);
        var details = new ProcessesDetails(count, cores, p.cpus() == null ? null : "0-" + (p.cpus() - 1),
                p.workload().tag(), p.taskMillis(), p.gil(), spawn, startup, reports, overlap);
        List<Verdict> verdicts = new ArrayList<>();
        if (p.cpus() != null) {
            verdicts.add(ProcessVerdicts.timeSliced(measured, baseline, count, p.cpus(), overlap));
        } else {
            boolean computing = p.workload() == ProcessWorkload.CPU;
            int expected = computing ? Math.min(count, cores) : count;
            verdicts.add(ProcessVerdicts.parallel(measured, baseline, count, cores, expected));
            if (computing && p.gil()) {
                verdicts.add(ProcessVerdicts.ownGilEach(measured, baseline, reports, expected));
            }
        }
        int workers = p.cpus() == null ? count : Math.min(count, p.cpus());
        return ExperimentResult.of(measured, baseline, p.workload() == ProcessWorkload.CPU ? Math.min(workers, cores)
                : workers, taskLatency, verdicts, details);
    }
}
