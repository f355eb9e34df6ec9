package concurrencylab.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import concurrencylab.PackagedService;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged service started without the JVM option its coroutines need: through Spring Boot's launcher on a
 * plain classpath, where the jar's manifest (Add-Exports) does not apply. The catalog says what is missing and how
 * to fix it, runs that need coroutines are refused at once with 503, never left to hang, and the rest works.
 */
class CoroutinesUnavailableIT {

    @Test
    void withoutTheExportTheLoopExperimentsAreRefusedClearlyAndTheOthersRun() throws Exception {
        try (PackagedService service = PackagedService.start(List.of("-cp", PackagedService.jar().toString(),
                "org.springframework.boot.loader.launch.JarLauncher"))) {
            LabClient lab = service.lab();

            JsonNode loop = lab.get("/api/experiments/event-loop").json();
            assertThat(loop.get("available").asBoolean()).isFalse();
            assertThat(loop.get("limitations").get(0).asString()).contains(Coroutines.JVM_OPTION);
            JsonNode sockets = lab.get("/api/experiments/sockets").json();
            assertThat(sockets.get("available").asBoolean()).isTrue();
            assertThat(sockets.get("limitations").get(0).asString()).startsWith("server event-loop:");

            LabClient.Answer refused = lab.post("/api/experiments/event-loop", "{}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains(Coroutines.JVM_OPTION);
            LabClient.Answer socketsLoop = lab.post("/api/experiments/sockets?wait=10s", """
                    {"clients": 2, "server": "event-loop"}""");
            assertThat(socketsLoop.status()).isEqualTo(503);

            JsonNode threaded = lab.runToEnd("sockets", """
                    {"clients": 2, "requestsPerClient": 1, "serverDelayMs": 10}""");
            assertThat(threaded.get("status").asString()).isEqualTo("SUCCEEDED");
        }
    }
}
