package concurrencylab.gil;

import concurrencylab.experiment.About;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.Pools;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.experiment.Parallelism;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import concurrencylab.workload.CpuWork;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The GIL convoy effect: an I/O thread releases the lock at every blocking operation, and beside a computing
 * thread it then waits a whole switch interval to get it back, every time. Times the same operations alone and
 * beside computing threads, under one lock each time.
 */
@Component
class ConvoyExperiment implements Experiment<ConvoyParams> {

    private static final About<ConvoyParams> ABOUT = new About<>("gil-convoy", ConvoyParams.class,
            "GIL convoy: an I/O thread beside a computing thread",
            "A thread that does many short I/O operations gives the GIL up at each one; beside a thread that "
                    + "computes, it then has to wait a whole switch interval (5 ms) to get the lock back, every time. "
                    + "Each operation then takes about a switch interval instead of 0.1 ms, so 200 of them take tens of "
                    + "times longer beside one computing thread than alone (CPython 3.11 shows about 27x on a 2-core "
                    + "machine). Halve the switch interval and the slowdown roughly halves; gil=false runs the same "
                    + "threads without a lock, and the convoy is gone.",
            List.of(Claim.C12));

    /** How much a computing thread computes between checks of whether the I/O thread is done. */
    private static final Duration CPU_SLICE = Duration.ofMillis(1);

    private final CpuWork cpu;
    private final GilMetrics metrics;

    ConvoyExperiment(CpuWork cpu, GilMetrics metrics) {
        this.cpu = cpu;
        this.metrics = metrics;
    }

    @Override
    public About<ConvoyParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(ConvoyParams params) {
        return new RunTags(params.gil() ? "gil" : "no-gil", "sleep");
    }


