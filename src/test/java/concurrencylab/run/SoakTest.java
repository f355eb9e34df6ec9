package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import concurrencylab.Leaks;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many short runs of every experiment, among them cancels, deadlines that expire and a worker process killed with
 * SIGKILL, while other clients poll runs and pages, follow SSE streams, fetch traces and send bad input. Afterwards:
 * no answer was a 5xx, every run reached a final status and is kept (the older ones in the run store), and the run
 * threads, file descriptors and child processes are back to their baseline.
 *
 * <p>{@code lab.soak.runs} runs (default 100, about 30 s here); the full soak is 200 (about a minute):
 * {@code ./mvnw test -Dtest=SoakTest -Dlab.soak.runs=200}.
 */
class SoakTest extends LabHttpTest {

    private static final List<String[]> SHORT_RUNS = List.of(
            new String[] {"threads", "{\"tasks\": 4, \"poolSize\": 2, \"workload\": \"cpu\", \"taskMillis\": 20}"},
            new String[] {"threads", "{\"tasks\": 8, \"workload\": \"socket\", \"taskMillis\": 10, \"baseline\": false}"},
            new String[] {"virtual-threads", "{\"tasks\": 200, \"workload\": \"sleep\", \"taskMillis\": 20}"},
            new String[] {"gil", "{\"tasks\": 2, \"threads\": 2, \"workload\": \"cpu\", \"taskMillis\": 30}"},
            new String[] {"gil-convoy", "{\"ioOps\": 10, \"ioMillis\": 1, \"cpuThreads\": 1}"},
            new String[] {"interpreters", "{\"tasks\": 2, \"interpreters\": 2, \"taskMillis\": 20, \"payloadBytes\": 1000}"},
            new String[] {"event-loop", "{\"clients\": 50, \"requestsPerClient\": 2, \"serverDelayMs\": 5}"},
            new String[] {"sockets", "{\"clients\": 8, \"requestsPerClient\": 2, \"serverDelayMs\": 5}"},
            new String[] {"shared-memory", "{\"workers\": 2, \"increments\": 10000}"},
            new String[] {"processes", "{\"tasks\": 2, \"processes\": 2, \"workload\": \"sleep\", \"taskMillis\": 50, \"baseline\": false}"},
            new String[] {"compare", "{\"tasks\": 2, \"taskMillis\": 10, \"models\": [\"gil-threads\", \"coroutines\"]}"});
    /** Long enough to be cancelled, or to pass a 1 s deadline. */
    private static final String LONG_RUN = "{\"tasks\": 4, \"poolSize\": 2, \"workload\": \"sleep\", \"taskMillis\": 3000, "
            + "\"baseline\": false}";

    private final List<String> serverErrors = new CopyOnWriteArrayList<>();
    private final Map<String, String> submitted = new ConcurrentHashMap<>();

