package concurrencylab.gil;

import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import concurrencylab.timeline.Mark;
import concurrencylab.timeline.Timeline;

/**
 * Draws a {@link GlobalInterpreterLock} on a run's timeline, as D. Beazley drew the GIL: each thread's lane shows when
 * it held the lock, waited for it, and ran I/O with it released, and marks every hand-over with its reason and every
 * drop request. Passes every event on to {@code next} (the metrics). Each event lands on the lane of the thread it is
 * about, which is the calling thread: one writer per lane. Times are taken when the lock reports, a few hundred
 * nanoseconds after the fact.
 */
public final class GilLanes implements GilObserver {

    private final Timeline timeline;
    private final GilObserver next;
    private final String group;

    private GilLanes(Timeline timeline, GilObserver next, String group) {
        this.timeline = timeline;
        this.next = next;
        this.group = group;
    }

    /** {@code next}, and the timeline when it records; threads' lanes in the group "threads". */
    public static GilObserver of(Timeline timeline, GilObserver next) {
        return of(timeline, next, "threads");
    }

    /** {@code next}, and the timeline when it records, threads' lanes in {@code group} (e.g. "interpreter 1"). */
    public static GilObserver of(Timeline timeline, GilObserver next, String group) {
        return timeline.isRecording() ? new GilLanes(timeline, next, group) : next;
    }

    private Lane lane() {
        return timeline.laneOfCurrentThread(group);
    }

    @Override
    public void acquired(long waitNanos) {
        next.acquired(waitNanos);
        if (waitNanos > 0) {
            long now = System.nanoTime();
            lane().interval(LaneState.GIL_WAIT, now - waitNanos, now);
        }
    }

    @Override
    public void switched(SwitchReason reason, long handoffNanos) {
        next.switched(reason, handoffNanos);
        Mark mark = switch (reason) {
            case FORCED -> Mark.FORCED_SWITCH;
            case IO -> Mark.IO_SWITCH;
            case EXIT -> Mark.EXIT_SWITCH;
        };
        lane().instant(mark, System.nanoTime());
    }

    @Override
    public void released(SwitchReason reason, long heldNanos) {
        next.released(reason, heldNanos);
        long now = System.nanoTime();
        lane().interval(LaneState.GIL_HELD, now - heldNanos, now);
    }

    @Override
    public void handedOver(long nanos) {
        next.handedOver(nanos);
        long now = System.nanoTime();
        lane().interval(LaneState.GIL_WAIT, now - nanos, now);
    }

    @Override
    public void dropRequested() {
        next.dropRequested();
        lane().instant(Mark.DROP_REQUEST, System.nanoTime());
    }

    @Override
    public void blocked(long nanos) {
        next.blocked(nanos);
        long now = System.nanoTime();
        lane().interval(LaneState.IO, now - nanos, now);
    }
}
