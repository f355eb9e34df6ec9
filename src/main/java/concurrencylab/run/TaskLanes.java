package concurrencylab.run;

import concurrencylab.experiment.TaskObserver;
import concurrencylab.experiment.Trial;
import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import concurrencylab.timeline.Mark;
import concurrencylab.timeline.Timeline;

/**
 * Puts every task a {@link Trial} runs on the run's timeline and in its task metrics: a lane per task (about 64
 * sampled evenly out of many) with its queue wait and its run, and the run on the lane of the platform thread that ran
 * it (virtual threads get no lane each: there may be ten thousand; their experiment samples counters instead).
 *
 * <p>{@link #phase} runs on the run's thread before the phase's tasks are submitted and publishes the phase's task
 * lanes through a volatile field; the task callbacks only read it and write their own task's lane (one writer each).
 */
final class TaskLanes implements TaskObserver {

    private final Timeline timeline;
    private final RunMetrics.TaskTimers timers;
    private int phases; // the run's thread only, counted per timeline section
    private String section = ""; // the run's thread only
    private volatile Lane[] taskLanes = new Lane[0];

    TaskLanes(Timeline timeline, RunMetrics.TaskTimers timers) {
        this.timeline = timeline;
        this.timers = timers;
    }

    @Override
    public void phase(int tasks) {
        String current = timeline.currentSection();
        if (!current.equals(section)) {
            section = current;
            phases = 0; // a section's lanes are numbered as if it were a run of its own
        }
        phases++;
        Lane[] lanes = new Lane[tasks];
        String prefix = phases == 1 ? "task " : "phase " + phases + " task ";
        for (int i = 0; i < tasks && timeline.isRecording(); i++) {
            if (Timeline.sampled(i, tasks)) {
                lanes[i] = timeline.lane("tasks", prefix + i);
            }
        }
        taskLanes = lanes;
    }

    @Override
    public void started(int index, long submittedNanos, long startedNanos) {
        Lane lane = taskLane(index);
        if (lane != null) {
            lane.interval(LaneState.QUEUED, submittedNanos, startedNanos, index);
        }
    }

    @Override
    public void ended(int index, Trial.Timing timing, boolean completed) {
        if (completed) {
            timers.record(timing.queuedNanos(), timing.executedNanos());
        }
        Lane lane = taskLane(index);
        if (lane != null) {
            lane.interval(LaneState.RUNNING, timing.started(), timing.ended(), index);
            lane.instant(completed ? Mark.TASK_DONE : Mark.CANCEL, timing.ended(), index);
        }
        if (!Thread.currentThread().isVirtual()) {
            timeline.laneOfCurrentThread("threads").interval(LaneState.RUNNING, timing.started(), timing.ended(), index);
        }
    }

    @Override
    public Lane taskLane(int index) {
        Lane[] lanes = taskLanes;
        return index < lanes.length ? lanes[index] : null;
    }
}
