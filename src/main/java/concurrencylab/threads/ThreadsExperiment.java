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
import concurrencylab.workload.TaskBody;
import concurrencylab.workload.WorkloadKind;
import concurrencylab.workload.Workloads;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/** A fixed pool of platform threads runs N tasks; cpu tasks scale with cores, waiting tasks with threads. */
@Component
class ThreadsExperiment implements Experiment<ThreadsParams> {

    private static final About<ThreadsParams> ABOUT = new About<>("threads", ThreadsParams.class,
            "Threads: a fixed pool of platform threads",
            "Runs the tasks on a pool of OS threads. Computing tasks go about as many times faster as there are "
                    + "cores (and threads), with that many cores busy; waiting tasks overlap their waits, as many at once "
                    + "as there are threads, but keep no core busy, so they show nothing about parallelism. Each task's "
                    + "time is split into waiting in the pool's queue and executing.",
            List.of(Claim.C5));

    private final Workloads workloads;
    private final LabLimits limits;

    ThreadsExperiment(Workloads workloads, LabLimits limits) {
        this.workloads = workloads;
        this.limits = limits;
    }

    @Override
    public About<ThreadsParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(ThreadsParams params) {
        return new RunTags("platform-pool", params.workload().tag());
    }


    /** {@inheritDoc} */
    @Override
    public Optional<ThreadsParams> warmUp() {
        return Optional.of(new ThreadsParams(8, 2, WorkloadKind.CPU, 25, true));
    }
    @Override
    public ExperimentResult run(ThreadsParams p, RunContext context) throws Exception {
        Duration taskTime = Duration.ofMillis(p.taskMillis());
        Trial trial = Trial.plan(context, limits, p.tasks(), 1, taskTime, p.baseline());
        try (TaskBody body = workloads.prepare(p.workload(), taskTime, context)) {
            Phase phase = trial.run(Executors.newFixedThreadPool(p.poolSize(), context.platformThreads("pool")),
                    i -> body.run());
            Baseline baseline = trial.baseline(i -> body.run(),
                    Workloads.estimatedBaseline(p.workload(), p.tasks(), taskTime));
            return result(p, phase, baseline);
        }
    }

    private ExperimentResult result(ThreadsParams p, Phase phase, Baseline baseline) {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean computing = p.workload() == WorkloadKind.CPU;
        Measured measured = phase.measured();
        // At once: as many tasks as threads, and for computing tasks no more than there are cores.
        int atOnce = Math.min(p.tasks(), computing ? Math.min(p.poolSize(), cores) : p.poolSize());
        double idealSeconds = Math.ceilDiv(p.tasks(), atOnce) * p.taskMillis() / 1000.0;
        var details = new ThreadsDetails(p.poolSize(), cores, p.tasks(), p.workload().tag(), p.taskMillis(),
                phase.stats(Timing::queuedNanos), phase.stats(Timing::executedNanos), Numbers.round(idealSeconds, 3),
                Numbers.round(phase.sum(Timing::executedNanos) / (double) measured.wallNanos(), 2));
        var verdict = computing
                ? ThreadVerdicts.parallelCompute(measured, baseline, p.tasks(), p.poolSize(), cores, "pool thread")
                : ThreadVerdicts.waitingUsesNoCores(measured, p.tasks(), p.taskMillis(), p.poolSize(), "pool thread");
        return ExperimentResult.of(measured, baseline, atOnce, phase.stats(Timing::latencyNanos), List.of(verdict),
                details);
    }
}
