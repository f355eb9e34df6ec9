package concurrencylab.run;

import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.RunTags;
import concurrencylab.timeline.Mark;
import concurrencylab.timeline.Timeline;
import concurrencylab.timeline.TimelineSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one experiment, from submission to its final status.
 *
 * <pre>
 * States ({@link RunStatus}):
 *   QUEUED     accepted, waiting for a runner thread
 *   RUNNING    a runner thread is executing the experiment
 *   SUCCEEDED, FAILED, CANCELLED, TIMED_OUT   final; never left
 * Transitions:
 *   QUEUED  -> RUNNING               start(runner): the runner thread picked it up
 *   QUEUED  -> CANCELLED             requestStop(CANCEL | SHUTDOWN) before it started
 *   RUNNING -> SUCCEEDED | FAILED    finish(): the experiment returned or threw, and no stop was requested
 *   RUNNING -> CANCELLED | TIMED_OUT finish() after requestStop(CANCEL | SHUTDOWN | DEADLINE)
 * </pre>
 * A stop request on a RUNNING run records its reason, interrupts the runner and runs the stop actions the
 * experiment registered; the final status is set only when the experiment has returned, so a run whose status
 * is final has no thread, socket or process left working for it.
 *
 * <p>Ownership: the fields under "guarded by this" change only under this object's monitor; {@code done} and
 * {@code total} are progress counters written by the run's task threads without the lock; listeners are
 * a copy-on-write list; everything else is final. The {@code timeline} is made at start (QUEUED -> RUNNING) and ended
 * with the final status; the run's threads write it without this lock (it has its own rules), and it is kept and
 * forgotten with the run.
 */
final class Run {

