package concurrencylab.process;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged service started as users start it, {@code java -jar}: there the worker's classes sit in a nested jar,
 * not on a plain classpath, and workers must still start. Then the service is stopped, and its workers with it.
 */
class JarLaunchIT {

    @Test
    void workersAndCoroutinesWorkUnderJavaDashJarAndWorkersDieWithTheService() throws Exception {
        Path jar = Path.of(System.getProperty("lab.jar", "target/concurrency-lab-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).exists();
        int port = concurrencylab.Ports.free();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path log = Files.createTempFile("lab-jar", ".log");
        Process service = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--server.port=" + port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            LabClient lab = new LabClient(port);
            awaitHealthy(lab, service, log);

            JsonNode run = lab.runToEnd("processes", """
                    {"tasks": 2, "processes": 2, "workload": "cpu", "taskMillis": 100}""");

            assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(run.get("result").get("details").get("workers")).hasSize(2);
            // The event loop's coroutines need jdk.internal.vm, exported by the jar's manifest.
            JsonNode loop = lab.runToEnd("event-loop", """
                    {"clients": 20, "requestsPerClient": 1, "serverDelayMs": 10}""");
            assertThat(loop.get("status").asString()).as(loop.toString()).isEqualTo("SUCCEEDED");

            // Stop the service in the middle of a run: it takes its workers down with it.
            assertThat(lab.post("/api/experiments/processes", """
                    {"tasks": 2, "processes": 2, "workload": "sleep", "taskMillis": 9000, "baseline": false}""")
                    .status()).isEqualTo(202);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (service.descendants().count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<ProcessHandle> workers = service.descendants().toList();
            assertThat(workers).hasSizeGreaterThanOrEqualTo(2);
            service.destroy(); // SIGTERM, as Ctrl-C or docker stop
            assertThat(service.waitFor(20, TimeUnit.SECONDS)).as("the service stops").isTrue();
            for (ProcessHandle worker : workers) {
                assertThat(worker.onExit().get(5, TimeUnit.SECONDS).isAlive()).as("worker " + worker.pid()).isFalse();
            }
        } finally {
            service.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static void awaitHealthy(LabClient lab, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
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
        throw new AssertionError("the service did not become healthy in 60 s: " + Files.readString(log));
    }
}
