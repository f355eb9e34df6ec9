package concurrencylab.memory;

import concurrencylab.experiment.About;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.experiment.Trial;
import concurrencylab.memory.SharedMemoryDetails.ChildCount;
import concurrencylab.process.WorkerGroup;
import concurrencylab.process.WorkerGroup.Event;
import concurrencylab.process.WorkerGroup.Worker;
import concurrencylab.process.WorkerLanes;
import concurrencylab.process.ProcessCounter;
import concurrencylab.process.Order;
import concurrencylab.process.WorkerReply;
import concurrencylab.process.Workers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Threads share their process's memory, so unprotected increments of one counter get lost; processes do not, so
 * each counts only its own. Records {@code lab.memory.lost.updates} (the latest run's, per mode).
 */
@Component
class SharedMemoryExperiment implements Experiment<SharedMemoryParams> {

    private static final About<SharedMemoryParams> ABOUT = new About<>("shared-memory", SharedMemoryParams.class,
            "Shared memory: threads share a counter, processes cannot",
            "Threads live in one process and share its memory: two threads incrementing one counter without "
                    + "protection lose updates (both read 41, both write 42), and a lock or an atomic counter loses none. "
                    + "Processes each have memory of their own: in mode processes the service writes a marker into its "
                    + "counter, then the same counting code runs as threads, which see the marker and add to it, and as "
                    + "child processes, which see only their own counter and leave the service's alone.",
            List.of(Claim.C4, Claim.C1));

    /** How often an incrementing thread checks whether the run was stopped. */
    private static final int CHECK_EVERY = 1 << 16;

    private final Workers processes;
    /** The latest lost-update count per mode, read by the gauges; written by runner threads. */
    private final Map<CounterMode, AtomicLong> lostUpdates = new EnumMap<>(CounterMode.class);
    /** Held by a run of mode processes while it uses the service's {@link ProcessCounter}. */
    private static final ReentrantLock ISOLATION = new ReentrantLock();

    SharedMemoryExperiment(Workers processes, MeterRegistry registry) {
        this.processes = processes;
        for (CounterMode mode : CounterMode.values()) {
            AtomicLong lost = new AtomicLong();
            lostUpdates.put(mode, lost);
            Gauge.builder("lab.memory.lost.updates", lost, AtomicLong::get).tag("mode", mode.tag())
                    .description("Increments the latest shared-memory run of this mode lost").register(registry);
        }
    }

    @Override
    public About<SharedMemoryParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(SharedMemoryParams params) {
        return new RunTags(params.mode().tag(), "count");
    }


    /** {@inheritDoc} */
    @Override
    public Optional<SharedMemoryParams> warmUp() {
        return Optional.of(new SharedMemoryParams(2, 500_000, null));
    }
    @Override
    public ExperimentResult run(SharedMemoryParams p, RunContext context) throws Exception {
        boolean processesMode = p.mode() == CounterMode.PROCESSES;
        Trial trial = Trial.plan(context, p.workers(), processesMode ? 2 : 1);
        Stopwatch stopwatch = Stopwatch.start();
        SharedMemoryDetails details = processesMode ? isolation(p, trial, context) : inThreads(p, trial, context);
        Measured measured = stopwatch.stop();
        lostUpdates.get(p.mode()).set(details.lostUpdates() == null ? 0 : details.lostUpdates());
        return ExperimentResult.of(measured, null, p.workers(), null, SharedMemoryVerdicts.of(p.mode(), details),
                details);
    }

    private SharedMemoryDetails inThreads(SharedMemoryParams p, Trial trial, RunContext context) throws Exception {
        SharedCounter counter = SharedCounter.of(p.mode());
        trial.runTogether(counters(p, context), w -> {
            for (int i = 0; i < p.increments(); i++) {
                counter.increment();
                if (i % CHECK_EVERY == 0 && Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopped");
                }
            }
        });
        long expected = (long) p.workers() * p.increments();
        long actual = counter.value();
        long lost = expected - actual;
        return new SharedMemoryDetails(p.mode().tag(), p.workers(), p.increments(), expected, actual, lost,
                Numbers.round(100.0 * lost / expected, 2), null);
    }

    /**
     * The contrast of C4 and C1: the service's main thread writes a marker into its {@link ProcessCounter}; the same
     * counting code then runs on threads of the service, which read the marker and add to it, and in child
     * processes, which read their own counter and leave the service's alone.
     */
    private SharedMemoryDetails isolation(SharedMemoryParams p, Trial trial, RunContext context) throws Exception {
        // The counter is the service's one and only: two runs of this mode at once would see each other's marker.
        ISOLATION.lockInterruptibly();
        try {
            long marker = 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
            ProcessCounter.set(marker);
            long[] threadsSaw = new long[p.workers()];
            trial.runTogether(counters(p, context), w -> threadsSaw[w] = ProcessCounter.countFrom(p.increments()));
            long afterThreads = ProcessCounter.read();
            ChildCount[] children = new ChildCount[p.workers()];
            try (WorkerGroup group = processes.start(p.workers(), null, context.platformThreads("worker-io"))) {
                context.onStop(group::close);
                WorkerLanes lanes = new WorkerLanes(group.workers(), context.timeline());
                for (Worker worker : group.workers()) {
                    group.send(worker, new Order.Count(p.increments()));
                    lanes.started(worker.index() - 1);
                }
                for (int answered = 0; answered < p.workers(); ) {
                    Event event = group.next(context.waitAtMost(Duration.ofSeconds(60)), "to count");
                    if (event.report() instanceof WorkerReply.Result result) {
                        children[event.worker().index() - 1] = new ChildCount(result.pid(), result.seen(),
                                result.count());
                        lanes.taskDone(event.worker().index() - 1);
                        answered++;
                        context.advance();
                    }
                }
            }
            var isolation = new SharedMemoryDetails.Isolation(marker, Arrays.stream(threadsSaw).boxed().toList(),
                    afterThreads, List.of(children), ProcessCounter.read());
            return new SharedMemoryDetails(p.mode().tag(), p.workers(), p.increments(), null, null, null, null,
                    isolation);
        } finally {
            ISOLATION.unlock();
        }
    }

    /** One platform thread per worker, so that they all count at once. */
    private static ExecutorService counters(SharedMemoryParams p, RunContext context) {
        return Executors.newFixedThreadPool(p.workers(), context.platformThreads("counter"));
    }
}