    private static final Logger log = LoggerFactory.getLogger(Run.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(100).toNanos();

    final String id = UUID.randomUUID().toString();
    final long sequence = SEQUENCE.incrementAndGet();
    final Experiment<?> experiment;
    final Record params;
    final RunTags tags;
    final Instant submittedAt = Instant.now();
    final Duration timeout;
    final LabEnvironment environment;
    private final int maxTimelineEvents;
    private final CompletableFuture<Run> finished = new CompletableFuture<>();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private final AtomicLong lastProgressEvent = new AtomicLong(System.nanoTime());

    // guarded by this
    private RunStatus status = RunStatus.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant deadline;
    private Thread runner;
    private Timeline timeline;
    private StopReason stopReason;
    private final List<Runnable> stopActions = new ArrayList<>();
    private ExperimentResult result;
    private String error;

    Run(Experiment<?> experiment, Record params, RunTags tags, Duration timeout, LabEnvironment environment,
            int maxTimelineEvents) {
        this.experiment = experiment;
        this.params = params;
        this.tags = tags;
        this.timeout = timeout;
        this.environment = environment;
        this.maxTimelineEvents = maxTimelineEvents;
    }

    /** QUEUED -> RUNNING on the runner thread; false if the run was cancelled while it waited. */
    boolean start(Thread runnerThread) {
        synchronized (this) {
            if (status != RunStatus.QUEUED) {
                return false;
            }
            status = RunStatus.RUNNING;
            startedAt = Instant.now();
            deadline = startedAt.plus(timeout);
            runner = runnerThread;
            timeline = maxTimelineEvents > 0 ? Timeline.start(maxTimelineEvents, threadPrefix()) : Timeline.off();
        }
        notifyListeners(RunListener.Change.STATUS);
        return true;
    }

    /**
     * Asks the run to stop. A queued run ends CANCELLED at once; a running one is interrupted, its stop actions
     * run here, and it ends when its experiment returns.
     *
     * @return false if the run had already finished or a stop was already requested
     */
    boolean requestStop(StopReason reason) {
        List<Runnable> actions;
        boolean endedHere = false;
        synchronized (this) {
            if (status.isFinished() || stopReason != null) {
                return false;
            }
            stopReason = reason;
            if (status == RunStatus.QUEUED) {
                endLocked(reason.status, null, reason.message);
                endedHere = true;
                actions = List.of();
            } else {
                timeline.lane("run", reason.message).instant(Mark.CANCEL, System.nanoTime());
                runner.interrupt();
                actions = List.copyOf(stopActions);
            }
        }
        // Only the stop that ended a queued run announces its end; a running one is announced by finish(), once.
        if (endedHere) {
            notifyListeners(RunListener.Change.STATUS);
            finished.complete(this);
        }
        actions.forEach(Run::runQuietly);
        return true;
    }

    /** Registers an action for a stop request; runs it at once if a stop was already requested. */
    void onStop(Runnable action) {
        synchronized (this) {
            if (stopReason == null) {
                stopActions.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    boolean isStopRequested() {
        synchronized (this) {
            return stopReason != null;
        }
    }

    /** RUNNING -> a final status, on the runner thread, once the experiment returned or threw. */
    void finish(ExperimentResult experimentResult, Throwable failure) {
        synchronized (this) {
            if (status != RunStatus.RUNNING) {
                throw new IllegalStateException("finish() on a " + status + " run");
            }
            if (stopReason != null) {
                String message = stopReason == StopReason.DEADLINE
                        ? stopReason.message + " (" + timeout + ")" : stopReason.message;
                endLocked(stopReason.status, null, message);
            } else if (failure != null) {
                endLocked(RunStatus.FAILED, null, describe(failure));
            } else {
                endLocked(RunStatus.SUCCEEDED, experimentResult, null);
            }
            runner = null;
        }
        notifyListeners(RunListener.Change.STATUS);
        finished.complete(this);
    }

    private void endLocked(RunStatus finalStatus, ExperimentResult experimentResult, String message) {
        if (timeline != null) {
            timeline.end();
        }
        status = finalStatus;
        finishedAt = Instant.now();
        result = experimentResult;
        error = message;
        stopActions.clear();
    }

    void setTotal(long steps) {
        total = steps;
        notifyListeners(RunListener.Change.PROGRESS);
    }

    /** One step done; tells listeners at most every 100 ms, and always on the last step. */
    void advance() {
        long now = System.nanoTime();
        long last = lastProgressEvent.get();
        boolean lastStep = done.incrementAndGet() >= total;
        if ((lastStep || now - last >= PROGRESS_EVERY_NANOS) && lastProgressEvent.compareAndSet(last, now)) {
            notifyListeners(RunListener.Change.PROGRESS);
        }
    }

    Progress progress() {
        return new Progress(done.get(), total);
    }

    synchronized RunStatus status() {
        return status;
    }

    boolean isFinished() {
        return status().isFinished();
    }

    synchronized Instant deadline() {
        return deadline != null ? deadline : Instant.now().plus(timeout);
    }

    /** Completes when the run reaches a final status. */
    CompletableFuture<Run> whenFinished() {
        return finished;
    }

    synchronized RunView view() {
        return new RunView(id, experiment.kind(), params, status, submittedAt, startedAt, finishedAt, deadline,
                progress(), environment, error, result, RunLinks.of(id, experiment.kind()));
    }

    /** What the name of every thread this run starts begins with, so that a leak is easy to spot. */
    String threadPrefix() {
        return "lab-run-" + id.substring(0, 8) + "-";
    }

    /** Where the experiment records its lanes; off until the run starts. */
    synchronized Timeline timeline() {
        return timeline != null ? timeline : Timeline.off();
    }

    /** What the run recorded: empty while queued, so far while running, all of it once it ended. */
    TimelineSnapshot timelineSnapshot() {
        Timeline recorded;
        synchronized (this) {
            recorded = timeline;
        }
        return recorded == null ? TimelineSnapshot.EMPTY : recorded.snapshot();
    }

    synchronized ExperimentResult result() {
        return result;
    }

    synchronized Duration elapsed() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now());
    }

    void addListener(RunListener listener) {
        listeners.add(listener);
    }

    void removeListener(RunListener listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(RunListener.Change change) {
        for (RunListener listener : listeners) {
            try {
                listener.changed(this, change);
            } catch (RuntimeException e) {
                log.warn("run listener failed", e);
            }
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof java.util.concurrent.ExecutionException
                || root instanceof java.util.concurrent.CompletionException)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("a run's stop action failed", e);
        }
    }
}
