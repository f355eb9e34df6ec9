package concurrencylab.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DelayEchoServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(value = ServerDesign.class, names = "EVENT_LOOP", mode = EnumSource.Mode.EXCLUDE) // LoopServers' own
    void echoesEveryByteBackAfterTheDelay(ServerDesign design) throws IOException {
        byte[] payload = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(payload);
        try (var server = DelayEchoServer.start(design, Duration.ofMillis(50))) {
            long t0 = System.nanoTime();
            var exchange = EchoClient.roundTrip(server.port(), payload, TIMEOUT);

            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
            assertThat(exchange.bytesSent()).isEqualTo(payload.length + 4);
            assertThat(exchange.bytesReceived()).isEqualTo(exchange.bytesSent());
            assertThat(server.requestsServed()).isEqualTo(1);
        }
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        try (var server = DelayEchoServer.start(ServerDesign.THREAD_PER_CONNECTION, Duration.ZERO);
                var socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertThat(socket.getInetAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void aBlockingServerMakesLaterClientsWaitTheirTurn() throws Exception {
        assertThat(concurrentWallMillis(ServerDesign.BLOCKING, 4) / concurrentWallMillis(ServerDesign.THREAD_PER_CONNECTION, 4))
                .as("4 clients, 100 ms each: one at a time vs together").isGreaterThan(2.0);
    }

    @Test
    void aBadFrameClosesOnlyThatConnection() throws IOException {
        try (var server = DelayEchoServer.start(ServerDesign.VIRTUAL_THREAD_PER_CONNECTION, Duration.ZERO)) {
            try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                new DataOutputStream(socket.getOutputStream()).writeInt(-5);
                assertThat(new DataInputStream(socket.getInputStream()).read()).as("closed by the server").isEqualTo(-1);
            }
            assertThat(EchoClient.roundTrip(server.port(), new byte[] {1, 2, 3}, TIMEOUT).bytesSent()).isEqualTo(7);
        }
    }

    @Test
    void closingEndsEveryConnectionAndThread() throws Exception {
        var server = DelayEchoServer.start(ServerDesign.THREAD_PER_CONNECTION, Duration.ofSeconds(30));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> waiting = pool.submit(() -> EchoClient.roundTrip(server.port(), new byte[8], TIMEOUT));
            // The handler has the request and sleeps out its 30 s delay.
            concurrencylab.Await.until("a handler sleeping out the delay", Duration.ofSeconds(10), () ->
                    Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().contains("-conn-")
                            && t.getState() == Thread.State.TIMED_WAITING));

            long t0 = System.nanoTime();
            server.close();

            assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(2).toNanos());
            assertThatThrownBy(waiting::get).hasCauseInstanceOf(IOException.class);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("lab-run-echo-") && t.isAlive()
                && t.getName().contains("-" + server.port()));
        assertThatThrownBy(() -> EchoClient.roundTrip(server.port(), new byte[1], Duration.ofMillis(500)))
                .isInstanceOf(IOException.class);
    }

    private static double concurrentWallMillis(ServerDesign design, int clients) throws Exception {
        try (var server = DelayEchoServer.start(design, Duration.ofMillis(100));
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long t0 = System.nanoTime();
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(pool.submit(() -> EchoClient.roundTrip(server.port(), new byte[16], TIMEOUT)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            return (System.nanoTime() - t0) / 1e6;
        }
    }
}
