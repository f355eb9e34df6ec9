package concurrencylab.run;

import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.TaskObserver;
import concurrencylab.timeline.Timeline;
import java.time.Instant;
import java.util.concurrent.ThreadFactory;

/** The {@link RunContext} of one running run: a thin view of the {@link Run} for its experiment. */
final class ActiveRunContext implements RunContext {

    private final Run run;
    private final TaskObserver observer;

    ActiveRunContext(Run run, RunMetrics.TaskTimers timers) {
        this.run = run;
        this.observer = new TaskLanes(run.timeline(), timers);
    }

    @Override
    public String runId() {
        return run.id;
    }

    @Override
    public void setTotal(long total) {
        run.setTotal(total);
    }

    @Override
    public void advance() {
        run.advance();
    }

    @Override
    public boolean isStopRequested() {
        return run.isStopRequested();
    }

    @Override
    public Instant deadline() {
        return run.deadline();
    }

    @Override
    public String timelineLink(String part) {
        return RunLinks.timelineOf(run.id, part);
    }

    @Override
    public void onStop(Runnable action) {
        run.onStop(action);
    }

    @Override
    public ThreadFactory platformThreads(String role) {
        return Thread.ofPlatform().name(prefix(role), 1).daemon().factory();
    }

    @Override
    public ThreadFactory virtualThreads(String role) {
        return Thread.ofVirtual().name(prefix(role), 1).factory();
    }

    /** The name every thread of this run starts with. */
    private String prefix(String role) {
        return run.threadPrefix() + role + "-";
    }

    @Override
    public TaskObserver tasks() {
        return observer;
    }

    @Override
    public Timeline timeline() {
        return run.timeline();
    }
}
