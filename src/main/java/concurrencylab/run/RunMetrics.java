package concurrencylab.run;

import concurrencylab.experiment.ExperimentResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The run metrics (DESIGN.md section 4). Tag keys are the same for every series of one name: experiment, mode,
 * workload, and outcome where a run has ended. Never a run id.
 */
@Component
class RunMetrics {

    private final MeterRegistry registry;
    /** Latest value per experiment/mode/workload, read by the gauges; written by runner threads. */
    private final Map<Tags, AtomicLong> speedups = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicLong> utilisations = new ConcurrentHashMap<>();

    RunMetrics(MeterRegistry registry, RunRegistry runs) {
        this.registry = registry;
        Gauge.builder("lab.runs.active", runs, r -> r.count(RunStatus.RUNNING))
                .description("Runs executing now").register(registry);
        Gauge.builder("lab.runs.queued", runs, r -> r.count(RunStatus.QUEUED))
                .description("Runs waiting for their turn").register(registry);
    }

    static Tags tags(Run run) {
        return Tags.of("experiment", run.experiment.kind(), "mode", run.tags.mode(), "workload", run.tags.workload());
    }

    /** Records a run that reached its final status. */
    void finished(Run run) {
        Tags tags = tags(run);
        Tags withOutcome = tags.and("outcome", run.status().outcome());
        Counter.builder("lab.runs").description("Runs that ended, by outcome").tags(withOutcome)
                .register(registry).increment();
        if (run.elapsed().isPositive()) {
            Timer.builder("lab.run.duration").description("How long runs took from start to end")
                    .tags(withOutcome).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry).record(run.elapsed());
        }
        ExperimentResult result = run.result();
        if (result != null) {
            if (result.speedup() != null) {
                latest(speedups, "lab.run.speedup", "Speedup of the latest run over its sequential baseline", tags)
                        .set(Double.doubleToLongBits(result.speedup()));
            }
            latest(utilisations, "lab.run.cpu.utilisation", "Cores busy on average during the latest run", tags)
                    .set(Double.doubleToLongBits(result.cpuUtilisation()));
        }
    }

    private AtomicLong latest(Map<Tags, AtomicLong> values, String name, String description, Tags tags) {
        return values.computeIfAbsent(tags, t -> {
            AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
            Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get())).description(description).tags(t)
                    .register(registry);
            return bits;
        });
    }

    /** The task timers of one run, built once per run so that tasks only record. */
    TaskTimers taskTimers(Run run) {
        Tags tags = tags(run);
        return new TaskTimers(
                Timer.builder("lab.task.queued").description("Time a task waited before a thread ran it")
                        .tags(tags).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofMinutes(5))
                        .register(registry),
                Timer.builder("lab.task.duration").description("Time a task took to execute")
                        .tags(tags).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofMinutes(5))
                        .register(registry));
    }

    record TaskTimers(Timer queued, Timer duration) {

        void record(long queuedNanos, long executedNanos) {
            queued.record(Duration.ofNanos(queuedNanos));
            duration.record(Duration.ofNanos(executedNanos));
        }
    }
}
