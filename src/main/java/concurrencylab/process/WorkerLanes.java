package concurrencylab.process;

import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import concurrencylab.timeline.Mark;
import concurrencylab.timeline.Timeline;
import java.util.List;

/**
 * The worker processes of a run on its timeline: a lane per worker with its spawn (start to READY) and each task it
 * reported, one after another from its STARTED. Written only by the run's thread, which hears the workers' reports.
 */
public final class WorkerLanes {

    private final Lane[] lanes;
    private final long[] taskStart;
    private final int[] tasksDone;

    public WorkerLanes(List<WorkerGroup.Worker> workers, Timeline timeline) {
        lanes = new Lane[workers.size()];
        taskStart = new long[workers.size()];
        tasksDone = new int[workers.size()];
        for (int i = 0; i < lanes.length; i++) {
            WorkerGroup.Worker worker = workers.get(i);
            lanes[i] = timeline.lane("workers", worker.name());
            lanes[i].interval(LaneState.SPAWNING, worker.spawnedAt(), worker.spawnedAt() + worker.spawnNanos());
        }
    }

    /** Worker {@code i} (from 0) said STARTED: its first task runs from now. */
    public void started(int i) {
        taskStart[i] = System.nanoTime();
    }

    /** Worker {@code i} reported a task done: it ran from the previous one's end until now. */
    public void taskDone(int i) {
        long now = System.nanoTime();
        int task = tasksDone[i]++;
        lanes[i].interval(LaneState.RUNNING, taskStart[i], now, task);
        lanes[i].instant(Mark.TASK_DONE, now, task);
        taskStart[i] = now;
    }
}
