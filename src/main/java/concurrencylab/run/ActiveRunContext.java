package concurrencylab.run;

import concurrencylab.experiment.RunContext;
import java.time.Instant;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link RunContext} of one running run: a thin view of the {@link Run} for its experiment. */
final class ActiveRunContext implements RunContext {

    private final Run run;
    private final RunMetrics.TaskTimers timers;

    ActiveRunContext(Run run, RunMetrics.TaskTimers timers) {
        this.run = run;
        this.timers = timers;
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
    public void onStop(Runnable action) {
        run.onStop(action);
    }

    @Override
    public ThreadFactory platformThreads(String role) {
        String prefix = "lab-run-" + run.id.substring(0, 8) + "-" + role + "-";
        AtomicInteger number = new AtomicInteger();
        return task -> Thread.ofPlatform().name(prefix + number.incrementAndGet()).daemon().unstarted(task);
    }

    @Override
    public void recordTask(long queuedNanos, long executedNanos) {
        timers.record(queuedNanos, executedNanos);
    }
}