    /** {@inheritDoc} */
    @Override
    public Optional<ConvoyParams> warmUp() {
        return Optional.of(new ConvoyParams(50, null, 1, null, true));
    }
    @Override
    public ExperimentResult run(ConvoyParams p, RunContext context) throws Exception {
        Duration interval = Duration.ofNanos(Math.round(p.switchIntervalMs() * 1e6));
        Duration ioTime = Duration.ofNanos(Math.round(p.ioMillis() * 1e6));
        context.setTotal(2L * p.ioOps());
        GilObserver observer = GilLanes.of(context.timeline(), metrics.observer(kind()));

        long[] aloneOps = new long[p.ioOps()];
        Interpreter alone = interpreter(p.gil(), interval, observer);
        context.timeline().laneOfCurrentThread("threads", "I/O thread (alone, then beside computing)");
        Measured aloneMeasured = ioPhase(alone, ioTime, aloneOps, context);

        long[] besideOps = new long[p.ioOps()];
        Interpreter interpreter = interpreter(p.gil(), interval, observer);
        Measured besideMeasured;
        ExecutorService computing = Executors.newFixedThreadPool(p.cpuThreads(), context.platformThreads("gil-cpu"));
        context.onStop(computing::shutdownNow);
        CountDownLatch allComputing = new CountDownLatch(p.cpuThreads());
        CountDownLatch ioDone = new CountDownLatch(1);
        try {
            for (int i = 0; i < p.cpuThreads(); i++) {
                computing.submit(() -> {
                    interpreter.run(in -> {
                        allComputing.countDown();
                        while (ioDone.getCount() > 0) {
                            in.compute(CPU_SLICE);
                        }
                    });
                    return null;
                });
            }
            // Every computing thread has held the lock once: the I/O thread now meets them all.
            if (!allComputing.await(context.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new InterruptedException("deadline passed while the computing threads started");
            }
            besideMeasured = ioPhase(interpreter, ioTime, besideOps, context);
        } finally {
            ioDone.countDown();
            Pools.shutdownNow(computing);
        }
        LockReport lock = interpreter.lock() == null ? null
                : LockReport.of(interpreter.lock().stats(), besideMeasured.wallSeconds());
        return result(p, interval, aloneMeasured, besideMeasured, aloneOps, besideOps, lock);
    }

    private Interpreter interpreter(boolean gil, Duration interval, GilObserver observer) {
        return gil ? Interpreter.withLock(new GlobalInterpreterLock(interval, observer), cpu)
                : Interpreter.freeThreaded(cpu);
    }

    /** The I/O thread (this one) takes the lock, then performs the operations, timing each one. */
    private static Measured ioPhase(Interpreter interpreter, Duration ioTime, long[] opNanos, RunContext context)
            throws Exception {
        Measured[] measured = new Measured[1];
        interpreter.run(in -> {
            Stopwatch stopwatch = Stopwatch.start();
            for (int i = 0; i < opNanos.length; i++) {
                context.throwIfStopped();
                long start = System.nanoTime();
                in.blocking(() -> Thread.sleep(ioTime));
                opNanos[i] = System.nanoTime() - start;
                context.advance();
            }
            measured[0] = stopwatch.stop();
        });
        return measured[0];
    }

    private ExperimentResult result(ConvoyParams p, Duration interval, Measured alone, Measured beside,
            long[] aloneOps, long[] besideOps, LockReport lock) {
        LatencyStats aloneLatency = LatencyStats.ofNanos(aloneOps);
        LatencyStats besideLatency = LatencyStats.ofNanos(besideOps);
        double slowdown = beside.wallSeconds() / alone.wallSeconds();
        double intervalMs = interval.toNanos() / 1e6;
        double addedMs = besideLatency.p50Ms() - aloneLatency.p50Ms();
        metrics.convoySlowdown(slowdown);
        var details = new ConvoyDetails(p.ioOps(), p.ioMillis(), p.cpuThreads(), intervalMs,
                Numbers.seconds(alone.wallNanos()), Numbers.seconds(beside.wallNanos()), Numbers.round(slowdown, 2),
                aloneLatency, besideLatency, Numbers.round(addedMs, 3), p.gil(), lock, ConvoyDetails.CPYTHON);
        return ExperimentResult.of(beside, null, 1, besideLatency, List.of(verdict(p, intervalMs, addedMs, slowdown,
                aloneLatency, besideLatency, alone, beside)), details);
    }

    /**
     * C12: beside computing threads, each operation waits about one switch interval for the lock: from half an
     * interval to (computing threads + 2) intervals more than alone, at the median.
     */
    static Verdict verdict(ConvoyParams p, double intervalMs, double addedMs, double slowdown,
            LatencyStats alone, LatencyStats beside, Measured aloneMeasured, Measured besideMeasured) {
        double most = (p.cpuThreads() + 2) * intervalMs;
        String measured = String.format(Locale.ROOT, "beside %d computing thread(s), an I/O operation of %s ms took "
                        + "%.3f ms at the median instead of %.3f ms alone: %.3f ms more; the %d operations took %.3f s "
                        + "instead of %.3f s, %.1fx slower", p.cpuThreads(), plain(p.ioMillis()), beside.p50Ms(),
                alone.p50Ms(), addedMs, p.ioOps(), besideMeasured.wallSeconds(), aloneMeasured.wallSeconds(), slowdown);
        if (!p.gil()) {
            return Verdict.cannotShow(Claim.C12, measured + ". This run had no GIL, so the I/O thread never waited to "
                    + "get a lock back: no convoy. Run it with gil=true");
        }
        String against = String.format(Locale.ROOT, "%s, against a switch interval of %s ms (counted as shown from "
                + "0.5 to %d intervals more)", measured, plain(intervalMs), p.cpuThreads() + 2);
        if (addedMs >= 0.5 * intervalMs && addedMs <= most) {
            return Verdict.of(Claim.C12, Outcome.CONFIRMED, against);
        }
        if (addedMs < 0.5 * intervalMs) {
            return Verdict.of(Claim.C12, Outcome.NOT_SHOWN, against + ": the I/O thread got the lock back sooner");
        }
        // Waited longer than the lock explains: other programs may have kept the threads off the cores.
        Parallelism.Judgement longer = Parallelism.missed(against, besideMeasured);
        return Verdict.of(Claim.C12, longer.outcome(), longer.reason());
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
