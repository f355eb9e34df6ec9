package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabApplication;
import concurrencylab.LabClient;
import concurrencylab.Leaks;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping the service cancels its runs first, so it stops in seconds even with a client waiting on a long run. */
class ShutdownTest {

    @Test
    void stoppingTheServiceCancelsRunsAndAnswersWaitingClients() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LabApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "lab.store.path=target/test-data/shutdown-" + java.util.UUID.randomUUID() + "/runs").run();
        var lab = new LabClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        long fdsBefore = Leaks.openFileDescriptors();
        CompletableFuture<HttpResponse<String>> waiting = lab.http().sendAsync(
                HttpRequest.newBuilder(lab.uri("/api/experiments/virtual-threads?wait=60s"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"tasks": 200, "workload": "socket", "taskMillis": 10000, "baseline": false}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitRunning(lab);
        // The connections are open: 200 sockets, two descriptors each, waiting for their answers.
        concurrencylab.Await.until("200 connections open", Duration.ofSeconds(20),
                () -> Leaks.openFileDescriptors() > fdsBefore + 200);

        long t0 = System.nanoTime();
        context.close();
        double stopSeconds = (System.nanoTime() - t0) / 1e9;

        assertThat(stopSeconds).as("stop, with a 10 s run in progress").isLessThan(0.5 * 10);
        HttpResponse<String> answer = waiting.get(5, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"CANCELLED\"").contains("service is stopping");
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).isEmpty();
    }

    private static void awaitRunning(LabClient lab) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var runs = lab.get("/api/runs?status=RUNNING").json().get("runs");
            if (!runs.isEmpty() && runs.get(0).get("progress").get("total").asLong() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run never started");
    }
}
