package concurrencylab.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.timeline.StepRecord;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A small loop (two clients of an echo server, a sleeping task, an executor call) recorded pass by pass, and the
 * record checked against what must have happened: the order the tasks first ran in, what each parked on, which
 * socket's readiness woke which task, which timer woke the sleeper, and that every pass is there.
 */
class LoopRecordingTest {

    @Test
    void theRecordedPassesSayWhatTheLoopDidStepByStep() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                EventLoop loop = new EventLoop(EventLoop.DEFAULT_SLOW_CALLBACK, LoopRecording.keeping(10_000,
                        LoopObserver.NONE))) {
            Thread echo = Thread.ofPlatform().daemon().start(() -> echoTwice(server));
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            LoopRecording recording = (LoopRecording) loop.observer();
            List<LoopFuture<?>> all = new ArrayList<>();
            for (String name : List.of("client 1", "client 2")) {
                all.add(loop.createTask(name, () -> {
                    try (AsyncSocket socket = AsyncSocket.connect(address)) {
                        socket.sendAll(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
                        socket.recvExactly(ByteBuffer.allocate(4));
                    }
                    return null;
                }));
            }
            all.add(loop.createTask("sleeper", () -> {
                Async.sleep(Duration.ofMillis(20));
                return null;
            }));
            all.add(loop.createTask("offload", () -> Async.await(loop.runInExecutor(executor, () -> 42))));
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<LoopFuture<Object>> futures = (List) all;
            loop.runUntilComplete(Async.gather(loop, futures));
            echo.join(5_000);

            StepRecord.Page page = recording.page(0, 10_000);
            List<LoopRecording.Pass> passes = page.steps().stream().map(LoopRecording.Pass.class::cast).toList();
            assertThat(page.total()).as("every pass seen").isEqualTo(loop.iterations());
            assertThat(page.recorded()).isEqualTo(page.total());
            assertThat(page.dropped()).isZero();

            LoopRecording.Pass first = passes.getFirst();
            assertThat(first.index()).isEqualTo(1);
            assertThat(first.ready()).as("the four first steps, ready before the first select")
                    .containsExactly("client 1", "client 2", "sleeper", "offload");
            assertThat(first.select().timeoutMs()).as("ready callbacks: the select only looks").isZero();
            assertThat(first.ran()).extracting(LoopRecording.Ran::what)
                    .containsExactly("client 1", "client 2", "sleeper", "offload");
            assertThat(passes).as("the executor's result handed in by name, waking its task").anyMatch(p ->
                    p.ran().stream().anyMatch(r -> r.what().equals("an executor's result arrives"))
                            && p.woke().contains("offload"));
            assertThat(first.parked()).extracting(p -> p.task() + " on " + p.on()).contains(
                    "sleeper on sleep 20 ms", "offload on an executor's result");
            assertThat(first.tasks()).extracting(LoopObserver.TaskState::name)
                    .contains("client 1", "client 2", "sleeper", "offload");

            for (String client : List.of("client 1", "client 2")) {
                assertThat(passes.stream().flatMap(p -> p.parked().stream()))
                        .as(client + " parked on its socket's read")
                        .anyMatch(p -> p.task().equals(client) && p.on().equals("read on " + client + "'s socket"));
                assertThat(passes).as("the pass in which the OS reported %s's socket readable wakes %s", client,
                        client).anyMatch(p -> p.select().ready().contains(client + "'s socket: read")
                        && p.woke().contains(client));
                assertThat(passes).as("and %s's next step runs in a later pass", client).anyMatch(p -> p.ran()
                        .stream().anyMatch(r -> r.what().equals(client)) && p.index() > first.index());
            }
            assertThat(passes).as("the sleeper's timer came due and woke it").anyMatch(p ->
                    p.timers().contains("timer: sleep 20 ms") && p.woke().contains("sleeper"));
            assertThat(passes).as("a select that waited said why").anyMatch(p -> p.select().timeoutMs() == null
                    || p.select().timeoutMs() > 0 && p.select().why().contains("next timer"));
            assertThat(passes).as("the OS watched both clients' sockets at some pass").anyMatch(p ->
                    p.select().watching().contains("client 1's socket: read")
                            && p.select().watching().contains("client 2's socket: read"));
            assertThat(passes.getLast().tasks()).as("nothing pending at the end").isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aLongRunKeepsTheFirstAndLastPassesAndTheSlowOnesAndCountsTheRest() throws Exception {
        LoopRecording recording = LoopRecording.keeping(200, LoopObserver.NONE);
        try (EventLoop loop = new EventLoop(Duration.ofMillis(5), recording)) {
            int[] left = {500};
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> {
                if (--left[0] == 250) {
                    long until = System.nanoTime() + Duration.ofMillis(10).toNanos();
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // one slow callback in the middle
                    }
                }
                if (left[0] > 0) {
                    loop.callSoon(tick[0]);
                }
            };
            loop.callSoon(tick[0]);
            while (left[0] > 0) {
                loop.runOnce();
            }
            StepRecord.Page page = recording.page(0, 1000);
            List<LoopRecording.Pass> passes = page.steps().stream().map(LoopRecording.Pass.class::cast).toList();

            assertThat(page.total()).isEqualTo(loop.iterations());
            assertThat(page.recorded() + page.dropped()).isEqualTo(page.total());
            assertThat(passes.stream().mapToInt(LoopRecording.Pass::names).sum()).as("within the budget of names")
                    .isLessThanOrEqualTo(200);
            assertThat(page.dropped()).isPositive();
            assertThat(passes.getFirst().index()).isEqualTo(1);
            assertThat(passes.getLast().index()).isEqualTo(loop.iterations());
            assertThat(passes).as("the slow pass in the middle is kept").anyMatch(p -> p.slow()
                    && p.index() > 100 && p.index() < loop.iterations() - 100);
            assertThat(page.kept()).contains("first", "last", "slow");
            assertThat(recording.page(passes.getLast().index(), 10).steps()).hasSize(1);
        }
    }

    /** Echoes one 4-byte message on each of two connections, 30 ms after it came: the clients must wait for it. */
    private static void echoTwice(ServerSocket server) {
        for (int i = 0; i < 2; i++) {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream()) {
                byte[] message = in.readNBytes(4);
                Thread.sleep(30);
                out.write(message);
                out.flush();
            } catch (Exception e) {
                return;
            }
        }
    }
}
