package concurrencylab.threads;

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
import concurrencylab.experiment.Verdict;
import concurrencylab.workload.TaskBody;
import concurrencylab.workload.WorkloadKind;
import concurrencylab.workload.Workloads;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * One virtual thread per task: a waiting virtual thread unmounts from its carrier, so thousands of waits share a
 * handful of OS threads, the JVM's take on coroutines.
 */
@Component
class VirtualThreadsExperiment implements Experiment<VirtualThreadsParams> {

    private static final About<VirtualThreadsParams> ABOUT = new About<>("virtual-threads", VirtualThreadsParams.class,
            "Virtual threads: one cheap thread per task",
            "Starts one virtual thread per task. A virtual thread that waits (sleep, socket) steps off its OS "
                    + "carrier thread, like a coroutine suspending, so 10,000 tasks that each wait 500 ms finish in about "
                    + "500 ms on a handful of OS threads. Shows the peak number of OS threads next to the tasks in flight.",
            List.of(Claim.C6, Claim.C5));

    private final Workloads workloads;
    private final LabLimits limits;

    VirtualThreadsExperiment(Workloads workloads, LabLimits limits) {
        this.workloads = workloads;
        this.limits = limits;
    }

    @Override
    public About<VirtualThreadsParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(VirtualThreadsParams params) {
        return new RunTags("virtual", params.workload().tag());
    }


    /** {@inheritDoc} */
    @Override
    public Optional<VirtualThreadsParams> warmUp() {
        return Optional.of(new VirtualThreadsParams(2000, WorkloadKind.SLEEP, 20, true));
    }
    @Override
    public ExperimentResult run(VirtualThreadsParams p, RunContext context) throws Exception {
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        Trial trial = Trial.plan(context, limits, p.tasks(), 1, taskTime, p.baseline());
        AtomicInteger inProgress = new AtomicInteger();
        AtomicInteger peakInProgress = new AtomicInteger();
        try (TaskBody body = workloads.prepare(p.workload(), taskTime, context)) {
            Trial.Body counted = i -> {
                peakInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
                try {
                    body.run();
                } finally {
                    inProgress.decrementAndGet();
                }
            };
            int platformBefore = ThreadSampler.platformThreadsNow();
            Phase phase;
            try (ThreadSampler sampler = ThreadSampler.start(context.platformThreads("sampler"),
                    context.timeline(), inProgress::get)) {
                phase = trial.run(Executors.newThreadPerTaskExecutor(context.virtualThreads("vt")), counted);
                sampler.close(); // only the concurrent phase is sampled; the second close on the way out does nothing
                Baseline baseline = trial.baseline(i -> body.run(),
                        Workloads.estimatedBaseline(p.workload(), p.tasks(), taskTime));
                var details = new VirtualThreadsDetails(p.tasks(), p.workload().tag(), p.taskMillis(),
                        peakInProgress.get(), platformBefore, sampler.peakPlatformThreads(),
                        ThreadSampler.carrierParallelism(), sampler.peakCarrierThreads(), sampler.peakMounted(),
                        Numbers.round((double) peakInProgress.get() / Math.max(1, sampler.peakPlatformThreads()), 1),
                        phase.stats(Timing::queuedNanos), phase.stats(Timing::executedNanos), sampler.samples(),
                        p.workload() == WorkloadKind.SOCKET ? limits.maxOpenConnections() : null);
                return result(p, phase, baseline, details);
            }
        }
    }

    private static ExperimentResult result(VirtualThreadsParams p, Phase phase, Baseline baseline,
            VirtualThreadsDetails details) {
        Measured measured = phase.measured();
        int cores = Runtime.getRuntime().availableProcessors();
        boolean computing = p.workload() == WorkloadKind.CPU;
        List<Verdict> verdicts = computing
                ? List.of(ThreadVerdicts.computingNeverSuspends(measured, p.tasks(), p.taskMillis()),
                        ThreadVerdicts.parallelCompute(measured, baseline, p.tasks(), p.tasks(), cores, "virtual thread"))
                : List.of(ThreadVerdicts.waitsTakeOneWait(measured, p.tasks(), p.taskMillis(),
                                details.peakPlatformThreads(), details.openConnectionLimit()),
                        ThreadVerdicts.waitingUsesNoCores(measured, p.tasks(), p.taskMillis(), p.tasks(),
                                "virtual thread"));
        int atOnce = computing ? Math.min(p.tasks(), cores) : p.tasks();
        return ExperimentResult.of(measured, baseline, atOnce,
                phase.stats(Timing::latencyNanos), verdicts, details);
    }
}
