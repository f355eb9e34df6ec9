package concurrencylab.eventloop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link CoroutinesTest}, without the continuation export: says what a coroutine and the
 * event-loop echo server do there, one {@code key=value} line each, and how many descriptors that left open.
 */
public final class CoroutineProbe {

    private CoroutineProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("available=" + Coroutines.available());
        // The JDK keeps one socket of its own from its first network channel on: open that before counting.
        java.nio.channels.ServerSocketChannel.open().close();
        long fdsBefore = openDescriptors();
        try (EventLoop loop = new EventLoop()) {
            loop.createTask(() -> null);
            System.out.println("createTask=ran");
        } catch (IllegalStateException refused) {
            System.out.println("createTask=refused:" + refused.getMessage());
        }
        long start = System.nanoTime();
        try {
            LoopDelayEchoServer.start(Duration.ZERO, Thread.ofPlatform().factory()).close();
            System.out.println("server=started");
        } catch (IOException refused) {
            System.out.println("server=refused");
        }
        System.out.println("serverMillis=" + (System.nanoTime() - start) / 1_000_000);
        System.out.println("descriptorsLeft=" + (openDescriptors() - fdsBefore));
    }

    private static long openDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
