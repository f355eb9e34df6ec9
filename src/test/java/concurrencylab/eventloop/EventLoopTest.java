package concurrencylab.eventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop and its coroutines on the test's own thread, with real sockets on loopback. */
@org.junit.jupiter.api.Timeout(30) // interrupts the test thread, which wakes a select that would wait for ever
class EventLoopTest {

    private final EventLoop loop = new EventLoop(Duration.ofMillis(50), LoopObserver.NONE);

    @AfterEach
    void close() {
        loop.close();
    }

    private void runUntil(java.util.function.BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("loop made no progress in 10 s").isLessThan(deadline);
            loop.runOnce();
        }
    }

    @Test
    void readyCallbacksRunInTheOrderTheyWereScheduledAndLaterOnesWaitAPass() throws Exception {
        List<String> order = new ArrayList<>();
        loop.callSoon(() -> {
            order.add("a");
            loop.callSoon(() -> order.add("c (scheduled by a)"));
        });
        loop.callSoon(() -> order.add("b"));

        loop.runOnce();
        assertThat(order).containsExactly("a", "b");
        loop.runOnce();
        assertThat(order).containsExactly("a", "b", "c (scheduled by a)");
    }

    @Test
    void timersRunInTimeOrderAndCancelledOnesNever() throws Exception {
        List<Integer> fired = new ArrayList<>();
        long start = System.nanoTime(); // before scheduling: a 30 ms timer fires 30 ms after this at the earliest
        loop.callLater(Duration.ofMillis(30), () -> fired.add(30));
        loop.callLater(Duration.ofMillis(10), () -> fired.add(10));
        TimerHandle cancelled = loop.callLater(Duration.ofMillis(20), () -> fired.add(20));
        loop.callLater(Duration.ofMillis(10), () -> fired.add(11)); // same time: scheduling order
        cancelled.cancel();

        runUntil(() -> fired.size() == 3);
        assertThat(fired).containsExactly(10, 11, 30);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        loop.callLater(Duration.ofMillis(5), () -> fired.add(99));
        runUntil(() -> fired.size() == 4);
        assertThat(fired).doesNotContain(20);
    }

    @Test
    void otherThreadsHandWorkInThroughExecuteAndWakeTheSelector() throws Exception {
        List<String> ranOn = new CopyOnWriteArrayList<>();
        Thread other = Thread.ofPlatform().start(() -> {
            sleep(100);
            loop.execute(() -> ranOn.add(Thread.currentThread().getName()));
        });
        long start = System.nanoTime();
        runUntil(() -> !ranOn.isEmpty()); // the loop blocks in select with nothing to do until woken
        other.join();
        assertThat(ranOn).containsExactly(Thread.currentThread().getName());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        Thread intruder = Thread.ofPlatform().unstarted(() -> loop.callSoon(() -> { }));
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        intruder.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        intruder.start();
        intruder.join();
        assertThat(failures).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingCallbackGoesToTheHandlerAndTheLoopGoesOn() throws Exception {
        List<Throwable> handled = new ArrayList<>();
        List<String> after = new ArrayList<>();
        loop.setExceptionHandler(handled::add);
        loop.callSoon(() -> {
            throw new IllegalStateException("boom");
        });
        loop.callSoon(() -> after.add("still running"));

        loop.runOnce();
        assertThat(handled).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
        assertThat(after).containsExactly("still running");
    }

    @Test
    void aSlowCallbackIsCounted() throws Exception {
        loop.callSoon(() -> sleep(80));
        loop.runOnce();
        assertThat(loop.slowCallbacks()).isEqualTo(1);
    }

    @Test
    void tenThousandCoroutinesSleepAtOnceOnOneThread() throws Exception {
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            tasks.add(loop.createTask(() -> {
                Async.sleep(Duration.ofMillis(200));
                return n;
            }));
        }
        long start = System.nanoTime();
        List<Integer> results = loop.runUntilComplete(Async.gather(loop, tasks));
        assertThat(results).hasSize(10_000).startsWith(0, 1, 2).endsWith(9_999);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200 * 5));
    }

    @Test
    void runInExecutorBringsABlockingResultBackToTheLoop() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        try {
            Task<String> task = loop.createTask(() -> Async.await(loop.runInExecutor(pool,
                    () -> Thread.currentThread().getName())) + " then " + Thread.currentThread().getName());
            assertThat(loop.runUntilComplete(task)).endsWith(" then " + Thread.currentThread().getName())
                    .doesNotStartWith(Thread.currentThread().getName());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLargeMessageCrossesInPartialReadsAndWritesThroughTheEchoServer() throws Exception {
        EchoServer server = new EchoServer(loop, 0);
        byte[] message = new byte[4 * 1024 * 1024]; // far more than a socket buffer: partial writes and reads
        new java.util.Random(7).nextBytes(message);
        Task<byte[]> client = loop.createTask(() -> {
            try (AsyncSocket socket = AsyncSocket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.port()))) {
                ByteBuffer answer = ByteBuffer.allocate(message.length);
                Task<Void> writer = loop.createTask(() -> {
                    socket.sendAll(ByteBuffer.wrap(message));
                    return null;
                });
                socket.recvExactly(answer);
                Async.await(writer);
                return answer.array();
            }
        });
        assertThat(loop.runUntilComplete(client)).isEqualTo(message);
    }

    @Test
    void aPeerThatClosesEndsARecvWithEofException() throws Exception {
        ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0));
        listener.configureBlocking(false);
        loop.createTask(() -> {
            AsyncSocket accepted = AsyncSocket.accept(listener);
            accepted.sendAll(ByteBuffer.wrap(new byte[] {1, 2}));
            accepted.close();
            return null;
        });
        Task<Void> client = loop.createTask(() -> {
            try (AsyncSocket socket = AsyncSocket.connect((InetSocketAddress) listener.getLocalAddress())) {
                socket.recvExactly(ByteBuffer.allocate(10));
            }
            return null;
        });
        assertThatThrownBy(() -> loop.runUntilComplete(client)).isInstanceOf(EOFException.class)
                .hasMessageContaining("after 2 of 10 bytes");
    }

    @Test
    void cancellingATaskParkedOnASocketEndsItCancelledAndItsSocketClosed() throws Exception {
        ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0));
        listener.configureBlocking(false);
        AsyncSocket[] opened = new AsyncSocket[1];
        Task<Void> client = loop.createTask(() -> {
            try (AsyncSocket socket = AsyncSocket.connect((InetSocketAddress) listener.getLocalAddress())) {
                opened[0] = socket;
                socket.recvExactly(ByteBuffer.allocate(10)); // nobody ever answers
            }
            return null;
        });
        runUntil(() -> opened[0] != null); // the same step went on into recvExactly and parked there

        assertThat(client.cancel()).isTrue();
        runUntil(client::isDone);
        assertThat(client.isCancelled()).isTrue();
        assertThatThrownBy(client::result).isInstanceOf(CancellationException.class);
        assertThat(opened[0].channel().isOpen()).isFalse();
    }

    @Test
    void closingTheLoopClosesEveryChannelAndTheSelector() throws Exception {
        EchoServer server = new EchoServer(loop, 0);
        Task<AsyncSocket> client = loop.createTask(() -> AsyncSocket.connect(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), server.port())));
        AsyncSocket socket = loop.runUntilComplete(client);
        runUntil(() -> loop.registeredChannels() >= 2);

        loop.close();
        assertThat(socket.channel().isOpen()).isFalse();
        assertThat(loop.isClosed()).isTrue();
        assertThat(loop.registeredChannels()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
