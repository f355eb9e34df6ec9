package concurrencylab.eventloop;

import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import concurrencylab.timeline.Mark;
import concurrencylab.timeline.StepRecord;
import concurrencylab.timeline.Timeline;

/**
 * Draws an {@link EventLoop} on a run's timeline: every pass as its wait in select and its run of callbacks, slow
 * callbacks marked. Passes every event on to {@code next} (the metrics). Called on the loop thread only, which is
 * the one writer of the "loop" lane.
 */
public final class LoopLanes implements LoopObserver {

    private final LoopObserver next;
    private final Lane lane;

    private LoopLanes(Timeline timeline, LoopObserver next) {
        this.next = next;
        this.lane = timeline.lane(StepRecord.LOOP, "event loop");
    }

    /** {@code next}, and the timeline when it records. */
    public static LoopObserver of(Timeline timeline, LoopObserver next) {
        return timeline.isRecording() ? new LoopLanes(timeline, next) : next;
    }

    @Override
    public void iteration(int callbacks, long lagNanos) {
        next.iteration(callbacks, lagNanos);
    }

    @Override
    public void pass(long selectStart, long selectEnd, long callbacksStart, long passEnd, int callbacks) {
        next.pass(selectStart, selectEnd, callbacksStart, passEnd, callbacks);
        lane.interval(LaneState.SELECTING, selectStart, selectEnd);
        if (callbacks > 0) {
            lane.interval(LaneState.CALLBACKS, callbacksStart, passEnd, callbacks);
        }
    }

    @Override
    public void slowCallback(String name, long nanos) {
        next.slowCallback(name, nanos);
        lane.instant(Mark.SLOW_CALLBACK, System.nanoTime());
    }
}
