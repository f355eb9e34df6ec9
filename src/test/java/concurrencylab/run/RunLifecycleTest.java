package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Submission, waiting, listing, cancelling, deadlines, the queue limit, retention and SSE, over HTTP. */
class RunLifecycleTest extends LabHttpTest {

    /** One task that sleeps 10 s: a run that stays RUNNING until something stops it. */
    static final String LONG_RUN = """
            {"tasks": 1, "poolSize": 1, "workload": "sleep", "taskMillis": 10000, "baseline": false}""";
    static final String TINY_RUN = """
            {"tasks": 1, "poolSize": 1, "workload": "sleep", "taskMillis": 1, "baseline": false}""";

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void cancelLeftovers() {
        started.forEach(id -> lab.delete("/api/runs/" + id));
    }

    private String start(String body) {
        LabClient.Answer answer = lab.post("/api/experiments/threads", body);
        assertThat(answer.status()).isEqualTo(202);
        String id = answer.json().get("id").asString();
        started.add(id);
        return id;
    }

    @Test
    void aRunIsAcceptedWithItsLocationAndFinishesThere() throws InterruptedException {
        LabClient.Answer answer = lab.post("/api/experiments/threads", TINY_RUN);

        assertThat(answer.status()).isEqualTo(202);
        String id = answer.json().get("id").asString();
        assertThat(answer.header("Location")).isEqualTo("/api/runs/" + id);
        assertThat(answer.json().get("status").asString()).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        JsonNode run = lab.awaitFinal(id, Duration.ofSeconds(30));
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("startedAt").isNull()).isFalse();
        assertThat(run.get("finishedAt").isNull()).isFalse();
        assertThat(run.get("environment").get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(run.get("environment").get("cpuCalibration").get("roundsPerMs").asLong()).isPositive();
        assertThat(run.get("result").get("taskLatency").get("count").asInt()).isEqualTo(1);
    }

    @Test
    void waitAnswersWithTheFinishedRun() {
        LabClient.Answer answer = lab.post("/api/experiments/threads?wait=30s", TINY_RUN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(answer.header("Location")).endsWith(answer.json().get("id").asString());
    }

    @Test
    void aWaitShorterThanTheRunAnswers202WithTheRunStillGoing() {
        LabClient.Answer answer = lab.post("/api/experiments/threads?wait=200ms", LONG_RUN);
        started.add(answer.json().get("id").asString());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("status").asString()).isIn("QUEUED", "RUNNING");
    }

    @Test
    void cancellingARunningRunStopsItWithinAFractionOfItsLength() throws InterruptedException {
        String id = start(LONG_RUN);
        awaitStatus(id, "RUNNING");

        long t0 = System.nanoTime();
        LabClient.Answer answer = lab.delete("/api/runs/" + id);
        double cancelSeconds = (System.nanoTime() - t0) / 1e9;

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(answer.json().get("error").asString()).contains("cancelled");
        assertThat(cancelSeconds).as("cancel of a 10 s task").isLessThan(0.2 * 10);
        assertThat(lab.delete("/api/runs/" + id).status()).as("cancelling a finished run").isEqualTo(409);
    }

