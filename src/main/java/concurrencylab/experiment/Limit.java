package concurrencylab.experiment;

import java.util.function.ToDoubleFunction;

/** A configured upper bound, read from {@link LabLimits}, that a {@link Bounded} parameter may use. */
public enum Limit {
    NONE(limits -> Double.NaN),
    TASKS(LabLimits::maxTasks),
    THREADS(LabLimits::maxThreads),
    TASK_MILLIS(LabLimits::maxTaskMillis),
    PROCESSES(LabLimits::maxProcesses),
    /** The processors this JVM may use: not configured, measured. */
    CORES(limits -> Runtime.getRuntime().availableProcessors());

    private final ToDoubleFunction<LabLimits> reader;

    Limit(ToDoubleFunction<LabLimits> reader) {
        this.reader = reader;
    }

    double of(LabLimits limits) {
        return reader.applyAsDouble(limits);
    }
}
