package concurrencylab.eventloop;

import concurrencylab.experiment.RunContext;
import concurrencylab.sockets.EchoFrames;
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

    static Void echo(InetSocketAddress address, byte[] payload, int requests, Tally tally,
            RunContext context) throws Exception {
        tally.threads.add(Thread.currentThread());
        try (AsyncSocket socket = AsyncSocket.connect(address)) {
            ByteBuffer request = EchoFrames.encode(payload);
            ByteBuffer answer = ByteBuffer.allocate(request.capacity());
            for (int r = 0; r < requests; r++) {
                request.rewind();
                answer.clear();
                long start = System.nanoTime();
                tally.started();
                socket.sendAll(request);
                socket.recvExactly(answer);
                tally.request(System.nanoTime() - start);
                tally.sent += request.capacity();
                tally.received += answer.capacity();
                context.advance();
            }
        }
        return null;
    }

    static Void sleeper(Duration delay, int sleeps, Tally tally, RunContext context) throws Exception {
        tally.threads.add(Thread.currentThread());
        for (int r = 0; r < sleeps; r++) {
            long start = System.nanoTime();
            tally.started();
            Async.sleep(delay);
            tally.request(System.nanoTime() - start);
            context.advance();
        }
        return null;
    }
}
