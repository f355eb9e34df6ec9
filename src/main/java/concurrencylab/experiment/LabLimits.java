package concurrencylab.experiment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How big and how many runs may be. Parameters with a configured limit are checked against these, the run
 * machinery enforces the rest, and the catalog shows them all. Set them under {@code lab.limits.*}; the service
 * refuses to start with a value out of range.
 *
 * @param maxTasks            most tasks one run may start
 * @param maxThreads          most platform threads one run may start for its pool
 * @param maxTaskMillis       longest single task, in milliseconds
 * @param maxProcesses        most worker processes (each a JVM) one run may start
 * @param maxOpenConnections  most loopback connections the socket workload keeps open at once (each costs two
 *                            file descriptors in this process: the client's and the server's)
 * @param maxMeasuredBaseline longest sequential baseline a run measures for real; past it the baseline is
 *                            estimated from the measured task times, and the result says so
 * @param concurrentRuns      runs that execute at once (1: runs measure the machine, two at once spoil both)
 * @param queueCapacity       runs that may wait for their turn; one more is refused with 429
 * @param retainedRuns        finished runs kept in memory with their timelines; older ones are served from the run
 *                            store (lab.retention.*), without their timeline
 * @param defaultTimeout      a run's deadline when the request names none
 * @param maxTimeout          the longest deadline a request may ask for
 * @param maxWait             the longest {@code ?wait=} a request may ask for
 * @param maxTimelineEvents   most events one run's timeline keeps (intervals, instants, counter samples); past it,
 *                            neighbouring intervals are merged and the timeline says how many; 0 records none
 * @param maxEventStreams     most runs' event streams (GET /api/runs/{id}/events) open at once; one more is refused
 *                            with 429
 */
@Validated
@ConfigurationProperties("lab.limits")
public record LabLimits(
        @DefaultValue("100000") @Min(1) @Max(1_000_000) int maxTasks,
        @DefaultValue("256") @Min(1) @Max(4096) int maxThreads,
        @DefaultValue("10000") @Min(1) @Max(600_000) int maxTaskMillis,
        @DefaultValue("2000") @Min(1) @Max(100_000) int maxOpenConnections,
        @DefaultValue("16") @Min(1) @Max(256) int maxProcesses,
        @DefaultValue("20s") Duration maxMeasuredBaseline,
        @DefaultValue("1") @Min(1) @Max(16) int concurrentRuns,
        @DefaultValue("16") @Min(0) @Max(10_000) int queueCapacity,
        @DefaultValue("100") @Min(1) @Max(100_000) int retainedRuns,
        @DefaultValue("2m") Duration defaultTimeout,
        @DefaultValue("10m") Duration maxTimeout,
        @DefaultValue("60s") Duration maxWait,
        @DefaultValue("200000") @Min(0) @Max(10_000_000) int maxTimelineEvents,
        @DefaultValue("32") @Min(1) @Max(10_000) int maxEventStreams) {

    public LabLimits {
        requirePositive("max-measured-baseline", maxMeasuredBaseline);
        requirePositive("default-timeout", defaultTimeout);
        requirePositive("max-timeout", maxTimeout);
        requirePositive("max-wait", maxWait);
        if (defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new IllegalArgumentException("lab.limits.default-timeout (" + defaultTimeout
                    + ") must not exceed lab.limits.max-timeout (" + maxTimeout + ")");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("lab.limits." + name + " must be positive, was " + value);
        }
    }
}
