package concurrencylab.gil;

import concurrencylab.experiment.About;
import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.CpuSet;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.ParamRule;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.ThreadAffinity;
import concurrencylab.experiment.ThreadCpu;
import concurrencylab.experiment.Trial;
import concurrencylab.experiment.Trial.Phase;
import concurrencylab.experiment.Trial.Timing;
import concurrencylab.timeline.Timeline;
import concurrencylab.workload.CpuWork;
import concurrencylab.workload.TaskBody;
import concurrencylab.workload.WorkloadKind;
import concurrencylab.workload.Workloads;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.CRC32;
import org.springframework.stereotype.Component;

/**
 * Several simulated interpreters inside the service's own process, each with its own GIL and module state, share out
 * N tasks: Python 3.12's per-interpreter GIL (PEP 684) and 3.14's {@code concurrent.interpreters} (PEP 734). Tasks go
 * in and results come out as copied bytes; an isolation check looks for a marker across interpreters.
 */
@Component
class InterpretersExperiment implements Experiment<InterpretersParams> {

    private static final About<InterpretersParams> ABOUT = new About<>("interpreters", InterpretersParams.class,
            "Interpreters: one process, a GIL each",
            "Since Python 3.12 one process may hold several interpreters, each with its own GIL and its own modules "
                    + "(PEP 684); 3.14 gives them to Python code as concurrent.interpreters and "
                    + "InterpreterPoolExecutor (PEP 734). Their threads compute in parallel, one per interpreter at a "
                    + "time, and they share no objects: what passes between them is copied. Here N simulated "
                    + "interpreters, built like the gil experiment's, run in the service's own process; each task "
                    + "goes into its interpreter as copied bytes (payloadBytes of data), runs under that interpreter's "
                    + "lock, counts itself in that interpreter's module state, and its result comes back copied. The "
                    + "run reports what the copies and starting the interpreters cost, and checks that a marker one "
                    + "interpreter writes is not seen by another. Starting a real CPython interpreter costs about a "
                    + "millisecond; the lab's cost is its own, measured, not imitated. gil=shared makes them share "
                    + "one lock, as subinterpreters did before 3.12.",
            List.of(Claim.C18));

    /** A task's header: its index and its milliseconds. */
    private static final int HEADER_BYTES = 8;

    private final Workloads workloads;
    private final CpuWork cpu;
    private final LabLimits limits;
    private final GilMetrics metrics;

    InterpretersExperiment(Workloads workloads, LabLimits limits, GilMetrics metrics) {
        this.workloads = workloads;
        this.cpu = workloads.cpu();
        this.limits = limits;
        this.metrics = metrics;
    }

    @Override
    public About<InterpretersParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(InterpretersParams params) {
        return new RunTags(params.gil() == InterpreterGil.OWN ? "own-gil" : "shared-gil", params.workload().tag());
    }

    @Override
    public List<ParamRule<InterpretersParams>> rules(LabLimits limits) {
        return List.of(new ParamRule<>("threadsPerInterpreter", "interpreters x threadsPerInterpreter may be at most "
                + limits.maxThreads() + " (lab.limits.max-threads): every one is a thread of the service",
                InterpretersParams::threadsPerInterpreter, p -> Math.max(1, limits.maxThreads() / p.interpreters())));
    }

    @Override
    public void validate(InterpretersParams p, LabLimits limits) {
        Experiment.super.validate(p, limits);
        GilExperiment.checkCanPin(p.cpus());
    }

    /** {@inheritDoc} */
    @Override
    public Optional<InterpretersParams> warmUp() {
        return Optional.of(new InterpretersParams(4, 2, 1, GilWorkload.CPU, 60, null, null, null, true, null));
    }

