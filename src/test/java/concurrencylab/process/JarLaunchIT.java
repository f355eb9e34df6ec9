package concurrencylab.process;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Await;
import concurrencylab.LabClient;
import concurrencylab.PackagedService;
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
        assertThat(PackagedService.jar()).exists();
        try (PackagedService service = PackagedService.start(List.of("-jar", PackagedService.jar().toString()))) {
            LabClient lab = service.lab();
            JsonNode run = lab.runToEnd("processes", """
                    {"tasks": 2, "processes": 2, "workload": "cpu", "taskMillis": 100}""");

            assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(run.get("result").get("details").get("workers")).hasSize(2);
            // The event loop's coroutines need jdk.internal.vm, exported by the jar's manifest.
            JsonNode loop = lab.runToEnd("event-loop", """
                    {"clients": 20, "requestsPerClient": 1, "serverDelayMs": 10}""");
            assertThat(loop.get("status").asString()).as(loop.toString()).isEqualTo("SUCCEEDED");
            // The service pins itself through the FFM API, enabled by the manifest: no warning, and it is whole again.
            JsonNode pinned = lab.runToEnd("compare", """
                    {"cpus": 1, "tasks": 2, "taskMillis": 50, "workloads": ["cpu"], "models": ["threads"]}""");
            assertThat(pinned.get("status").asString()).as(pinned.toString()).isEqualTo("SUCCEEDED");
            assertThat(lab.get("/actuator/health").json().get("components").get("serviceCpus").get("status")
                    .asString()).isEqualTo("UP");
            assertThat(service.log()).doesNotContain("restricted method");

            // Stop the service in the middle of a run: it takes its workers down with it.
            assertThat(lab.post("/api/experiments/processes", """
                    {"tasks": 2, "processes": 2, "workload": "sleep", "taskMillis": 9000, "baseline": false}""")
                    .status()).isEqualTo(202);
            Process process = service.process();
            Await.until("two workers", Duration.ofSeconds(30), () -> process.descendants().count() >= 2);
            List<ProcessHandle> workers = process.descendants().toList();
            process.destroy(); // SIGTERM, as Ctrl-C or docker stop
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the service stops").isTrue();
            for (ProcessHandle worker : workers) {
                assertThat(worker.onExit().get(5, TimeUnit.SECONDS).isAlive()).as("worker " + worker.pid()).isFalse();
            }
        }
    }
}
