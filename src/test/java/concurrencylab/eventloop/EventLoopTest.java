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
    void closingAChannelFromAnotherThreadIsRefusedAsEveryOtherMutatorIs() throws Exception {
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            channel.configureBlocking(false);
            loop.watch(channel, java.nio.channels.SelectionKey.OP_ACCEPT, () -> { }, true);
            Throwable[] thrown = new Throwable[1];
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    loop.closeChannel(channel);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            other.join();

            assertThat(thrown[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("execute()");
            assertThat(channel.isOpen()).as("left open: only the loop thread closes what it watches").isTrue();
            loop.closeChannel(channel);
            assertThat(channel.isOpen()).isFalse();
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

    @Test
    void aTaskCancelledBeforeItsFirstStepNeverRunsItsBody() throws Exception {
        List<String> ran = new ArrayList<>();
        Task<Void> task = loop.createTask(() -> {
            ran.add("body");
            return null;
        });

        assertThat(task.cancel()).isTrue();
        runUntil(task::isDone);
        assertThat(task.isCancelled()).isTrue();
        assertThat(ran).isEmpty();
        assertThat(loop.pendingTasks()).isZero();
    }

    @Test
    void cancellingAGatherCancelsEveryChildStillPending() throws Exception {
        List<Task<Void>> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(loop.createTask(() -> {
                Async.sleep(Duration.ofSeconds(30));
                return null;
            }));
        }
        Task<java.util.List<Void>> parent = loop.createTask(() -> Async.await(Async.gather(loop, children)));
        runUntil(() -> loop.scheduledTimers() == 3); // every child sleeps, the parent waits on the gather

        parent.cancel();
        runUntil(() -> children.stream().allMatch(LoopFuture::isDone));
        assertThat(children).allMatch(LoopFuture::isCancelled);
        runUntil(parent::isDone);
        assertThat(parent.isCancelled()).isTrue();
    }

    @Test
    void cancellingATaskInterruptsTheExecutorWorkItAwaits() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch working = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<String> workEnded = new java.util.concurrent.CompletableFuture<>();
        try {
            Task<Void> task = loop.createTask(() -> {
                Async.await(loop.runInExecutor(pool, () -> {
                    working.countDown();
                    try {
                        Thread.sleep(Duration.ofSeconds(30));
                        workEnded.complete("finished");
                    } catch (InterruptedException e) {
                        workEnded.complete("interrupted");
                    }
                    return null;
                }));
                return null;
            });
            loop.runOnce(); // the task's first step hands the work over and parks on its future
            assertThat(working.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            task.cancel();
            runUntil(task::isDone);
            assertThat(task.isCancelled()).isTrue();
            assertThat(workEnded.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingTheLoopCancelsPendingTasksAndRunsTheirFinallyBlocks() throws Exception {
        List<String> cleanedUp = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            loop.createTask(() -> {
                try {
                    Async.sleep(Duration.ofSeconds(30));
                } finally {
                    cleanedUp.add("task " + n);
                }
                return null;
            });
        }
        runUntil(() -> loop.scheduledTimers() == 3);

        loop.close();
        assertThat(cleanedUp).containsExactly("task 0", "task 1", "task 2");
        assertThat(loop.pendingTasks()).isZero();
    }

    @Test
    void cancelledTimersArePurgedOnceTheyAreMoreThanHalfTheHeap() throws Exception {
        List<TimerHandle> timers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            timers.add(loop.callLater(Duration.ofMinutes(10), () -> { }));
        }
        // From the far end: cancelled timers at the head of the heap go anyway, lazily.
        timers.subList(600, 1000).forEach(TimerHandle::cancel);
        loop.callSoon(() -> { });
        loop.runOnce();
        assertThat(loop.scheduledTimers()).as("400 of 1000 cancelled: not yet half").isEqualTo(1000);

        timers.subList(400, 600).forEach(TimerHandle::cancel);
        loop.callSoon(() -> { });
        loop.runOnce();
        assertThat(loop.scheduledTimers()).as("600 of 1000 cancelled: purged").isEqualTo(400);
    }

    @Test
    void anErrorIsNotSwallowedButAnExceptionGoesToTheHandler() throws Exception {
        List<Throwable> handled = new ArrayList<>();
        loop.setExceptionHandler(handled::add);
        loop.callSoon(() -> {
            throw new IllegalStateException("an exception");
        });
        loop.callSoon(() -> {
            throw new AssertionError("an error");
        });

        assertThatThrownBy(loop::runOnce).isInstanceOf(AssertionError.class).hasMessage("an error");
        assertThat(handled).singleElement().extracting(Throwable::getMessage).isEqualTo("an exception");
    }

    @Test
    void anErrorInACoroutineFailsItsTaskAndStillReachesWhoeverRunsTheLoop() throws Exception {
        Task<Void> task = loop.createTask(() -> {
            Async.sleep(Duration.ofMillis(1));
            throw new StackOverflowError("deep");
        });

        assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(StackOverflowError.class);
        assertThat(task.isDone()).isTrue();
        assertThatThrownBy(task::result).hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void aLoopLockIsLetGoAroundEverySelectAndCheckedBetweenCallbacks() throws Exception {
        List<String> calls = new ArrayList<>();
        loop.setLock(new LoopLock() {
            @Override
            public void beforeSelect() {
                calls.add("release");
            }

            @Override
            public void afterSelect() {
                calls.add("acquire");
            }

            @Override
            public void betweenCallbacks() {
                calls.add("tick");
            }
        });
        loop.callSoon(() -> calls.add("a"));
        loop.callSoon(() -> calls.add("b"));

        loop.runOnce();
        assertThat(calls).containsExactly("release", "acquire", "a", "tick", "b", "tick");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
