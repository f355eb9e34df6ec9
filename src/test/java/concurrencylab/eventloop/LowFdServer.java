package concurrencylab.eventloop;

import java.io.IOException;
import java.time.Duration;

/**
 * Run in a child JVM with a low descriptor limit by {@link AcceptBackOffTest}: starts the event-loop echo server
 * ({@code echo}) or the event-loop delay-echo server ({@code delay-echo}), prints {@code PORT n}, and serves until
 * its stdin closes.
 */
public final class LowFdServer {

    private LowFdServer() {
    }

    public static void main(String[] args) throws Exception {
        // As EchoServer.main does: the first log line loads what logging needs (time zones) while files can open.
        System.getLogger(LowFdServer.class.getName()).log(System.Logger.Level.INFO, "starting the {0} server", args[0]);
        if (args[0].equals("echo")) {
            try (EventLoop loop = new EventLoop()) {
                EchoServer server = new EchoServer(loop, 0);
                System.out.println("PORT " + server.port());
                Thread.ofPlatform().daemon().start(() -> exitWhenStdinCloses());
                loop.runForever();
            }
        } else {
            try (LoopDelayEchoServer server = LoopDelayEchoServer.start(Duration.ZERO, Thread.ofPlatform().factory())) {
                System.out.println("PORT " + server.port());
                exitWhenStdinCloses();
            }
        }
    }

    private static void exitWhenStdinCloses() {
        try {
            while (System.in.read() >= 0) {
                // nothing is expected
            }
        } catch (IOException ignored) {
            // closed
        }
        Runtime.getRuntime().halt(0);
    }
}
