package concurrencylab.run;

import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.ThreadAffinity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Accepts runs, executes them {@code lab.limits.concurrent-runs} at a time (one, by default: runs measure the
 * machine, and two at once spoil each other's numbers), queues the rest in a bounded queue, stops each at its
 * deadline, cancels on request and stops everything when the service shuts down.
 *
 * <p>Threads: {@code runners} are the permanent "lab-service-runner-N" threads that execute experiments;
 * {@code deadlines} is one permanent thread that fires deadlines. Both are shut down with the service.
 *
 * <p>Admission: {@code places} holds one permit per run that may be running or waiting (concurrent-runs +
 * queue-capacity). A submission takes a place before anything is made, and the run gives it back when it reaches its
 * final status, so a refused submission (429, 503 while stopping, 400 from {@link LaunchRules}) leaves no run behind,
 * in memory or in the store. {@code admission} is the lock that makes "take a place, record the run, queue it" one
 * step against {@link #stop()}: once {@code stopping} is set under it, nothing more is recorded, and the runners'
 * queue (unbounded: {@code places} bounds it) never refuses a run that was recorded.
 *
 * <p>Lifecycle: a {@link SmartLifecycle} in the last phase, so on shutdown it stops first: every run is cancelled
 * before the web server's graceful shutdown starts waiting for requests, some of which wait for runs
 * ({@code ?wait=}). Otherwise Ctrl-C would wait for the longest run.
 */
@Service
public class RunService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    /** How long a cancel waits for the run to actually end before answering. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(3);

    private final LabLimits limits;
    private final RunRegistry registry;
    private final RunMetrics metrics;
    private final ObjectProvider<LabEnvironment> environment;
    private final RunStore store;
    private final LaunchRules rules;
    private final WarmUp warmUp;
    private final ThreadPoolExecutor runners;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Semaphore places;
    private final Object admission = new Object();
    /** Set once, under {@code admission}, when the service begins to stop. */
    private boolean stopping;

    RunService(LabLimits limits, RunRegistry registry, RunMetrics metrics, ObjectProvider<LabEnvironment> environment,
            RunStore store, LaunchRules rules, WarmUp warmUp) {
        this.store = store;
        this.rules = rules;
        this.warmUp = warmUp;
        this.limits = limits;
        this.registry = registry;
        this.metrics = metrics;
        this.environment = environment;
        this.places = new Semaphore(limits.concurrentRuns() + limits.queueCapacity());
        this.runners = new ThreadPoolExecutor(limits.concurrentRuns(), limits.concurrentRuns(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("lab-service-runner-", 1).factory());
        this.deadlines = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("lab-service-deadlines").factory());
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * Queues a run of {@code experiment}: the {@link LaunchRules} fill and check {@code params} (null: every default),
     * then the run takes a place, is recorded and queued. Every refusal happens before anything is recorded.
     *
     * @throws QueueFullException        when every runner is busy and the queue is full
     * @throws ServiceStoppingException  when the service is stopping
     */
    <P extends Record> Run submit(Experiment<P> experiment, Record params, Duration timeout) {
        P checked = rules.check(experiment, params);
        synchronized (admission) {
            if (stopping) {
                throw new ServiceStoppingException();
            }
            if (!places.tryAcquire()) {
                throw new QueueFullException(limits.queueCapacity(), retryAfter());
            }
            Run run = new Run(experiment, checked, experiment.tags(checked), timeout, environment.getObject(),
                    limits.maxTimelineEvents());
            registry.add(run);
            store.save(run.view());
            // Every status change is written as it happens: a run the service was doing when it died is found at
            // start. The place is given back at the final status, before anyone waiting for the run hears of its end.
            run.addListener((changed, change) -> {
                if (change == RunListener.Change.STATUS) {
                    store.save(changed.view());
                    if (changed.isFinished()) {
                        places.release();
                    }
                }
            });
            run.whenFinished().thenAccept(finished -> {
                registry.finished(finished);
                metrics.finished(finished);
            });
            runners.execute(new RunJob(run));
            return run;
        }
    }

    /** A rough wait until a queue slot frees: the default run deadline spread over the runners. */
    private Duration retryAfter() {
        return Duration.ofSeconds(Math.clamp(limits.defaultTimeout().toSeconds() / 4, 1, 60));
    }

    /**
     * A run as the API shows it: live from memory while the service has it (running, or among the last
     * lab.limits.retained-runs), else as the store kept it (older, or from before a restart).
     */
    Optional<RunView> view(String id) {
        Optional<Run> live = registry.find(id);
        return live.isPresent() ? live.map(Run::view) : store.find(id);
    }

    /** Runs newest first, from the store when it works (each replaced by its live view if it is in memory). */
    List<RunView> views(String experiment, RunStatus status, int limit) {
        if (!store.available()) {
            return registry.list(experiment, status, limit).stream().map(Run::view).toList();
        }
        return store.list(experiment, status, limit).stream()
                .map(stored -> registry.find(stored.id()).map(Run::view).orElse(stored)).toList();
    }

    Optional<Run> find(String id) {
        return registry.find(id);
    }

    List<Run> list(String experiment, RunStatus status, int limit) {
        return registry.list(experiment, status, limit);
    }

    /**
     * Cancels a queued or running run and waits (a few seconds at most) until it has ended.
     *
     * @throws RunNotFoundException        when no run has this id
     * @throws RunAlreadyFinishedException when it had already finished
     */
    Run cancel(String id) {
        Run run = registry.find(id).orElseThrow(() -> new RunNotFoundException(id));
        if (!run.requestStop(StopReason.CANCEL) && run.isFinished()) {
            throw new RunAlreadyFinishedException(run.view());
        }
        // A run cancelled while queued must not keep its queue slot until a runner reaches it.
        runners.getQueue().removeIf(job -> job instanceof RunJob queued && queued.run == run);
        awaitEnd(run, CANCEL_WAIT);
        return run;
    }

    /** Waits up to {@code wait} for the run to end; returns whether it did. */
    static boolean awaitEnd(Run run, Duration wait) {
        try {
            run.whenFinished().get(wait.toMillis(), TimeUnit.MILLISECONDS);
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

    /** Executes one run on a runner thread. */
    private final class RunJob implements Runnable {

        private final Run run;

        RunJob(Run run) {
            this.run = run;
        }

        @Override
        public void run() {
            // The first run after a start waits, QUEUED, until the JIT has compiled what it computes with.
            warmUp.await();
            if (!run.start(Thread.currentThread())) {
                return; // cancelled while it waited in the queue
            }
            ScheduledFuture<?> deadline = deadlines.schedule(() -> run.requestStop(StopReason.DEADLINE),
                    run.timeout.toNanos(), TimeUnit.NANOSECONDS);
            ExperimentResult result = null;
            Throwable failure = null;
            try {
                // No run measures on a narrowed machine: a pinned run that could not give the cores back failed
                // saying so, and this gives them back now or fails this run too, naming the threads.
                ThreadAffinity.ensureWhole();
                result = execute(run.experiment, run.params, new ActiveRunContext(run, metrics.taskTimers(run)));
            } catch (Throwable t) {
                failure = t;
                if (!run.isStopRequested() && !java.time.Instant.now().isBefore(run.deadline())) {
                    // The experiment gave up at the deadline a moment before the deadline timer fired.
                    run.requestStop(StopReason.DEADLINE);
                }
                if (!run.isStopRequested()) {
                    log.warn("run {} of {} failed", run.id, run.experiment.kind(), t);
                }
            } finally {
                deadline.cancel(false);
                // A stop interrupts this thread; clear it so the next run starts clean.
                Thread.interrupted();
                run.finish(result, failure);
            }
        }
    }

    private static <P extends Record> ExperimentResult execute(Experiment<P> experiment, Record params,
            RunContext context) throws Exception {
        return experiment.run(experiment.paramsType().cast(params), context);
    }

    @Override
    public void start() {
        // The runner threads start with the first run; nothing to do.
    }

    @Override
    public boolean isRunning() {
        synchronized (admission) {
            return !stopping;
        }
    }

    /**
     * Never paused (Spring's test context cache pauses contexts it is not using): a stop is for good, it cancels every
     * run and shuts the runners down.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    /** Last to start, first to stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** Cancels every run and stops the service's own threads; waits a few seconds at most. Idempotent. */
    @Override
    public void stop() {
        synchronized (admission) {
            stopping = true;
        }
        warmUp.stop();
        registry.unfinished().forEach(run -> run.requestStop(StopReason.SHUTDOWN));
        runners.shutdownNow();
        deadlines.shutdownNow();
        try {
            if (!runners.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("a run did not stop within 5 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
