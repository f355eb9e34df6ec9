package concurrencylab.eventloop;

import static concurrencylab.Verdicts.assertConfirmedUnlessBusy;
import static concurrencylab.Verdicts.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Await;
import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import concurrencylab.Leaks;
import concurrencylab.Metrics;
import concurrencylab.process.ProcessesExperimentTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The event-loop and sockets experiments end to end, over HTTP. Timing checks are ratios with wide margins. */
class EventLoopExperimentTest extends LabHttpTest {

    @Test
    void manyClientsShareOneLoopThreadAndFinishInAFewServerDelays() {
        JsonNode result = lab.runToEnd("event-loop", """
                {"clients": 200, "requestsPerClient": 4, "serverDelayMs": 50}""").get("result");

        JsonNode details = result.get("details");
        assertThat(details.get("loopThreads").asInt()).isEqualTo(1);
        assertThat(details.get("peakInFlight").asInt()).as("requests parked at once").isGreaterThan(100);
        assertThat(details.get("requests").asLong()).isEqualTo(800);
        assertThat(details.get("bytesSent").asLong()).isEqualTo(details.get("bytesReceived").asLong())
                .isEqualTo(800L * 1028);
        assertThat(result.get("wallSeconds").asDouble()).as("ideal 0.2 s, one by one 40 s")
                .isLessThan(0.1 * 200 * 4 * 0.05);
        assertConfirmedUnlessBusy(result, "C11", result.get("otherProcessesCores"));
        assertConfirmedUnlessBusy(result, "C6", result.get("otherProcessesCores"));
        assertOutcome(result, "C13", "cannot-show");
        assertThat(Metrics.value(lab, "lab_eventloop_iterations_total", "experiment=\"event-loop\"")).isPositive();
        assertThat(Metrics.scrape(lab)).anyMatch(line -> line.startsWith("lab_eventloop_lag_seconds_bucket{"));
    }

    @Test
    void oneClientCannotShowThatTheLoopServesManyAtOnce() {
        JsonNode result = lab.runToEnd("event-loop", """
                {"clients": 1, "requestsPerClient": 2, "serverDelayMs": 20}""").get("result");

        assertOutcome(result, "C11", "cannot-show");
        assertOutcome(result, "C6", "cannot-show");
    }

    @Test
    void aHundredThousandSleepingCoroutinesTakeAboutOneSleep() {
        JsonNode result = lab.runToEnd("event-loop", """
                {"mode": "sleep", "clients": 100000, "requestsPerClient": 1, "serverDelayMs": 1000}""")
                .get("result");

        assertThat(result.get("wallSeconds").asDouble()).as("100,000 sleeps of 1 s").isLessThan(0.1 * 100_000);
        assertThat(result.get("details").get("loopThreads").asInt()).isEqualTo(1);
        assertConfirmedUnlessBusy(result, "C6", result.get("otherProcessesCores"));
        assertOutcome(result, "C11", "cannot-show");
    }

    @Test
    void aCoroutineThatNeverSuspendsStallsTheOthersAndAProcessFreesThem() throws InterruptedException {
        JsonNode blocked = lab.runToEnd("event-loop", """
                {"clients": 100, "mode": "blocking", "blockMillis": 300}""").get("result");
        JsonNode offloaded = lab.runToEnd("event-loop", """
                {"clients": 100, "mode": "blocking", "blockMillis": 300, "offload": "process", "gil": true}""")
                .get("result");

        JsonNode stall = blocked.get("details").get("blocking");
        double blockedMs = stall.get("blockedMs").asDouble();
        assertThat(blocked.get("details").get("maxLagMs").asDouble()).as("the loop's timers waited it out")
                .isGreaterThan(0.7 * blockedMs);
        assertThat(stall.get("othersExtraP99Ms").asDouble()).isGreaterThan(0.5 * blockedMs);
        assertOutcome(blocked, "C13", "confirmed");
        JsonNode freed = offloaded.get("details").get("blocking");
        assertThat(freed.get("offload").asString()).isEqualTo("process");
        assertThat(freed.get("othersP99Ms").asDouble()).isLessThan(stall.get("othersP99Ms").asDouble() / 1.5);
        assertThat(offloaded.get("details").get("slowCallbacks").asLong()).isZero();
        assertOutcome(offloaded, "C13", "cannot-show");
        ProcessesExperimentTest.assertNoChildProcessesWithin(Duration.ofSeconds(2));
    }

    @Test
    void aStallShorterThanTheSlowCallbackThresholdIsStillAStall() {
        JsonNode result = lab.runToEnd("event-loop", """
                {"clients": 50, "mode": "blocking", "blockMillis": 40, "serverDelayMs": 10}""").get("result");

        double blockedMs = result.get("details").get("blocking").get("blockedMs").asDouble();
        if (blockedMs < 100) { // a busy machine may stretch 40 ms of work past the threshold
            assertThat(result.get("details").get("slowCallbacks").asLong()).as("under 100 ms: not a slow callback")
                    .isZero();
        }
        assertOutcome(result, "C13", "confirmed");
    }

    @Test
    void underTheGilAThreadOffloadSharesTheLoopsLockAndTheVerdictSaysWhatItCost() {
        JsonNode result = lab.runToEnd("event-loop", """
                {"clients": 100, "mode": "blocking", "blockMillis": 200, "offload": "thread", "gil": true}""")
                .get("result");

        assertThat(result.get("details").get("gil").asBoolean()).isTrue();
        assertOutcome(result, "C13", "cannot-show");
        assertThat(concurrencylab.Verdicts.of(result, "C13").get("evidence").asString())
                .contains("shares the loop's GIL");
        assertThat(Metrics.value(lab, "lab_gil_wait_seconds_count", "experiment=\"event-loop\"")).isPositive();
    }

