package concurrencylab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long the packaged service takes from process start to a healthy {@code /actuator/health}, started the ways a
 * user starts it, side by side and interleaved: {@code java -jar} (the only way before bin/lab), the same jar
 * extracted, bin/lab with its cache (warm), and bin/lab's first start of a jar (cold: it extracts the jar and trains
 * its cache first). Also the resident memory once healthy.
 *
 * <pre>
 *   ./mvnw -q package -DskipTests
 *   java -cp target/test-classes concurrencylab.bench.StartupBenchmark [n]
 * </pre>
 *
 * Each way starts n times (default 7) on a fresh store and a free port, after one start of each to warm the disk
 * cache; the cold start runs twice (each time with a new, empty cache folder).
 */
public final class StartupBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path jar = Path.of("target/concurrency-lab-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("lab-startup");
        Path extracted = work.resolve("extracted");
        run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()),
                Map.of());
        String javaHome = Path.of(java).getParent().getParent().toString();
        Map<String, Way> ways = new LinkedHashMap<>();
        ways.put("java -jar", new Way(List.of(java, "-jar", jar.toString()), Map.of()));
        ways.put("java -jar, extracted", new Way(List.of(java, "-jar",
                extracted.resolve(jar.getFileName()).toString()), Map.of()));
        Path cache = work.resolve("cache");
        Map<String, String> launcher = Map.of("JAVA_HOME", javaHome, "LAB_JAR", jar.toString(),
                "LAB_START_CACHE", cache.toString());
        run(List.of("bin/lab", "prepare"), launcher);
        ways.put("bin/lab, warm (cache made)", new Way(List.of("bin/lab"), launcher));

        for (Way way : ways.values()) {
            way.start(work); // the disk cache
        }
        for (int i = 0; i < n; i++) {
            for (Way way : ways.values()) {
                way.record(way.start(work));
            }
        }
        Way cold = null;
        for (int i = 0; i < 2; i++) { // each with a new, empty cache folder, sharing one list of starts
            cold = new Way(List.of("bin/lab"), Map.of("JAVA_HOME", javaHome, "LAB_JAR", jar.toString(),
                    "LAB_START_CACHE", work.resolve("cold-" + i).toString()), cold);
            cold.record(cold.start(work));
        }
        ways.put("bin/lab, cold (first start: extract + train)", cold);
        for (var way : ways.entrySet()) {
            System.out.println(way.getValue().summary(way.getKey()));
        }
    }

    /** A way to start the service, and what its starts measured. */
    private static final class Way {
        final List<String> command;
        final Map<String, String> environment;
        final List<long[]> starts;

        Way(List<String> command, Map<String, String> environment) {
            this(command, environment, null);
        }

        Way(List<String> command, Map<String, String> environment, Way before) {
            this.command = command;
            this.environment = environment;
            this.starts = before == null ? new ArrayList<>() : before.starts;
        }

        void record(long[] start) {
            starts.add(start);
        }

        /** Milliseconds from start to healthy, and the resident MB then. */
        long[] start(Path work) throws Exception {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> full = new ArrayList<>(command);
            full.add("--server.port=" + port);
            full.add("--lab.store.path=" + Files.createTempDirectory(work, "store").resolve("runs"));
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build();
                while (System.nanoTime() - started < Duration.ofSeconds(120).toNanos()) {
                    try {
                        if (HTTP.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                            long millis = (System.nanoTime() - started) / 1_000_000;
                            return new long[] {millis, residentMegabytes(process.pid())};
                        }
                    } catch (IOException notYet) {
                        // refused while it starts
                    }
                    Thread.sleep(10);
                }
                throw new IllegalStateException("not healthy in 120 s: " + full);
            } finally {
                process.destroy();
                process.waitFor();
            }
        }

        String summary(String name) {
            long[] millis = starts.stream().mapToLong(s -> s[0]).sorted().toArray();
            long[] resident = starts.stream().mapToLong(s -> s[1]).sorted().toArray();
            return String.format(Locale.ROOT, "%-46s n=%2d  p50 %6d ms  min %6d ms  max %6d ms  RSS p50 %4d MB", name,
                    millis.length, millis[millis.length / 2], millis[0], millis[millis.length - 1],
                    resident[resident.length / 2]);
        }
    }

    private static long residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static void run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command + " exited " + exit);
        }
    }
}
