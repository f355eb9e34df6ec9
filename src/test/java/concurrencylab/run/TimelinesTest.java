package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.LabClient.Answer;
import concurrencylab.LabHttpTest;
import concurrencylab.Trace;
import concurrencylab.Trace.Event;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * Every experiment records a timeline: each is run once with short parameters, and its trace (Chrome's Trace Event
 * Format) and picture (SVG) are checked for the lanes, states and marks the experiment must show.
 */
class TimelinesTest extends LabHttpTest {

    /** Runs an experiment to its end and reads its trace; checks the links and the download's file name. */
    private Trace traceOf(String kind, String params, JsonNode[] run) {
        run[0] = lab.runToEnd(kind, params);
        String id = run[0].get("id").asString();
        assertThat(run[0].get("links").get("trace").asString()).isEqualTo("/api/runs/" + id + "/trace");
        assertThat(run[0].get("links").get("report").asString()).isEqualTo("/runs/" + id);
        Answer trace = lab.get("/api/runs/" + id + "/trace");
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.contentType()).startsWith("application/json");
        assertThat(trace.header("Content-Disposition")).contains("attachment").contains("concurrency-lab-" + kind + "-")
                .contains(id.substring(0, 8)).contains(".trace.json");
        return Trace.parse(trace.body());
    }

    private Trace traceOf(String kind, String params) {
        return traceOf(kind, params, new JsonNode[1]);
    }

    @Test
    void aThreadPoolShowsEachThreadWithItsTasksAndEachTasksQueueWait() {
        Trace trace = traceOf("threads", """
                {"tasks": 6, "poolSize": 2, "workload": "sleep", "taskMillis": 60, "baseline": false}""");

        Map<String, List<Event>> tasks = trace.group("tasks");
        assertThat(tasks).hasSize(6);
        assertThat(trace.group("threads")).as("one lane per pool thread").hasSize(2);
        assertThat(trace.group("threads").values()).allSatisfy(lane ->
                assertThat(lane).extracting(Event::name).containsOnly("running", "sleeping").contains("sleeping"));
        // Two threads, six tasks: the last two waited in the queue for about two tasks' time.
        Event lastQueued = tasks.get("tasks / task 5").stream().filter(e -> e.name().equals("queued")).findFirst()
                .orElseThrow();
        assertThat(lastQueued.dur()).as("queue wait of the sixth task, us").isGreaterThan(0.8 * 2 * 60_000);
        assertThat(trace.count("task-done")).isEqualTo(6);
    }

    @Test
    void virtualThreadsShowTasksInFlightAndOsThreadsOverTime() {
        Trace trace = traceOf("virtual-threads", """
                {"tasks": 1000, "workload": "sleep", "taskMillis": 200, "baseline": false}""");

        assertThat(trace.group("tasks")).as("at most ~64 task lanes sampled").hasSizeBetween(50, 64);
        assertThat(trace.group("threads")).as("no lane per virtual thread").isEmpty();
        double peakInFlight = trace.counters.get("tasks in flight").stream().mapToDouble(s -> s[1]).max().orElse(0);
        double peakOsThreads = trace.counters.get("OS (platform) threads in the JVM").stream().mapToDouble(s -> s[1])
                .max().orElse(0);
        assertThat(peakInFlight).isGreaterThan(500);
        assertThat(peakOsThreads).isPositive().isLessThan(peakInFlight / 2);
    }

    @Test
    void theGilShowsHoldWaitAndEveryForcedHandOver() {
        JsonNode[] run = new JsonNode[1];
        Trace trace = traceOf("gil", """
                {"tasks": 4, "threads": 2, "workload": "cpu", "taskMillis": 150, "baseline": false}""", run);

        long forced = run[0].get("result").get("details").get("lock").get("switches").get("forced").asLong();
        assertThat(forced).isPositive();
        assertThat(trace.count("forced-switch")).as("forced hand-overs drawn = the lock's own count; lock %s, lanes %s",
                run[0].get("result").get("details").get("lock"), trace.lanes.keySet()).isEqualTo(forced);
        assertThat(trace.count("drop-request")).isPositive();
        List<String> interpreterThreads = trace.group("threads").keySet().stream()
                .filter(name -> name.matches("threads / gil-\\d")).toList();
        assertThat(interpreterThreads).hasSize(2);
        for (String lane : interpreterThreads) {
            assertThat(trace.lanes.get(lane)).extracting(Event::name).contains("gil-held", "gil-wait", "running");
        }
        Document svg = svgOf(run[0].get("id").asString());
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < svg.getElementsByTagName("g").getLength(); i++) {
            rows.add(svg.getElementsByTagName("g").item(i).getFirstChild().getTextContent());
        }
        assertThat(rows).as("a row per lane").containsExactlyInAnyOrderElementsOf(trace.lanes.keySet());
        Answer png = lab.get("/api/runs/" + run[0].get("id").asString() + "/timeline.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
    }

    @Test
    void theConvoyShowsEachIoOperationAndTheWaitToGetTheLockBack() {
        Trace trace = traceOf("gil-convoy", """
                {"ioOps": 10, "ioMillis": 1, "cpuThreads": 1}""");

        List<Event> io = trace.lanes.values().stream().flatMap(List::stream).filter(e -> e.name().equals("io")).toList();
        assertThat(io).as("both phases' I/O operations").hasSizeGreaterThanOrEqualTo(20);
        assertThat(trace.count("io-switch")).isPositive();
        assertThat(trace.count("gil-wait")).isPositive();
    }

    @Test
    void interpretersShowTheirThreadsGroupedByInterpreterEachWithItsOwnLockAndEveryCopyMarked() {
        JsonNode[] run = new JsonNode[1];
        Trace trace = traceOf("interpreters", """
                {"tasks": 4, "interpreters": 2, "threadsPerInterpreter": 2, "taskMillis": 100, "baseline": false}""",
                run);

        for (int k = 0; k < 2; k++) {
            String group = "interpreter " + k;
            var threads = trace.group(group).keySet().stream().filter(n -> n.matches(group + " / interpreter-\\d-\\d"))
                    .toList();
            assertThat(threads).as("interpreter %d's two threads; lanes %s", k, trace.lanes.keySet()).hasSize(2);
            for (String lane : threads) {
                assertThat(trace.lanes.get(lane)).extracting(Event::name).contains("gil-held", "copying");
            }
        }
        assertThat(trace.group("interpreter 0").keySet()).as("the isolation check's threads, drawn where they ran")
                .anyMatch(name -> name.contains("interpreter-0-check"));
        assertThat(trace.lanes.keySet()).noneMatch(name -> name.contains("service-runner"));
        long copies = run[0].get("result").get("details").get("copies").asLong();
        assertThat(trace.count("copying")).as("every copy across the boundary drawn").isEqualTo(copies);
        assertThat(copies).isEqualTo(8);
        assertThat(trace.count("copy")).as("each copy also a mark, visible however thin").isEqualTo(copies);
    }

    @Test
    void twoProcessesOnOneCoreEachGetAboutHalfOfIt() throws Exception {
        JsonNode processes = lab.get("/api/experiments/processes").json();
        assumeTrue(!processes.has("limitations") || !processes.get("limitations").toString().contains("cpus:"),
                "cpu pinning is not available here");
        JsonNode[] run = new JsonNode[1];
        Trace trace = traceOf("processes", """
                {"tasks": 4, "processes": 2, "workload": "cpu", "taskMillis": 300, "cpus": 1, "baseline": false}""", run);
        // Another program on that core takes its share too: then only the upper bounds say anything.
        boolean busy = run[0].get("result").path("otherProcessesCores").asDouble(0) > 0.3;

        Map<String, List<Event>> workers = trace.group("workers");
        assertThat(workers).hasSize(2);
        double bothFrom = 0;
        double bothTo = Double.MAX_VALUE;
        for (List<Event> lane : workers.values()) {
            assertThat(lane).extracting(Event::name).contains("spawning", "running");
            List<Event> running = lane.stream().filter(e -> e.name().equals("running")).toList();
            bothFrom = Math.max(bothFrom, running.getFirst().ts());
            bothTo = Math.min(bothTo, running.getLast().end());
        }
        assertThat(bothTo - bothFrom).as("both workers ran at once, us").isGreaterThan(300_000);
        double sum = 0;
        for (String counter : List.of("worker 1 cpu (cores)", "worker 2 cpu (cores)")) {
            double from = bothFrom + 100_000; // the share is over the last 50 ms: skip the start
            double to = bothTo;
            double average = trace.counters.get(counter).stream().filter(s -> s[0] >= from && s[0] <= to)
                    .mapToDouble(s -> s[1]).average().orElseThrow();
            assertThat(average).as("%s while both ran", counter).isBetween(busy ? 0 : 0.3, 0.7);
            sum += average;
        }
        assertThat(sum).as("the two shares of the one core").isLessThanOrEqualTo(1.2);
    }

    @Test
    void sharedMemoryShowsEachWorkerThreadAndProcess() {
        Trace trace = traceOf("shared-memory", """
                {"workers": 2, "increments": 100000, "mode": "processes"}""");

        assertThat(trace.group("workers")).hasSize(2);
        assertThat(trace.group("tasks")).hasSize(2);
    }

    @Test
    void theEventLoopShowsEveryPassAndASampleOfCoroutines() {
        Trace trace = traceOf("event-loop", """
                {"clients": 200, "requestsPerClient": 2, "serverDelayMs": 20}""");

        List<Event> loop = trace.lanes.get("loop / event loop");
        assertThat(loop).extracting(Event::name).contains("selecting", "callbacks");
        Map<String, List<Event>> coroutines = trace.group("coroutines");
        assertThat(coroutines).as("every 4th of 200 clients").hasSize(50);
        assertThat(coroutines.values()).allSatisfy(lane -> assertThat(lane).extracting(Event::name)
                .containsOnly("suspended").hasSize(3)); // connect and two answers
    }

    @Test
    void aCoroutineThatNeverSuspendsShowsAsOneLongCallbackAndASlowCallbackMark() {
        Trace trace = traceOf("event-loop", """
                {"clients": 50, "requestsPerClient": 2, "serverDelayMs": 20, "mode": "blocking", "blockMillis": 200}""");

        assertThat(trace.count("slow-callback")).isPositive();
        Event blocked = trace.lanes.get("coroutines / blocker (offload none)").stream()
                .filter(e -> e.name().equals("running")).findFirst().orElseThrow();
        assertThat(blocked.dur()).as("the blocker ran on the loop, us").isGreaterThan(150_000);
        assertThat(trace.lanes.get("loop / event loop")).filteredOn(e -> e.name().equals("callbacks"))
                .anySatisfy(pass -> assertThat(pass.dur()).isGreaterThan(150_000));
    }

    @Test
    void aBlockingServerDrawsAStaircaseOfClients() {
        Trace trace = traceOf("sockets", """
                {"clients": 4, "requestsPerClient": 2, "serverDelayMs": 40, "server": "blocking"}""");

        double[] firstAnswer = new double[4];
        for (int c = 0; c < 4; c++) {
            List<Event> io = trace.lanes.get("tasks / task " + c).stream().filter(e -> e.name().equals("io")).toList();
            assertThat(io).as("connect and two requests of client %d", c).hasSize(3);
            firstAnswer[c] = io.stream().filter(e -> e.n() == 0).findFirst().orElseThrow().end();
        }
        java.util.Arrays.sort(firstAnswer);
        // One connection at a time: each later client got its first answer about 2 x 40 ms after the one before.
        assertThat(firstAnswer[3] - firstAnswer[0]).as("us").isGreaterThan(0.5 * 3 * 2 * 40_000);
    }

    @Test
    void theReportPageShowsTheRunAndThePicture() {
        JsonNode run = lab.runToEnd("threads", """
                {"tasks": 2, "poolSize": 2, "workload": "sleep", "taskMillis": 10}""");
        String id = run.get("id").asString();

        Answer page = lab.get("/runs/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("SUCCEEDED").contains("C5").contains("/api/runs/" + id + "/timeline.svg")
                .contains("/api/runs/" + id + "/trace").contains("/swagger-ui/index.html#/Experiments/threads")
                .doesNotContain("report.js"); // a finished run is not followed
        Answer listed = lab.get("/api/runs?limit=1");
        assertThat(listed.json().get("runs").get(0).get("links").get("report").asString()).startsWith("/runs/");
    }

    @Test
    void theFrontDoorListsEveryExperimentWithAButtonThatStartsItAndOpensItsReport() {
        Answer home = lab.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Processes").contains("The event loop").contains("Latest runs");
        JsonNode catalog = lab.get("/api/experiments").json();
        for (JsonNode entry : catalog.get("experiments")) {
            assertThat(home.body()).contains("data-kind=\"" + entry.get("kind").asString() + "\"");
        }
        Answer started = lab.send(java.net.http.HttpRequest.newBuilder(lab.uri("/runs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("experiment=gil-convoy")));
        assertThat(started.status()).isEqualTo(303);
        assertThat(started.header("Location")).startsWith("/runs/");
        Answer unknown = lab.send(java.net.http.HttpRequest.newBuilder(lab.uri("/runs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("experiment=nope")));
        assertThat(unknown.status()).isEqualTo(303);
        assertThat(unknown.header("Location")).startsWith("/?notice=");
        lab.delete("/api/runs/" + started.header("Location").substring("/runs/".length()));
    }

    @Test
    void unknownAndQueuedRunsAnswerWithProblems() {
        assertThat(lab.get("/api/runs/nope/trace").status()).isEqualTo(404);
        assertThat(lab.get("/api/runs/nope/timeline.svg").status()).isEqualTo(404);
        Answer page = lab.get("/runs/nope");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("application/problem+json");

        String body = """
                {"tasks": 1, "poolSize": 1, "workload": "sleep", "taskMillis": 3000, "baseline": false}""";
        String running = lab.post("/api/experiments/threads", body).json().get("id").asString();
        String queued = lab.post("/api/experiments/threads", body).json().get("id").asString();
        try {
            Answer notYet = lab.get("/api/runs/" + queued + "/trace");
            assertThat(notYet.status()).isEqualTo(409);
            assertThat(notYet.contentType()).startsWith("application/problem+json");
            assertThat(notYet.json().get("detail").asString()).contains("QUEUED");
            assertThat(lab.get("/api/runs/" + queued + "/timeline.svg").status()).isEqualTo(409);
            assertThat(lab.get("/runs/" + queued).body()).contains("report.js").contains("nothing recorded yet");
        } finally {
            lab.delete("/api/runs/" + queued);
            lab.delete("/api/runs/" + running);
        }
        // A cancelled run keeps what it recorded up to the cancel, and the cancel itself.
        Trace cancelled = Trace.parse(lab.get("/api/runs/" + running + "/trace").body());
        assertThat(cancelled.count("cancel")).isPositive();
    }

    private Document svgOf(String id) {
        Answer svg = lab.get("/api/runs/" + id + "/timeline.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(svg.body())));
            assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("1200");
            return doc;
        } catch (Exception e) {
            throw new AssertionError("the picture is not XML: " + e, e);
        }
    }
}