    @Test
    void aRunPastItsDeadlineEndsTimedOut() throws InterruptedException {
        LabClient.Answer answer = lab.post("/api/experiments/threads?timeout=1s", LONG_RUN);
        String id = answer.json().get("id").asString();
        started.add(id);

        JsonNode run = lab.awaitFinal(id, Duration.ofSeconds(8));

        assertThat(run.get("status").asString()).isEqualTo("TIMED_OUT");
        assertThat(run.get("error").asString()).contains("deadline");
        Duration ran = Duration.between(java.time.Instant.parse(run.get("startedAt").asString()),
                java.time.Instant.parse(run.get("finishedAt").asString()));
        assertThat(ran.toMillis()).as("a 1 s deadline on a 10 s task").isBetween(900L, 5_000L);
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterAndQueuedRunsCancelAtOnce() throws InterruptedException {
        String running = start(LONG_RUN);
        awaitStatus(running, "RUNNING");
        List<String> queued = List.of(start(LONG_RUN), start(LONG_RUN), start(LONG_RUN)); // capacity 3 in tests

        LabClient.Answer refused = lab.post("/api/experiments/threads", LONG_RUN);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("Location")).as("a refused run has no address").isNull();
        // Only what happened is recorded: the refused submission is no run, queued or otherwise.
        assertThat(lab.get("/api/runs?status=QUEUED&limit=100").json().get("runs").valueStream()
                .map(r -> r.get("id").asString())).containsExactlyInAnyOrderElementsOf(queued);
        for (String id : queued) {
            assertThat(lab.get("/api/runs/" + id).json().get("status").asString()).isEqualTo("QUEUED");
            LabClient.Answer cancelled = lab.delete("/api/runs/" + id);
            assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(cancelled.json().get("startedAt").isNull()).isTrue();
        }
        assertThat(lab.delete("/api/runs/" + running).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(lab.post("/api/experiments/threads?wait=30s", TINY_RUN).status()).as("queue usable again").isEqualTo(200);
    }

    @Test
    void runsAreListedNewestFirstAndFilterable() {
        String first = lab.runToEnd("threads", TINY_RUN).get("id").asString();
        String second = lab.runToEnd("virtual-threads", """
                {"tasks": 2, "taskMillis": 1}""").get("id").asString();

        JsonNode all = lab.get("/api/runs?limit=100").json().get("runs");
        List<String> ids = all.valueStream().map(r -> r.get("id").asString()).toList();
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first)).isNotNegative();
        JsonNode onlyVirtual = lab.get("/api/runs?experiment=virtual-threads&status=SUCCEEDED").json().get("runs");
        assertThat(onlyVirtual.valueStream().map(r -> r.get("experiment").asString())).containsOnly("virtual-threads");
        assertThat(onlyVirtual.get(0).get("id").asString()).isEqualTo(second);
        assertThat(lab.get("/api/runs?limit=1").json().get("runs").size()).isEqualTo(1);
    }

    @Test
    void memoryKeepsTheLastRetainedRunsWithTheirTimelinesAndTheStoreKeepsTheRest() {
        String oldest = lab.runToEnd("threads", TINY_RUN).get("id").asString();
        String newest = null;
        for (int i = 0; i < 40; i++) { // lab.limits.retained-runs=40 in tests
            newest = lab.runToEnd("threads", TINY_RUN).get("id").asString();
        }

        LabClient.Answer fromTheStore = lab.get("/api/runs/" + oldest);
        assertThat(fromTheStore.status()).isEqualTo(200);
        assertThat(fromTheStore.json().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(fromTheStore.json().get("result").get("verdicts").get(0).get("claim").asString()).isEqualTo("C5");
        LabClient.Answer timeline = lab.get("/api/runs/" + oldest + "/trace");
        assertThat(timeline.status()).isEqualTo(404);
        assertThat(timeline.json().get("title").asString()).isEqualTo("Timeline not kept");
        assertThat(lab.get("/runs/" + oldest).body()).contains("timeline was not kept");
        assertThat(lab.get("/api/runs/" + newest + "/trace").status()).isEqualTo(200);
    }

    @Test
    void runsExportAsCsvForASpreadsheet() {
        String id = lab.runToEnd("threads", TINY_RUN).get("id").asString();

        LabClient.Answer byQuery = lab.get("/api/runs?format=csv&experiment=threads&limit=3");
        LabClient.Answer byAccept = lab.send(HttpRequest.newBuilder(lab.uri("/api/runs?experiment=threads&limit=3"))
                .header("Accept", "text/csv"));

        for (LabClient.Answer csv : List.of(byQuery, byAccept)) {
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.getFirst()).startsWith("id,experiment,status,submittedAt").contains(",C5,")
                    .endsWith(",params,error");
            assertThat(lines.get(1)).startsWith(id + ",threads,SUCCEEDED,").contains("\"{\"\"tasks\"\":");
            assertThat(lines).hasSizeLessThanOrEqualTo(4);
        }
    }

    @Test
    void eventsStreamStatusAndProgressUntilTheRunEnds() throws Exception {
        String id = start("""
                {"tasks": 6, "poolSize": 1, "workload": "sleep", "taskMillis": 100, "baseline": false}""");

        HttpResponse<Stream<String>> response = lab.http().send(
                HttpRequest.newBuilder(lab.uri("/api/runs/" + id + "/events")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> events;
        try (Stream<String> lines = response.body()) {
            events = lines.filter(line -> line.startsWith("event:")).toList(); // ends when the server completes
        }

        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(events.getFirst()).isEqualTo("event:status");
        assertThat(events.getLast()).isEqualTo("event:status");
        assertThat(events).contains("event:progress");
        assertThat(lab.get("/api/runs/" + id).json().get("status").asString()).isEqualTo("SUCCEEDED");
    }

    /**
     * Streams whose clients subscribed and then read nothing sit beside a client that reads: the reader follows the
     * run to its end as if alone. (That a blocked send holds up nobody is proven with a send that blocks for sure in
     * RunEventsTest; here the streams are real sockets.)
     */
    @Test
    void clientsThatStopReadingDoNotHoldUpOneThatReads() throws Exception {
        String id = start("""
                {"tasks": 6, "poolSize": 1, "workload": "sleep", "taskMillis": 100, "baseline": false}""");
        List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                java.net.Socket socket = new java.net.Socket();
                socket.setReceiveBufferSize(1024);
                socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
                socket.getOutputStream().write(("GET /api/runs/" + id + "/events HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                stalled.add(socket); // never read
            }
            long started = System.nanoTime();
            HttpResponse<Stream<String>> response = lab.http().send(
                    HttpRequest.newBuilder(lab.uri("/api/runs/" + id + "/events")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            List<String> events;
            try (Stream<String> lines = response.body()) {
                events = lines.filter(line -> line.startsWith("event:")).toList();
            }
            assertThat(events.getLast()).isEqualTo("event:status");
            assertThat(events).contains("event:progress");
            assertThat((System.nanoTime() - started) / 1e9).as("seconds: the run's own length, about 0.6")
                    .isLessThan(10);
        } finally {
            for (java.net.Socket socket : stalled) {
                socket.close();
            }
        }
    }

    private void awaitStatus(String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!lab.get("/api/runs/" + id).json().get("status").asString().equals(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + id + " never reached " + status);
            }
            Thread.sleep(10);
        }
    }
}
