package concurrencylab.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Await;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server whose process runs out of file descriptors (EMFILE) must neither spin on an accept that fails at once nor
 * stop accepting for good: it waits a second, as asyncio does, and goes on. Each server runs in a child JVM started
 * with {@code ulimit -n 64}, and the test connects more clients than that.
 */
class AcceptBackOffTest {

    private static final int CLIENTS = 80;

    @ParameterizedTest
    @ValueSource(strings = {"echo", "delay-echo"})
    void outOfDescriptorsTheServerBacksOffAndThenAcceptsAgain(String server) throws Exception {
        String java = String.join(" ", ChildJvm.command(List.of("--add-exports",
                "java.base/jdk.internal.vm=ALL-UNNAMED"), LowFdServer.class, server));
        Path log = Files.createTempFile("low-fd-server", ".log");
        Process child = new ProcessBuilder("sh", "-c", "ulimit -n 64 && exec " + java)
                .redirectError(log.toFile()).start();
        List<Socket> clients = new ArrayList<>();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().replace("PORT ", ""));
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new Socket(InetAddress.getLoopbackAddress(), port)); // the backlog takes them
            }
            Path fds = Path.of("/proc", String.valueOf(child.pid()), "fd");
            Await.until("the server to hit its descriptor limit", Duration.ofSeconds(10), () -> count(fds) >= 60);

            // Over two seconds of pending connections, a spinning accept would burn a core; backing off, it idles.
            long cpuBefore = cpuMillis(child);
            Thread.sleep(2_000); // the measured window, not a wait for something to happen
            long cpuSpent = cpuMillis(child) - cpuBefore;
            assertThat(cpuSpent).as("CPU ms the server used in 2 s out of descriptors").isLessThan(300);

            for (Socket client : clients) {
                client.close();
            }
            clients.clear();
            assertThat(child.isAlive()).as("the server lives: " + Files.readString(log)).isTrue();
            assertThat(echoes(port, server)).as("it accepts again once descriptors are free: " + Files.readString(log))
                    .isTrue();
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            child.getOutputStream().close();
            child.destroyForcibly();
            child.waitFor();
            Files.deleteIfExists(log);
        }
    }

    /** A new client gets its bytes back within a few seconds (the server retries accept after 1 s). */
    private static boolean echoes(int port, String server) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            var out = new DataOutputStream(socket.getOutputStream());
            var in = new DataInputStream(socket.getInputStream());
            if (server.equals("echo")) {
                out.write(new byte[] {1, 2, 3});
                return in.readNBytes(3).length == 3;
            }
            out.writeInt(3);
            out.write(new byte[] {1, 2, 3});
            return in.readInt() == 3 && in.readNBytes(3).length == 3;
        }
    }

    private static long count(Path fds) {
        try (var list = Files.list(fds)) {
            return list.count();
        } catch (IOException gone) {
            return -1;
        }
    }

    private static long cpuMillis(Process process) {
        return process.info().totalCpuDuration().orElseThrow().toMillis();
    }
}
