package concurrencylab.compare;

import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.TaskObserver;
import concurrencylab.timeline.Timeline;
import java.time.Instant;
import java.util.concurrent.ThreadFactory;

/**
 * The run's context as one cell sees it: everything passes through, except progress, which counts cells (the
 * experiment advances it once per cell), not the tasks inside them. Stateless.
 */
final class CellContext implements RunContext {

    private final RunContext run;

    CellContext(RunContext run) {
        this.run = run;
    }

    @Override
    public String runId() {
        return run.runId();
    }

    @Override
    public void setTotal(long total) {
        // progress counts cells
    }

    @Override
    public void advance() {
        // progress counts cells
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
    public void onStop(Runnable action) {
        run.onStop(action);
    }

    @Override
    public ThreadFactory platformThreads(String role) {
        return run.platformThreads(role);
    }

    @Override
    public ThreadFactory virtualThreads(String role) {
        return run.virtualThreads(role);
    }

    @Override
    public TaskObserver tasks() {
        return run.tasks();
    }

    @Override
    public String timelineLink(String part) {
        return run.timelineLink(part);
    }

    @Override
    public Timeline timeline() {
        return run.timeline();
    }
}