    @Override
    public ExperimentResult run(InterpretersParams p, RunContext context) throws Exception {
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        Duration interval = Duration.ofNanos(Math.round(p.switchIntervalMs() * 1e6));
        Trial trial = Trial.plan(context, limits, p.tasks(), 1, taskTime, p.baseline());
        GilObserver metered = metrics.observer(kind());
        Timeline timeline = context.timeline();
        try (ThreadAffinity.Narrowing pinned = p.cpus() != null ? ThreadAffinity.narrowToFirst(p.cpus()) : null;
                TaskBody echo = p.workload() == GilWorkload.SOCKET
                ? workloads.prepare(WorkloadKind.SOCKET, taskTime, context) : null) {
            Interpreter.Task work = GilExperiment.task(p.workload(), taskTime, echo);
            Payload payload = Payload.of(p.payloadBytes(), p.taskMillis());

            long starting = System.nanoTime();
            List<SubInterpreter> interpreters = start(p, interval, metered, timeline);
            long startNanos = System.nanoTime() - starting;
            Isolation isolation = Isolation.check(interpreters,
                    "written in interpreter 0 by run " + context.runId(), context);

            CopyChannel channel = new CopyChannel(timeline);
            InterpreterThreads threads = new InterpreterThreads(interpreters, p.threadsPerInterpreter(), context);
            ThreadCpu threadCpu = new ThreadCpu();
            // Each interpreter's count, as its results brought it back (the highest it reported): read through the
            // copies, as everything else from an interpreter is.
            AtomicLongArray counts = new AtomicLongArray(interpreters.size());
            Phase phase = trial.run(Executors.newFixedThreadPool(p.threads(), threads), threadCpu.counting(i -> {
                SubInterpreter interpreter = threads.ofCurrentThread();
                long count = payload.runTask(i, interpreter, channel, work);
                counts.accumulateAndGet(interpreter.id(), count, Math::max);
            }));
            double threadsCores = threadCpu.cores(phase.measured().wallNanos());
            List<Long> counted = new ArrayList<>();
            for (int k = 0; k < counts.length(); k++) {
                counted.add(counts.get(k));
            }
            List<LockReport> locks = locks(interpreters, phase.measured().wallSeconds());
            metrics.copied(kind(), channel.bytes());

            // The baseline: one interpreter, one thread, the same tasks and copies one after another.
            SubInterpreter alone = SubInterpreter.start(interpreters.size(), "baseline",
                    new GlobalInterpreterLock(interval, GilLanes.of(timeline, metered, "baseline")), cpu);
            if (p.baseline()) {
                timeline.laneOfCurrentThread("baseline", "baseline interpreter (one thread)");
            }
            CopyChannel aloneChannel = new CopyChannel(timeline);
            Baseline baseline = trial.baseline(i -> payload.runTask(i, alone, aloneChannel, work),
                    GilExperiment.estimatedBaseline(p.workload(), p.tasks(), taskTime));

            int cores = p.cpus() != null ? p.cpus() : Runtime.getRuntime().availableProcessors();
            var setup = new InterpreterVerdicts.Setup(p.gil(), p.workload(), p.tasks(), p.interpreters(),
                    p.threadsPerInterpreter(), cores, p.taskMillis(), p.cpus() != null);
            var boundary = new InterpreterVerdicts.Boundary(isolation, List.copyOf(counted), channel.bytes(),
                    channel.copies(), Numbers.round(channel.nanos() / 1e6, 3));
            var details = new InterpretersDetails(p.interpreters(), p.threadsPerInterpreter(), p.gil().tag(), cores,
                    p.cpus() == null ? null : CpuSet.format(ThreadAffinity.serviceCpus().subList(0, p.cpus())),
                    p.tasks(), p.workload().tag(), p.taskMillis(), p.payloadBytes(),
                    Numbers.round(startNanos / 1e6, 3), boundary.copiedBytes(), boundary.copies(),
                    boundary.copyMillis(), boundary.tasksPerInterpreter(), isolation, Numbers.round(threadsCores, 3),
                    locks, phase.stats(Timing::executedNanos));
            int workers = p.workload() == GilWorkload.CPU
                    ? (p.gil() == InterpreterGil.OWN ? Math.min(p.tasks(), p.interpreters()) : 1)
                    : Math.min(p.tasks(), p.threads());
            return ExperimentResult.of(phase.measured(), baseline, workers, phase.stats(Timing::latencyNanos),
                    List.of(InterpreterVerdicts.interpretersComputeInParallel(setup, phase.measured(), threadsCores,
                            baseline, boundary)), details);
        }
    }

