package concurrencylab.run;

import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentCatalog;
import concurrencylab.experiment.LabLimits;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first run after a start is held to the standard of the tenth: once the service is ready (not on its start
 * path), one thread of its own runs every available experiment's {@link Experiment#warmUp() warm-up} once, through
 * the same code as a real run (Trial, executors, timeline, sockets, workers), so the JIT compiles those paths before
 * anyone measures them. Warm-up runs are never registered, stored or counted as runs; what they do on the wire and
 * under the GIL shows in those meters like any work of the lab's. Every real run waits for the warm-up before its
 * clock starts ({@link #await}); it stays QUEUED meanwhile. {@code lab.warm-up.enabled=false} turns it off.
 *
 * <p>States: warming (from ready until {@code done} completes) and warm; {@code done} completes once, whether the
 * warm-up succeeded, failed or was stopped. {@code current} is the warm-up run in progress (volatile), which a
 * shutdown stops.
 */
@Component
class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    /** The longest a real run waits for the warm-up: past it, it measures anyway. */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private final ExperimentCatalog catalog;
    private final LaunchRules rules;
    private final ObjectProvider<LabEnvironment> environment;
    private final LabLimits limits;
    private final boolean enabled;
    private final CompletableFuture<Duration> done = new CompletableFuture<>();
    private volatile Run current;
    private volatile boolean stopped;

    WarmUp(ExperimentCatalog catalog, LaunchRules rules, ObjectProvider<LabEnvironment> environment, LabLimits limits,
            @Value("${lab.warm-up.enabled:true}") boolean enabled) {
        this.catalog = catalog;
        this.rules = rules;
        this.environment = environment;
        this.limits = limits;
        this.enabled = enabled;
        if (!enabled) {
            done.complete(Duration.ZERO);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void begin() {
        if (enabled && !done.isDone()) {
            Thread.ofPlatform().name("lab-service-warm-up").daemon().start(this::warmEverything);
        }
    }

    /** Waits (at most {@link #MAX_WAIT}) until the warm-up has ended; false if it has not by then. */
    boolean await() {
        try {
            done.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Whether the warm-up has ended. */
    boolean isWarm() {
        return done.isDone();
    }

    /** Stops the warm-up run in progress and the rest of it (the service is stopping). */
    void stop() {
        stopped = true;
        Run running = current;
        if (running != null) {
            running.requestStop(StopReason.SHUTDOWN);
        }
    }

    private void warmEverything() {
        long started = System.nanoTime();
        List<String> warmed = new ArrayList<>();
        try {
            // The machine as runs report it: reading it calibrates the cpu workload, here, off the start path.
            environment.getObject();
            for (String kind : catalog.kinds()) {
                Experiment<?> experiment = catalog.require(kind);
                if (stopped) {
                    break;
                }
                if (warm(experiment)) {
                    warmed.add(experiment.kind());
                }
            }
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("warmed up {} in {} ms before the first run: {}", warmed.size(), took.toMillis(), warmed);
            done.complete(took);
        }
    }

    /** Runs one experiment's warm-up as an unseen run; false when it has none, cannot run here, or failed. */
    private <P extends Record> boolean warm(Experiment<P> experiment) {
        if (experiment.warmUp().isEmpty() || experiment.unavailable().isPresent()) {
            return false;
        }
        Run run;
        try {
            P params = rules.check(experiment, experiment.warmUp().get());
            run = new Run(experiment, params, experiment.tags(params), Duration.ofSeconds(60), environment.getObject(),
                    limits.maxTimelineEvents());
        } catch (RuntimeException e) {
            log.warn("the warm-up of {} does not fit this service's limits: {}", experiment.kind(), e.getMessage());
            return false;
        }
        current = run;
        run.start(Thread.currentThread());
        SimpleMeterRegistry scratch = new SimpleMeterRegistry();
        var timers = new RunMetrics.TaskTimers(Timer.builder("warm-up.queued").register(scratch),
                Timer.builder("warm-up.duration").register(scratch));
        Throwable failure = null;
        try {
            experiment.run(params(experiment, run), new ActiveRunContext(run, timers));
        } catch (Throwable t) {
            failure = t;
            if (!run.isStopRequested()) {
                log.warn("the warm-up of {} failed", experiment.kind(), t);
            }
        } finally {
            Thread.interrupted();
            run.finish(null, failure);
            current = null;
        }
        return failure == null;
    }

    private static <P extends Record> P params(Experiment<P> experiment, Run run) {
        return experiment.paramsType().cast(run.params);
    }
}
