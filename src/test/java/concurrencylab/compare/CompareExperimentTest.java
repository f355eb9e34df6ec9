package concurrencylab.compare;

import static concurrencylab.Verdicts.assertConfirmedUnlessBusy;
import static concurrencylab.Verdicts.assertOutcome;
import static concurrencylab.process.ProcessesExperimentTest.assertNoChildProcessesWithin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import concurrencylab.Leaks;
import concurrencylab.Metrics;
import concurrencylab.experiment.CpuSet;
import concurrencylab.experiment.ThreadAffinity;
import concurrencylab.process.Pinning;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The compare experiment end to end, over HTTP: the default matrix, its controls, its pictures, cancel, refusals. */
class CompareExperimentTest extends LabHttpTest {

    @Test
    void theDefaultMatrixShowsConcurrencyIsNotParallelismPreemptionAndTheOffloadingLoop() throws Exception {
        JsonNode run = lab.runToEnd("compare", "{}");

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("progress").get("done").asLong()).isEqualTo(28).isEqualTo(run.get("progress").get("total").asLong());
        JsonNode result = run.get("result");
        JsonNode details = result.get("details");
        assertThat(details.get("matrix")).as("9 models x 3 workloads").hasSize(27);
        JsonNode others = result.get("otherProcessesCores");
        assertConfirmedUnlessBusy(result, "C15", others);
        assertOutcome(result, "C16", "confirmed");
        assertConfirmedUnlessBusy(result, "C17", others);
        if (Runtime.getRuntime().availableProcessors() >= 2 && others != null && others.asDouble() < 0.25) {
            for (String model : List.of("free-threaded", "interpreters")) {
                assertThat(cell(details, model, "cpu").get("speedup").asDouble()).as(model + " on cpu, 2 idle cores")
                        .isGreaterThan(1.25);
            }
        }
        assertThat(cell(details, "interpreters", "mixed").get("ioP99Ms").asDouble())
                .as("the hog holds only its own interpreter's GIL")
                .isLessThan(cell(details, "coroutines", "mixed").get("ioP99Ms").asDouble() / 5);
        JsonNode coroutinesIo = cell(details, "coroutines", "io");
        assertThat(coroutinesIo.get("speedup").asDouble()).as("4 waits overlap on one thread").isGreaterThan(2);
        assertThat(cell(details, "coroutines", "mixed").get("ioP99Ms").asDouble())
                .as("the hog held the loop").isGreaterThan(5 * cell(details, "threads", "mixed").get("ioP99Ms").asDouble());
        assertThat(Metrics.value(lab, "lab_compare_speedup", "model=\"coroutines\",workload=\"io\""))
                .isEqualTo(coroutinesIo.get("speedup").asDouble());
        assertThat(Metrics.value(lab, "lab_compare_latency_ratio", "model=\"coroutines\"")).isGreaterThan(5);

