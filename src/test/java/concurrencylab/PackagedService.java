package concurrencylab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service (target/*.jar) started as a process of its own on a free port, as a user starts it, for the
 * integration tests. Closing it kills the process and deletes its log.
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final LabClient lab;

    private PackagedService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.lab = new LabClient(port);
    }

    public static Path jar() {
        return Path.of(System.getProperty("lab.jar", "target/concurrency-lab-0.1.0-SNAPSHOT.jar"));
    }

    /**
     * {@code java <launch...> --server.port=N --lab.store.path=<a new temporary directory>}, e.g. launch = ["-jar",
     * jar]; waits until it is healthy.
     */
    public static PackagedService start(List<String> launch) throws IOException, InterruptedException {
        return start(launch, Files.createTempDirectory("lab-store").resolve("runs"));
    }

    /** As {@link #start(List)}, keeping runs in {@code store} (so that a restart finds them). */
    public static PackagedService start(List<String> launch, Path store) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(launch);
        return run(command, Map.of(), store);
    }

    /**
     * {@code bin/lab} on a new temporary store, as the README starts the packaged service: this test's JDK, and one
     * start-up cache for every integration test (target/it-start-cache, trained by the first that starts).
     */
    public static PackagedService launch() throws IOException, InterruptedException {
        return launch(Files.createTempDirectory("lab-store").resolve("runs"));
    }

    /** As {@link #launch()}, keeping runs in {@code store} (so that a restart finds them). */
    public static PackagedService launch(Path store) throws IOException, InterruptedException {
        String javaHome = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent()
                .toString();
        return run(List.of(Path.of("bin/lab").toAbsolutePath().toString()), Map.of("JAVA_HOME", javaHome,
                "LAB_JAR", jar().toAbsolutePath().toString(),
                "LAB_START_CACHE", Path.of("target/it-start-cache").toAbsolutePath().toString()), store);
    }

    /**
     * {@code <command...> --server.port=N --lab.store.path=<store>} with {@code environment} added to this one's,
     * e.g. command = ["bin/lab"]; waits until it is healthy.
     */
    public static PackagedService run(List<String> command, Map<String, String> environment, Path store)
            throws IOException, InterruptedException {
        int port = Ports.free();
        List<String> full = new ArrayList<>(command);
        full.add("--server.port=" + port);
        full.add("--lab.store.path=" + store);
        Path log = Files.createTempFile("lab-service", ".log");
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        PackagedService service = new PackagedService(process, log, port);
        try {
            service.awaitHealthy();
        } catch (AssertionError | InterruptedException e) {
            service.close();
            throw e;
        }
        return service;
    }

    public LabClient lab() {
        return lab;
    }

    public Process process() {
        return process;
    }

    /** What the service has printed so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited: " + Files.readString(log));
            }
            try {
                if (lab.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while it starts
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become healthy in 90 s: " + Files.readString(log));
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(log);
    }
}