    @Test
    void manyRunsWithCancelsDeadlinesAKilledWorkerAndBusyClientsEndCleanly() throws Exception {
        int runs = Integer.getInteger("lab.soak.runs", 100);
        lab.runToEnd("threads", SHORT_RUNS.getFirst()[1]); // lazily made service threads exist before the baseline
        long fdsBefore = Leaks.openFileDescriptors();
        AtomicBoolean driving = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        AtomicInteger polls = new AtomicInteger();
        try {
            clients.submit(() -> poll(driving, polls));
            clients.submit(() -> follow(driving));
            clients.submit(() -> sendBadInput(driving));
            for (int i = 0; i < runs; i++) {
                if (i % 10 == 3) {
                    String id = submit("threads", LONG_RUN, "");
                    Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
                    check(lab.delete("/api/runs/" + id), "cancel");
                } else if (i % 10 == 6) {
                    submit("threads", LONG_RUN, "?timeout=1s");
                } else if (i % 25 == 9) {
                    killAWorkerMidRun();
                } else {
                    String[] run = SHORT_RUNS.get(i % SHORT_RUNS.size());
                    submit(run[0], run[1], "");
                }
            }
            for (String id : submitted.keySet()) {
                awaitFinal(id);
            }
        } finally {
            driving.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(polls.get()).as("the poller kept polling").isGreaterThan(runs);
        for (String id : submitted.keySet()) { // from memory, or from the run store for the older ones
            String status = lab.get("/api/runs/" + id).json().path("status").asString();
            assertThat(LabClient.isFinal(status)).as("run %s of %s is %s", id, submitted.get(id), status).isTrue();
        }
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(5))).as("run threads").isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((Leaks.openFileDescriptors() > fdsBefore + 8 || ProcessHandle.current().children().findAny().isPresent())
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Leaks.openFileDescriptors()).as("open file descriptors").isLessThanOrEqualTo(fdsBefore + 8);
        assertThat(ProcessHandle.current().children().toList()).as("child processes").isEmpty();
    }

    /** Submits a run, waiting while the queue is full (429 is an answer, not a failure); returns its id. */
    private String submit(String kind, String body, String query) throws InterruptedException {
        while (true) {
            LabClient.Answer answer = lab.post("/api/experiments/" + kind + query, body);
            check(answer, kind);
            if (answer.status() == 202 || answer.status() == 200) {
                String id = answer.json().get("id").asString();
                submitted.put(id, kind + " " + body + query);
                return id;
            }
            assertThat(answer.status()).as("%s %s: %s", kind, body, answer.body()).isEqualTo(429);
            Thread.sleep(100);
        }
    }

    /** A processes run whose worker is killed with SIGKILL while it works: the run must fail, naming it. */
    private void killAWorkerMidRun() throws InterruptedException {
        for (String earlier : submitted.keySet()) { // then every child process that appears is this run's
            awaitFinal(earlier);
        }
        String id = submit("processes", """
                {"tasks": 2, "processes": 2, "workload": "sleep", "taskMillis": 5000, "baseline": false}""", "");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.current().children().count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ProcessHandle victim = ProcessHandle.current().children().findFirst().orElseThrow();
        victim.destroyForcibly();
        var run = lab.awaitFinal(id, Duration.ofSeconds(60)); // the newest run: not forgotten yet
        assertThat(run.get("status").asString()).as("a run whose worker was killed").isEqualTo("FAILED");
        assertThat(run.get("error").asString()).contains("(pid " + victim.pid() + ")").contains("exited with code 137");
    }

    private void poll(AtomicBoolean driving, AtomicInteger polls) {
        while (driving.get()) {
            check(lab.get("/api/runs?limit=20"), "list");
            for (String id : List.copyOf(submitted.keySet()).reversed().subList(0, Math.min(3, submitted.size()))) {
                check(lab.get("/api/runs/" + id), "run");
                check(lab.get("/runs/" + id), "report page");
                check(lab.get("/api/runs/" + id + "/timeline.svg"), "picture");
            }
            check(lab.get("/"), "front door");
            polls.incrementAndGet();
            pause(50);
        }
    }

    /** Follows the newest run's SSE stream to its end (or for 5 s), again and again. */
    private void follow(AtomicBoolean driving) {
        while (driving.get()) {
            List<String> ids = List.copyOf(submitted.keySet());
            if (!ids.isEmpty()) {
                try {
                    HttpResponse<InputStream> stream = lab.http().send(HttpRequest.newBuilder(
                            lab.uri("/api/runs/" + ids.getLast() + "/events")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (stream.statusCode() >= 500) {
                        serverErrors.add("events " + stream.statusCode());
                    }
                    try (InputStream in = stream.body()) {
                        in.readAllBytes();
                    }
                } catch (java.io.IOException | InterruptedException e) {
                    // a stream cut by its timeout: fine
                }
            }
            pause(100);
        }
    }

    private void sendBadInput(AtomicBoolean driving) {
        List<String[]> bad = List.of(new String[] {"threads", "{\"tasks\": -1}"}, new String[] {"threads", "{"},
                new String[] {"nope", "{}"}, new String[] {"gil", "{\"switchIntervalMs\": 0}"},
                new String[] {"event-loop", "{\"clients\": 100000000}"}, new String[] {"threads", "{\"tasks\": \"x\"}"});
        int i = 0;
        while (driving.get()) {
            String[] input = bad.get(i++ % bad.size());
            LabClient.Answer answer = lab.post("/api/experiments/" + input[0], input[1]);
            check(answer, "bad input " + input[1]);
            if (answer.status() < 400) {
                serverErrors.add("bad input accepted: " + input[0] + " " + input[1] + " -> " + answer.status());
            }
            check(lab.get("/api/runs/does-not-exist/trace"), "unknown trace");
            pause(30);
        }
    }

    private void check(LabClient.Answer answer, String what) {
        if (answer.status() >= 500) {
            serverErrors.add(what + " -> " + answer.status() + " " + answer.body());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String awaitFinal(String id) throws InterruptedException {
        return lab.awaitFinal(id, Duration.ofSeconds(60)).get("status").asString();
    }
}