        String id = run.get("id").asString();
        LabClient.Answer matrix = lab.get("/api/runs/" + id + "/matrix.svg");
        assertThat(matrix.status()).isEqualTo(200);
        assertThat(matrix.contentType()).startsWith("image/svg+xml");
        assertThat(matrix.body().split("class=\"cell\"", -1)).hasSize(28);
        assertThat(matrix.body()).contains("C15 ", "C16 ", "C17 ", "multiprocessing", "InterpreterPoolExecutor",
                "python3.14t");
        LabClient.Answer png = lab.get("/api/runs/" + id + "/matrix.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        // The neutral name and the older one give the same picture, and so does the report page.
        assertThat(lab.get("/api/runs/" + id + "/picture.svg").body()).isEqualTo(matrix.body());
        assertThat(lab.get("/api/runs/" + id + "/picture.png").body()).isEqualTo(png.body());
        String page = lab.get("/runs/" + id).body();
        assertThat(page).contains("<h2>The matrix</h2>", "/api/runs/" + id + "/picture.svg", matrix.body().strip());
        String cellPicture = cell(details, "coroutines+processes", "cpu").get("timeline").asString();
        assertThat(cellPicture).endsWith("?cell=coroutines%2Bprocesses%2Fcpu");
        LabClient.Answer part = lab.get(cellPicture);
        assertThat(part.status()).isEqualTo(200);
        assertThat(part.body()).contains("(coroutines+processes/cpu)", "worker 4", "coroutine 3")
                .doesNotContain("gil-thread-1");
        LabClient.Answer trace = lab.get("/api/runs/" + id + "/trace?cell=gil-threads/mixed");
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.body()).contains("gil-held", "forced-switch");
        assertEachCoroutineCellRecordedItsLoop(id);
        LabClient.Answer noSuchPart = lab.get("/api/runs/" + id + "/timeline.svg?cell=fibers/cpu");
        assertThat(noSuchPart.status()).isEqualTo(404);
        assertThat(noSuchPart.json().get("parts")).hasSize(28);
        assertNoChildProcessesWithin(Duration.ofSeconds(2));
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(2))).isEmpty();
    }

    /**
     * Every coroutine cell kept its loop's passes under its own part: without a cell the API names them; in mixed work
     * the hog's callback held the loop for its whole 800 ms; a cell's picture links its loop's row to the replay.
     */
    private void assertEachCoroutineCellRecordedItsLoop(String id) {
        LabClient.Answer which = lab.get("/api/runs/" + id + "/loop");
        assertThat(which.status()).isEqualTo(404);
        assertThat(which.json().get("cells").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "coroutines/cpu", "coroutines/io", "coroutines/mixed", "coroutines+processes/cpu",
                "coroutines+processes/io", "coroutines+processes/mixed");
        JsonNode mixed = lab.get("/api/runs/" + id + "/loop?cell=coroutines/mixed&limit=1000").json();
        assertThat(mixed.get("cell").asString()).isEqualTo("coroutines/mixed");
        assertThat(mixed.get("iterations").valueStream().filter(pass -> pass.get("slow").asBoolean())
                .flatMap(pass -> pass.get("ran").valueStream()))
                .as("the hog's step held the loop").anyMatch(ran -> ran.get("what").asString()
                        .equals("coroutine 0 (the hog)") && ran.get("ms").asDouble() > 0.8 * 800);
        assertThat(lab.get("/api/runs/" + id + "/loop?cell=threads/cpu").json().get("title").asString())
                .isEqualTo("No loop in that part");
        LabClient.Answer replay = lab.get("/runs/" + id + "/loop?cell=coroutines%2Bprocesses%2Fcpu");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).contains("the loop of coroutines+processes/cpu", "<table id=\"passes\">",
                "/runs/" + id + "/loop?cell=coroutines%2Fio");
        assertThat(lab.get("/api/runs/" + id + "/timeline.svg?cell=coroutines/io").body())
                .contains("<a href=\"/runs/" + id + "/loop?cell=coroutines%2Fio\" target=\"_top\">");
        assertThat(lab.get("/runs/" + id).body()).contains("Watch the loop think in each cell",
                "<a href=\"/runs/" + id + "/loop?cell=coroutines%2Fmixed\">coroutines/mixed</a>");
    }

    @Test
    void pinnedToOneCoreNothingComputesInParallelAndTheParallelHalvesSaySo() throws Exception {
        assumeTrue(Pinning.ofThisProcess().available(), "needs taskset");
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to pin to one of them");
        List<Integer> before = CpuSet.allowed().orElseThrow();
        JsonNode result = lab.runToEnd("compare", """
                {"cpus": 1, "tasks": 2, "taskMillis": 150, "workloads": ["cpu", "io"],
                 "models": ["threads", "virtual-threads", "gil-threads", "free-threaded", "interpreters", "processes",
                            "coroutines", "coroutines+processes"]}""")
                .get("result");

        for (JsonNode cell : result.get("details").get("matrix")) {
            if (cell.get("workload").asString().equals("cpu")) {
                // what pinning guarantees; a speedup also depends on how the sequential cell fared
                assertThat(cell.get("coresBusy").asDouble()).as("one core at most: " + cell).isLessThan(1.25);
            } else if (!cell.get("model").asString().equals("sequential")) {
                assertThat(cell.get("speedup").asDouble()).as("waits overlap on one core too: " + cell).isGreaterThan(1.4);
            }
        }
        assertThat(result.get("details").get("pinnedTo").asString()).isEqualTo(Pinning.ofThisProcess().cpuList(1));
        assertOutcome(result, "C15", "cannot-show");
        assertThat(evidence(result, "C15")).contains("needs 2 cores", "the io half held");
        assertOutcome(result, "C17", "cannot-show");
        assertOutcome(result, "C16", "cannot-show");
        assertThat(CpuSet.allowed().orElseThrow()).as("the service has its cores back").isEqualTo(before);
    }

    /**
     * Pinned runs, one after another, while threads of the service start and end all the time (as Tomcat's, the
     * store's and the runs' own do): after every run each thread is back on all of the service's CPUs, read thread by
     * thread from /proc/self/task, and health says so.
     */
    @Test
    void afterEveryPinnedRunEveryThreadIsBackOnAllCpusWhileThreadsStartAndEnd() throws Exception {
        assumeTrue(Pinning.ofThisProcess().available() && ThreadAffinity.available(), "needs taskset and /proc");
        assumeTrue(ThreadAffinity.serviceCpus().size() >= 2, "needs 2 cores to pin to one of them");
        java.util.concurrent.atomic.AtomicBoolean churning = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread churner = Thread.ofPlatform().name("churner").start(() -> {
            while (churning.get()) {
                try {
                    Thread.ofPlatform().name("churned").start(() -> Thread.ofPlatform().start(() -> { })).join();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            for (int attempt = 0; attempt < 8; attempt++) {
                JsonNode run = lab.runToEnd("compare", """
                        {"cpus": 1, "tasks": 1, "taskMillis": 20, "workloads": ["cpu"], "models": ["threads"]}""");
                assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
                assertThat(ThreadAffinity.threadsNotOn(ThreadAffinity.serviceCpus())).as("after run " + attempt)
                        .isEmpty();
            }
        } finally {
            churning.set(false);
            churner.join();
        }
        assertThat(lab.get("/actuator/health").json().get("components").get("serviceCpus").get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void aSwitchIntervalAsLongAsTheHogPreemptsNothingAndC16SaysSo() {
        JsonNode result = lab.runToEnd("compare", """
                {"tasks": 4, "taskMillis": 200, "switchIntervalMs": 200, "workloads": ["mixed"],
                 "models": ["threads", "gil-threads", "coroutines"]}""").get("result");

        assertOutcome(result, "C16", "not-shown");
        assertThat(evidence(result, "C16")).contains("gil-threads let the I/O wait");
        assertThat(cell(result.get("details"), "gil-threads", "mixed").get("ioP99Ms").asDouble()).isGreaterThan(200);
        assertOutcome(result, "C15", "cannot-show");
        assertOutcome(result, "C17", "cannot-show");
    }

    @Test
    void aCancelledMatrixStopsWithinASecondOrTwoAndGivesTheCoresBack() throws Exception {
        assumeTrue(Pinning.ofThisProcess().available(), "needs taskset");
        List<Integer> before = CpuSet.allowed().orElseThrow();
        String id = lab.post("/api/experiments/compare", """
                {"cpus": 1, "tasks": 8, "taskMillis": 375, "workloads": ["cpu"], "models": ["processes"]}""")
                .json().get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.current().children().count() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // the workers computing

        long start = System.nanoTime();
        assertThat(lab.delete("/api/runs/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to cancel").isLessThan(2.5);
        assertNoChildProcessesWithin(Duration.ofSeconds(2));
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(2))).isEmpty();
        assertThat(CpuSet.allowed().orElseThrow()).as("the service has its cores back").isEqualTo(before);
    }

    @Test
    void unknownModelsEmptyListsAndTooMuchWorkAreRefusedNamingWhatIsAllowed() {
        LabClient.Answer fibers = lab.post("/api/experiments/compare", "{\"models\": [\"threads\", \"fibers\"]}");
        assertThat(fibers.status()).isEqualTo(400);
        assertThat(fibers.body()).contains("models").contains("coroutines+processes").contains("fibers");
        LabClient.Answer none = lab.post("/api/experiments/compare", "{\"workloads\": []}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("workloads");
        assertThat(none.body()).contains("cpu, io, mixed");
        LabClient.Answer tooMuch = lab.post("/api/experiments/compare", "{\"tasks\": 8, \"taskMillis\": 1000}");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("errors").get(0).get("field").asString()).isEqualTo("taskMillis");
        assertThat(tooMuch.body()).contains("1..375");
        LabClient.Answer lonelyHog = lab.post("/api/experiments/compare", "{\"tasks\": 1}");
        assertThat(lonelyHog.status()).isEqualTo(400);
        assertThat(lonelyHog.json().get("errors").get(0).get("field").asString()).isEqualTo("tasks");
        assertThat(lab.post("/api/experiments/compare", "{\"tasks\": 9}").status()).isEqualTo(400);
        assertThat(lab.get("/api/runs/00000000-0000-0000-0000-000000000000/matrix.svg").status()).isEqualTo(404);
    }

    @Test
    void onlyACompareRunDrawsAResultPicture() {
        String id = lab.runToEnd("threads", "{\"tasks\": 2, \"taskMillis\": 10}").get("id").asString();

        for (String path : List.of("/picture.svg", "/picture.png", "/matrix.svg")) {
            LabClient.Answer answer = lab.get("/api/runs/" + id + path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asString()).contains("draws no picture of its result",
                    "/api/runs/" + id + "/timeline.svg");
        }
    }

    private static JsonNode cell(JsonNode details, String model, String workload) {
        return details.get("matrix").valueStream()
                .filter(c -> c.get("model").asString().equals(model) && c.get("workload").asString().equals(workload))
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + model + "/" + workload));
    }

    private static String evidence(JsonNode result, String claim) {
        return concurrencylab.Verdicts.of(result, claim).get("evidence").asString();
    }
}
