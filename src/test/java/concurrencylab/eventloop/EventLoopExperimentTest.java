package concurrencylab.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import concurrencylab.Leaks;
import concurrencylab.Metrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The event-loop and sockets experiments end to end, over HTTP. Timing checks are ratios with wide margins. */
class EventLoopExperimentTest extends LabHttpTest {

    @Test
    void aThousandClientsShareOneLoopThreadAndFinishInAFewServerDelays() {
        JsonNode result = lab.runToEnd("event-loop", """
                {"clients": 1000, "requestsPerClient": 4, "serverDelayMs": 50}""").get("result");

        JsonNode details = result.get("details");
        assertThat(details.get("loopThreads").asInt()).isEqualTo(1);
        assertThat(details.get("requests").asLong()).isEqualTo(4000);
        assertThat(details.get("bytesSent").asLong()).isEqualTo(details.get("bytesReceived").asLong())
                .isEqualTo(4000L * 1028);
        assertThat(result.get("wallSeconds").asDouble()).as("ideal 0.2 s, one by one 200 s")
                .isLessThan(8 * details.get("idealSeconds").asDouble());
        assertThat(result.get("verdicts").valueStream().map(v -> v.get("claim").asString() + v.get("confirmed")))
                .containsExactly("C11true", "C6true");
        assertThat(Metrics.value(lab, "lab_eventloop_iterations_total", "experiment=\"event-loop\"")).isPositive();
        assertThat(Metrics.scrape(lab)).anyMatch(line -> line.startsWith("lab_eventloop_lag_seconds_bucket{"));
    }

    @Test
    void aHundredThousandSleepingCoroutinesTakeAboutOneSleep() {
        JsonNode result = lab.runToEnd("event-loop", """
                {"mode": "sleep", "clients": 100000, "requestsPerClient": 1, "serverDelayMs": 500}""")
                .get("result");

        assertThat(result.get("wallSeconds").asDouble()).as("100,000 sleeps of 0.5 s").isLessThan(3 * 0.5);
        assertThat(result.get("details").get("loopThreads").asInt()).isEqualTo(1);
        assertThat(result.get("verdicts").get(0).get("confirmed").asBoolean()).isTrue();
    }

    @Test
    void aCoroutineThatNeverSuspendsStallsTheOthersAndOffloadingFreesThem() {
        JsonNode blocked = lab.runToEnd("event-loop", """
                {"clients": 100, "mode": "blocking", "blockMillis": 300}""").get("result").get("details");
        JsonNode offloaded = lab.runToEnd("event-loop", """
                {"clients": 100, "mode": "blocking", "blockMillis": 300, "offload": true}""").get("result")
                .get("details");

        assertThat(blocked.get("slowCallbacks").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(blocked.get("maxLagMs").asDouble()).isGreaterThan(200);
        assertThat(blocked.get("requestLatency").get("maxMs").asDouble()).isGreaterThan(50 + 200);
        assertThat(offloaded.get("slowCallbacks").asLong()).isZero();
        assertThat(offloaded.get("requestLatency").get("maxMs").asDouble())
                .isLessThan(blocked.get("requestLatency").get("maxMs").asDouble() / 1.5);
    }

    @Test
    void blockingClientsGetEveryByteBackFromEveryServerDesign() {
        for (String server : new String[] {"thread-per-connection", "virtual-thread-per-connection", "event-loop"}) {
            JsonNode result = lab.runToEnd("sockets", """
                    {"clients": 50, "server": "%s"}""".formatted(server)).get("result");

            JsonNode details = result.get("details");
            assertThat(details.get("bytesSent").asLong()).as(server).isEqualTo(50L * 4 * 1028)
                    .isEqualTo(details.get("bytesEchoed").asLong());
            assertThat(result.get("verdicts").valueStream().map(v -> v.get("claim").asString() + v.get("confirmed")))
                    .as(server).containsExactly("C10true", "C14true");
        }
    }

    @Test
    void aBlockingServerMakesLaterClientsWaitTheirTurn() {
        JsonNode details = lab.runToEnd("sockets", """
                {"clients": 5, "requestsPerClient": 2, "serverDelayMs": 50, "server": "blocking", "threads": "virtual"}""")
                .get("result").get("details");

        // Five clients, each served 2 x 50 ms in turn: the last one's first answer comes after about 400 ms.
        assertThat(details.get("firstAnswerWait").get("maxMs").asDouble()).isGreaterThan(4 * 100 * 0.7);
    }

    @Test
    void tooManySocketClientsAreRefusedNamingTheLimit() {
        LabClient.Answer answer = lab.post("/api/experiments/event-loop", """
                {"clients": 50000}""");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("clients");
        assertThat(lab.post("/api/experiments/sockets", """
                {"clients": 1000, "threads": "platform"}""").status()).isEqualTo(400);
        assertThat(lab.post("/api/experiments/sockets", """
                {"server": "nginx"}""").status()).isEqualTo(400);
        LabClient.Answer tooMany = lab.post("/api/experiments/event-loop", """
                {"mode": "sleep", "clients": 100000, "requestsPerClient": 1000}""");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("allowed").asString()).isEqualTo("1..10");
    }

    @Test
    void aCancelledSocketsRunUnblocksItsClientThreadsAndLeavesNoneBehind() throws InterruptedException {
        for (String server : new String[] {"blocking", "event-loop"}) {
            String id = lab.post("/api/experiments/sockets", """
                    {"clients": 20, "requestsPerClient": 4, "serverDelayMs": 500, "server": "%s"}""".formatted(server))
                    .json().get("id").asString();
            Thread.sleep(700); // client threads blocked reading their answers (or waiting their turn)

            assertThat(lab.delete("/api/runs/" + id).json().get("status").asString()).as(server).isEqualTo("CANCELLED");
            assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).as(server).isEmpty();
        }
    }

    @Test
    void aCancelledLoopRunLeavesNoThreadSocketOrServerBehind() throws InterruptedException {
        // One finished run first, so classes, jars and service threads that load lazily are there already.
        lab.runToEnd("event-loop", """
                {"clients": 10, "requestsPerClient": 1, "serverDelayMs": 1}""");
        long fdsBefore = Leaks.openFileDescriptors();
        var targetsBefore = Leaks.openFileDescriptorTargets();
        String id = lab.post("/api/experiments/event-loop", """
                {"clients": 500, "requestsPerClient": 1, "serverDelayMs": 8000}""").json().get("id").asString();
        Thread.sleep(700); // 500 connections open, waiting for their answers
        assertThat(Leaks.openFileDescriptors()).isGreaterThan(fdsBefore + 500);

        assertThat(lab.delete("/api/runs/" + id).json().get("status").asString()).isEqualTo("CANCELLED");

        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (Leaks.openFileDescriptors() > fdsBefore + 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        var left = new java.util.ArrayList<>(Leaks.openFileDescriptorTargets());
        targetsBefore.forEach(left::remove);
        assertThat(Leaks.openFileDescriptors()).as("descriptors opened and not closed: " + left)
                .isLessThanOrEqualTo(fdsBefore + 4);
    }
}