    @Test
    void theEarlierBooleanOffloadStillWorksAndAnUnknownOneIsRefusedNamingTheChoices() {
        JsonNode run = lab.runToEnd("event-loop", """
                {"clients": 10, "requestsPerClient": 1, "mode": "blocking", "blockMillis": 20, "offload": true}""");
        assertThat(run.get("params").get("offload").asString()).isEqualTo("thread");

        LabClient.Answer answer = lab.post("/api/experiments/event-loop", """
                {"offload": "gpu"}""");
        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("offload");
        assertThat(error.get("allowed").asString()).isEqualTo("none, thread, process");
    }

    @Test
    void blockingClientsGetEveryByteBackFromEveryServerDesign() {
        for (String server : new String[] {"thread-per-connection", "virtual-thread-per-connection", "event-loop"}) {
            JsonNode run = lab.runToEnd("sockets", """
                    {"clients": 50, "server": "%s"}""".formatted(server));
            JsonNode result = run.get("result");
            LabClient.Answer loop = lab.get("/api/runs/" + run.get("id").asString() + "/loop?limit=1000");
            if (server.equals("event-loop")) {
                // The server's loop is recorded: its acceptor and a task per connection, parked on their sockets.
                assertThat(loop.status()).isEqualTo(200);
                assertThat(loop.json().get("total").asLong()).isPositive();
                assertThat(loop.json().get("iterations").valueStream().flatMap(pass -> pass.get("parked").valueStream())
                        .map(parked -> parked.get("task").asString() + " on " + parked.get("on").asString()))
                        .contains("acceptor on accept on the listening socket")
                        .anyMatch(parked -> parked.matches("connection \\d+ on read on connection \\d+'s socket"));
            } else {
                assertThat(loop.status()).as(server + " runs no loop").isEqualTo(404);
            }

            JsonNode details = result.get("details");
            assertThat(details.get("bytesSent").asLong()).as(server).isEqualTo(50L * 4 * 1028)
                    .isEqualTo(details.get("bytesEchoed").asLong());
            assertOutcome(result, "C10", "confirmed");
            assertOutcome(result, "C14", "confirmed");
        }
        JsonNode noDelay = lab.runToEnd("sockets", """
                {"clients": 5, "serverDelayMs": 0}""").get("result");
        assertOutcome(noDelay, "C10", "cannot-show");
        assertOutcome(noDelay, "C14", "cannot-show");
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
            // Every client thread is up: blocked reading its answer, or waiting its turn.
            Await.until("20 client threads", Duration.ofSeconds(10),
                    () -> Leaks.runThreads().stream().filter(name -> name.contains("-client-")).count() == 20);

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
        Await.until("500 connections open, waiting for their answers", Duration.ofSeconds(10),
                () -> Leaks.openFileDescriptors() > fdsBefore + 500);

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

    @Test
    void aBlockingRunsRecordedPassesShowTheBlockerHoldingTheLoopWithEveryClientParked() {
        JsonNode run = lab.runToEnd("event-loop", """
                {"clients": 10, "requestsPerClient": 2, "mode": "blocking", "blockMillis": 150, "serverDelayMs": 20}""");
        String id = run.get("id").asString();

        JsonNode page = lab.get("/api/runs/" + id + "/loop?limit=1000").json();
        JsonNode blocked = page.get("iterations").valueStream()
                .filter(pass -> pass.get("ran").valueStream().anyMatch(r -> r.get("what").asString().equals("blocker")
                        && r.get("ms").asDouble() >= 0.8 * 150))
                .findFirst().orElseThrow(() -> new AssertionError("no pass ran the blocker for 150 ms: " + page));
        assertThat(blocked.get("slow").asBoolean()).isTrue();
        var clients = blocked.get("tasks").valueStream().filter(t -> t.get("name").asString().startsWith("client "))
                .toList();
        assertThat(clients).as("every client still pending as the blocking pass ended").isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("state").asString()).isEqualTo("waiting"));
        assertThat(clients).as("parked on their sockets or, not yet sent, ready").allSatisfy(t ->
                assertThat(t.get("awaiting").asString()).matches("(read|write|connect) on client \\d+'s socket"));
    }

    @Test
    void aDefaultRunsRecordedPassesAddUpToItsIterationsAndBadPagesAreRefused() {
        JsonNode run = lab.runToEnd("event-loop", "{}");
        String id = run.get("id").asString();
        long iterations = run.get("result").get("details").get("iterations").asLong();

        JsonNode page = lab.get("/api/runs/" + id + "/loop?from=0&limit=5").json();
        assertThat(page.get("total").asLong()).isEqualTo(iterations);
        assertThat(page.get("recorded").asLong() + page.get("dropped").asLong()).isEqualTo(iterations);
        assertThat(page.get("iterations")).hasSize(5);
        JsonNode first = page.get("iterations").get(0);
        assertThat(first.get("index").asLong()).isEqualTo(1);
        assertThat(first.has("select") && first.has("ran") && first.has("parked") && first.has("woke")
                && first.has("tasks") && first.has("ready") && first.has("timers") && first.has("atMs")).isTrue();
        assertThat(first.get("select").has("blockedMs")).isTrue();

        LabClient.Answer badLimit = lab.get("/api/runs/" + id + "/loop?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
        String threads = lab.runToEnd("threads", "{\"tasks\": 2, \"taskMillis\": 10}").get("id").asString();
        LabClient.Answer none = lab.get("/api/runs/" + threads + "/loop");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(lab.get("/api/runs/00000000-0000-0000-0000-000000000000/loop").status()).isEqualTo(404);
    }
}
