package concurrencylab.memory;

import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.Pools;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.memory.SharedMemoryDetails.ChildCount;
import concurrencylab.process.WorkerGroup;
import concurrencylab.process.WorkerGroup.Event;
import concurrencylab.process.WorkerGroup.Worker;
import concurrencylab.process.WorkerProtocol;
import concurrencylab.process.Workers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Threads share their process's memory, so unprotected increments of one counter get lost; processes do not, so
 * each counts only its own. Records {@code lab.memory.lost.updates} (the latest run's, per mode).
 */
@Component
class SharedMemoryExperiment implements Experiment<SharedMemoryParams> {

    /** How often an incrementing thread checks whether the run was stopped. */
    private static final int CHECK_EVERY = 1 << 16;

    private final Workers processes;
    /** The latest lost-update count per mode, read by the gauges; written by runner threads. */
    private final Map<CounterMode, AtomicLong> lostUpdates = new EnumMap<>(CounterMode.class);
    /** The service's own counter, which processes mode leaves alone: the children cannot reach it. */
    private final AtomicLong parentCounter = new AtomicLong();

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
    public String kind() {
        return "shared-memory";
    }

    @Override
    public String title() {
        return "Shared memory: threads share a counter, processes cannot";
    }

    @Override
    public String summary() {
        return "Threads live in one process and share its memory: two threads incrementing one counter without "
                + "protection lose updates (both read 41, both write 42), and a lock or an atomic counter loses none. "
                + "Processes each have memory of their own: worker processes count in their own copy, and the "
                + "service's counter never moves.";
    }

    @Override
    public List<Claim> claims() {
        return List.of(Claim.C4, Claim.C1);
    }

    @Override
    public Class<SharedMemoryParams> paramsType() {
        return SharedMemoryParams.class;
    }

    @Override
    public RunTags tags(SharedMemoryParams params) {
        return new RunTags(params.mode().tag(), "count");
    }

    @Override
    public ExperimentResult run(SharedMemoryParams p, RunContext context) throws Exception {
        context.setTotal(p.workers());
        long expected = (long) p.workers() * p.increments();
        Stopwatch stopwatch = Stopwatch.start();
        SharedMemoryDetails details = p.mode() == CounterMode.PROCESSES ? inProcesses(p, expected, context)
                : inThreads(p, expected, context);
        Measured measured = stopwatch.stop();
        lostUpdates.get(p.mode()).set(details.lostUpdates());
        return ExperimentResult.of(measured, null, p.workers(), null, List.of(SharedMemoryVerdicts.of(details)),
                details);
    }

    private SharedMemoryDetails inThreads(SharedMemoryParams p, long expected, RunContext context) throws Exception {
        SharedCounter counter = SharedCounter.of(p.mode());
        ExecutorService threads = Executors.newFixedThreadPool(p.workers(), context.platformThreads("counter"));
        context.onStop(threads::shutdownNow);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < p.workers(); w++) {
                done.add(threads.submit(() -> {
                    go.await(); // all start together, so they really overlap
                    for (int i = 0; i < p.increments(); i++) {
                        counter.increment();
                        if (i % CHECK_EVERY == 0 && Thread.currentThread().isInterrupted()) {
                            throw new InterruptedException("stopped");
                        }
                    }
                    context.advance();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(Math.max(1, context.remaining().toNanos()), TimeUnit.NANOSECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new InterruptedException("deadline passed while the threads counted");
        } finally {
            Pools.shutdownNow(threads);
        }
        long actual = counter.value();
        long lost = expected - actual;
        return new SharedMemoryDetails(p.mode().tag(), p.workers(), p.increments(), expected, actual, lost,
                Numbers.round(100.0 * lost / expected, 2), null, null);
    }

    private SharedMemoryDetails inProcesses(SharedMemoryParams p, long expected, RunContext context) throws Exception {
        long parentBefore = parentCounter.get();
        List<ChildCount> children = new ArrayList<>();
        try (WorkerGroup group = processes.start(p.workers(), null, context.platformThreads("worker-io"))) {
            context.onStop(group::close);
            for (Worker worker : group.workers()) {
                group.send(worker, WorkerProtocol.message(WorkerProtocol.WORK, "kind", "count", "tasks", 0,
                        "taskMicros", 0, "roundsPerMs", 1, "gil", false, "switchMicros", 1, "increments",
                        p.increments(), "fault", "none"));
            }
            while (children.size() < p.workers()) {
                Event event = group.next(context.waitAtMost(Duration.ofSeconds(60)), "to count");
                if (event.message().verb().equals(WorkerProtocol.RESULT)) {
                    children.add(new ChildCount(event.message().longField("pid"), event.message().longField("count")));
                    context.advance();
                }
            }
        }
        long sum = children.stream().mapToLong(ChildCount::count).sum();
        return new SharedMemoryDetails(p.mode().tag(), p.workers(), p.increments(), expected, sum, 0, 0,
                parentCounter.get() - parentBefore, children);
    }
}
