package concurrencylab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * bin/lab, as the README tells a user to start the packaged service: it finds this JDK through JAVA_HOME, makes the
 * start-up cache for target/*.jar once, starts the jar from its extracted form with Spring's AOT bean definitions and
 * the JVM's AOT cache, and the service serves runs; the next start takes the cache as it is. How fast it starts is a
 * benchmark figure (docs/benchmarks.md), not asserted here.
 */
class LauncherIT {

    @Test
    void binLabMakesItsCacheOnceThenStartsFromItAndTheServiceServesRuns() throws Exception {
        Path cache = Files.createTempDirectory("lab-start").resolve("cache");
        String javaHome = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent()
                .toString();
        Map<String, String> environment = Map.of("JAVA_HOME", javaHome, "LAB_START_CACHE", cache.toString(),
                "LAB_JAR", PackagedService.jar().toAbsolutePath().toString());
        List<String> launcher = List.of(Path.of("bin/lab").toAbsolutePath().toString());

        Path store = Files.createTempDirectory("lab-store").resolve("runs");
        try (PackagedService first = PackagedService.run(launcher, environment, store)) {
            assertThat(first.log()).contains("making the start-up cache", "start-up cache ready",
                    "Starting AOT-processed LabApplication");
            assertThat(cache.resolve("app.aot")).isNotEmptyFile();
            JsonNode run = first.lab().runToEnd("threads", """
                    {"tasks": 4, "poolSize": 2, "taskMillis": 50}""");
            assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(run.get("result").get("verdicts")).isNotEmpty();
        }
        try (PackagedService again = PackagedService.run(launcher, environment, store)) {
            assertThat(again.log()).contains("Starting AOT-processed LabApplication")
                    .doesNotContain("making the start-up cache");
            assertThat(again.lab().get("/api/runs").json().get("runs")).as("the first start's run, kept").hasSize(1);
        }
    }
}
