package concurrencylab.eventloop;

import concurrencylab.experiment.RunContext;
import concurrencylab.sockets.EchoFrames;
import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** The event-loop experiment's client coroutines, and what they record. */
final class LoopClients {

    private LoopClients() {
    }

    /** What the client coroutines record; touched on the loop thread only. */
    static final class Tally {
        final Set<Thread> threads = new HashSet<>();
        final long[] latencies;
        int count;
        int inFlight;
        int peakInFlight;
        long sent;
        long received;

        Tally(int requests) {
            latencies = new long[requests];
        }

        void started() {
            peakInFlight = Math.max(peakInFlight, ++inFlight);
        }

        void request(long nanos) {
            inFlight--;
            latencies[count++] = nanos;
        }
    }

    /**
     * One client: connects, then sends its requests one after another and awaits each answer. Its {@code lane}
     * (null when not sampled) shows it suspended for the connect and each answer; written on the loop thread.
     */
    static Void echo(InetSocketAddress address, byte[] payload, int requests, Tally tally,
            RunContext context, Lane lane) throws Exception {
        tally.threads.add(Thread.currentThread());
        long connecting = System.nanoTime();
        try (AsyncSocket socket = AsyncSocket.connect(address)) {
            if (lane != null) {
                lane.interval(LaneState.SUSPENDED, connecting, System.nanoTime(), -1);
            }
            ByteBuffer request = EchoFrames.encode(payload);
            ByteBuffer answer = ByteBuffer.allocate(request.capacity());
            for (int r = 0; r < requests; r++) {
                request.rewind();
                answer.clear();
                long start = System.nanoTime();
                tally.started();
                socket.sendAll(request);
                socket.recvExactly(answer);
                long end = System.nanoTime();
                tally.request(end - start);
                if (lane != null) {
                    lane.interval(LaneState.SUSPENDED, start, end, r);
                }
                tally.sent += request.capacity();
                tally.received += answer.capacity();
                context.advance();
            }
        }
        return null;
    }

    /** One sleeper: awaits {@code sleeps} timers one after another; its {@code lane} as in {@link #echo}. */
    static Void sleeper(Duration delay, int sleeps, Tally tally, RunContext context, Lane lane) throws Exception {
        tally.threads.add(Thread.currentThread());
        for (int r = 0; r < sleeps; r++) {
            long start = System.nanoTime();
            tally.started();
            Async.sleep(delay);
            long end = System.nanoTime();
            tally.request(end - start);
            if (lane != null) {
                lane.interval(LaneState.SUSPENDED, start, end, r);
            }
            context.advance();
        }
        return null;
    }
}