    /** Starts the interpreters: with a lock each (own), or all on one lock (shared); each imports its module. */
    private List<SubInterpreter> start(InterpretersParams p, Duration interval, GilObserver metered,
            Timeline timeline) {
        GlobalInterpreterLock shared = p.gil() == InterpreterGil.SHARED
                ? new GlobalInterpreterLock(interval, GilLanes.of(timeline, metered, "interpreters (one shared GIL)"))
                : null;
        List<SubInterpreter> interpreters = new ArrayList<>(p.interpreters());
        for (int k = 0; k < p.interpreters(); k++) {
            GlobalInterpreterLock lock = shared != null ? shared
                    : new GlobalInterpreterLock(interval, GilLanes.of(timeline, metered, SubInterpreter.lanesOf(k)));
            interpreters.add(SubInterpreter.start(k, lock, cpu));
        }
        return List.copyOf(interpreters);
    }

    /** Each distinct lock's report, in the interpreters' order: one per interpreter, or one shared. */
    private static List<LockReport> locks(List<SubInterpreter> interpreters, double wallSeconds) {
        Map<GlobalInterpreterLock, Boolean> seen = new IdentityHashMap<>();
        return interpreters.stream().map(SubInterpreter::lock).filter(lock -> seen.put(lock, true) == null)
                .map(lock -> LockReport.of(lock.stats(), wallSeconds)).toList();
    }

    /**
     * The data every task carries: {@code payloadBytes} of pseudo-random bytes and their CRC-32, known to the sender.
     * A task goes into its interpreter as a copy (header and payload), checksums the payload there with that
     * interpreter's own module table, does its work under the interpreter's lock, counts itself in the interpreter's
     * state, and its result (index, count, checksum) comes back as a copy, which the sender checks. Were the state
     * shared, two interpreters' counts would interleave, and their highest counts would add up to more than the tasks.
     */
    private record Payload(byte[] bytes, long crc, int taskMillis) {

        static Payload of(int size, int taskMillis) {
            byte[] bytes = new byte[size];
            new SplittableRandom(size).nextBytes(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new Payload(bytes, crc.getValue(), taskMillis);
        }

        /** Runs task {@code index} in {@code interpreter}; returns the interpreter's count of its tasks so far. */
        long runTask(int index, SubInterpreter interpreter, CopyChannel channel, Interpreter.Task work)
                throws Exception {
            byte[] header = ByteBuffer.allocate(HEADER_BYTES).putInt(index).putInt(taskMillis).array();
            byte[] task = channel.pass(header, bytes, interpreter.lanes());
            byte[] reply = interpreter.exec((in, state) -> {
                int received = ByteBuffer.wrap(task).getInt(0);
                long checksum = state.checksum(task, HEADER_BYTES, task.length - HEADER_BYTES);
                work.run(in);
                long count = state.countTask();
                return ByteBuffer.allocate(Integer.BYTES + 2 * Long.BYTES).putInt(received).putLong(count)
                        .putLong(checksum).array();
            });
            ByteBuffer result = ByteBuffer.wrap(channel.pass(reply, interpreter.lanes()));
            int echoed = result.getInt(0);
            long checksum = result.getLong(Integer.BYTES + Long.BYTES);
            if (echoed != index || checksum != crc) {
                throw new IllegalStateException(String.format("task %d came back as task %d with checksum %x, "
                        + "expected %x: a copy across the interpreters changed the bytes", index, echoed, checksum, crc));
            }
            return result.getLong(Integer.BYTES);
        }
    }
}
