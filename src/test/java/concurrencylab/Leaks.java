package concurrencylab;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run may leave behind, seen from inside the JVM: threads (platform and virtual, through the JDK's JSON
 * thread dump, which lists virtual threads too) whose name says a run made them, and open file descriptors.
 */
public final class Leaks {

    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

    private Leaks() {
    }

    /** Names of live threads, platform and virtual, that a run started (they are all named "lab-run-..."). */
    public static List<String> runThreads() {
        try {
            Path dump = Files.createTempFile("lab-threads", ".json");
            Files.delete(dump); // dumpThreads refuses to overwrite
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                Matcher names = NAME.matcher(Files.readString(dump));
                List<String> found = new ArrayList<>();
                while (names.find()) {
                    if (names.group(1).startsWith("lab-run-")) {
                        found.add(names.group(1));
                    }
                }
                return found;
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to {@code within} for every run thread to end; returns those still alive then. */
    public static List<String> awaitNoRunThreads(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> alive = runThreads();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            alive = runThreads();
        }
        return alive;
    }

    /** Open file descriptors of this process (sockets included). */
    public static long openFileDescriptors() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What each open file descriptor points at (socket:[inode], a file path, anon_inode:[eventpoll], ...). */
    public static List<String> openFileDescriptorTargets() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException gone) {
                    return "gone";
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
