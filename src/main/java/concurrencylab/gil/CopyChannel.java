package concurrencylab.gil;

import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import concurrencylab.timeline.Mark;
import concurrencylab.timeline.Timeline;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * How tasks and results cross between interpreters: as bytes, copied, never as shared objects (CPython's
 * cross-interpreter data, {@code concurrent.interpreters} queues and {@code InterpreterPoolExecutor}'s pickled calls).
 * Every pass makes a real copy, counted in bytes and time, and drawn on the copying thread's lane of its interpreter.
 *
 * <p>Thread-safe: any thread passes; the totals are adders.
 */
final class CopyChannel {

    private final Timeline timeline;
    private final LongAdder bytes = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder copies = new LongAdder();

    CopyChannel(Timeline timeline) {
        this.timeline = timeline;
    }

    /** A copy of {@code header} followed by {@code payload}, made by the calling thread for interpreter {@code into}. */
    byte[] pass(byte[] header, byte[] payload, String lanes) {
        long start = System.nanoTime();
        byte[] copy = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, copy, header.length, payload.length);
        counted(copy.length, start, lanes);
        return copy;
    }

    /** A copy of {@code message}. */
    byte[] pass(byte[] message, String lanes) {
        long start = System.nanoTime();
        byte[] copy = message.clone();
        counted(copy.length, start, lanes);
        return copy;
    }

    private void counted(int length, long start, String lanes) {
        long end = System.nanoTime();
        bytes.add(length);
        nanos.add(end - start);
        copies.increment();
        Lane lane = timeline.laneOfCurrentThread(lanes);
        lane.interval(LaneState.COPYING, start, end);
        lane.instant(Mark.COPY, end); // a copy takes microseconds: too thin to see as an interval in a picture
    }

    long bytes() {
        return bytes.sum();
    }

    long nanos() {
        return nanos.sum();
    }

    long copies() {
        return copies.sum();
    }
}
