package concurrencylab.process;

import static concurrencylab.Verdicts.assertConfirmedUnlessBusy;
import static concurrencylab.Verdicts.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import concurrencylab.Leaks;
import concurrencylab.Metrics;
import concurrencylab.threads.ThreadsExperimentTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The processes experiment end to end, over HTTP, with real worker JVMs. Timing checks are ratios. */
public class ProcessesExperimentTest extends LabHttpTest {

    public static void assertNoChildProcessesWithin(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (ProcessHandle.current().children().findAny().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.current().children().map(p -> p.pid() + " " + p.info().command().orElse("?"))
                .toList()).as("child processes of the service").isEmpty();
    }

    @Test
    void twoWorkerProcessesComputeAtTheSameTimeWhereThreadsUnderOneGilCannot() throws InterruptedException {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to show parallelism");
        JsonNode run = lab.runToEnd("processes", """
                {"tasks": 4, "processes": 2, "workload": "cpu", "taskMillis": 300}""");

        JsonNode result = run.get("result");
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        ThreadsExperimentTest.assertSpeedupWithinBusyCores(result);
        if (assertConfirmedUnlessBusy(result, "C2", result.get("otherProcessesCores"))) {
            assertThat(result.get("speedup").asDouble()).isGreaterThanOrEqualTo(1.4);
        }
        JsonNode oneGil = result.get("details").get("oneGilThreads");
        assertThat(oneGil.get("threadsCores").asDouble()).as("threads under one GIL: one core").isLessThanOrEqualTo(1.3);
        if (assertConfirmedUnlessBusy(result, "C9", result.get("otherProcessesCores"))) {
            assertThat(oneGil.get("processesFasterBy").asDouble()).isGreaterThanOrEqualTo(1.4);
        }
        assertOutcome(result, "C3", "cannot-show");
        JsonNode workers = result.get("details").get("workers");
        assertThat(workers).hasSize(2);
        assertThat(workers.get(0).get("pid").asLong()).isNotEqualTo(workers.get(1).get("pid").asLong())
                .isNotEqualTo(ProcessHandle.current().pid());
        assertThat(workers.get(0).get("cpuSeconds").asDouble()).as("the worker's own CPU time").isGreaterThan(0.3);
        assertThat(result.get("details").get("spawn").get("count").asInt()).isEqualTo(2);
        assertThat(Metrics.value(lab, "lab_process_spawn_seconds_count", "")).isGreaterThanOrEqualTo(2);
        assertNoChildProcessesWithin(Duration.ofSeconds(2));
    }

    @Test
    void sleepingWorkersOverlapButCannotShowParallelCoresAndWorkersWithoutAGilCannotShowC9() {
        JsonNode sleeping = lab.runToEnd("processes", """
                {"workload": "sleep", "tasks": 4, "processes": 4, "taskMillis": 200}""").get("result");
        JsonNode noGil = lab.runToEnd("processes", """
                {"tasks": 2, "processes": 2, "taskMillis": 100, "gil": false}""").get("result");

        assertThat(sleeping.get("speedup").asDouble()).as("the waits overlapped").isGreaterThan(2);
        assertOutcome(sleeping, "C2", "cannot-show");
        assertOutcome(sleeping, "C9", "cannot-show");
        assertOutcome(noGil, "C9", "cannot-show");
        assertThat(noGil.get("details").has("oneGilThreads")).isFalse();
    }

    @Test
    void workersPinnedToOneCoreTakeTurnsAndGetNoFaster() throws InterruptedException {
        assumeTrue(Pinning.ofThisProcess().available(), "needs taskset");
        JsonNode result = lab.runToEnd("processes", """
                {"tasks": 4, "processes": 2, "workload": "cpu", "taskMillis": 300, "cpus": 1}""").get("result");

        assertThat(result.get("speedup").asDouble()).isLessThanOrEqualTo(1.3);
        assertThat(result.get("details").get("intervalsOverlap").asBoolean()).isTrue();
        assertThat(result.get("details").get("pinnedToCpus").asString())
                .isEqualTo(Pinning.ofThisProcess().cpuList(1));
        assertOutcome(result, "C3", "confirmed");
        assertOutcome(result, "C2", "cannot-show");
        assertOutcome(result, "C9", "cannot-show");
        assertNoChildProcessesWithin(Duration.ofSeconds(2));
    }

    @Test
    void aCancelledRunLeavesNoWorkerBehind() throws InterruptedException {
        String id = lab.post("/api/experiments/processes", """
                {"tasks": 4, "processes": 4, "workload": "sleep", "taskMillis": 10000, "baseline": false}""")
                .json().get("id").asString();
        awaitChildren(4);

        assertThat(lab.delete("/api/runs/" + id).json().get("status").asString()).isEqualTo("CANCELLED");

        assertNoChildProcessesWithin(Duration.ofSeconds(2));
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aWorkerKilledMidRunFailsTheRunNamingItAndTheOthersAreDestroyed() throws InterruptedException {
        String id = lab.post("/api/experiments/processes", """
                {"tasks": 3, "processes": 3, "workload": "sleep", "taskMillis": 10000, "baseline": false}""")
                .json().get("id").asString();
        awaitChildren(3);
        assertThat(lab.get("/api/runs/" + id).json().get("status").asString()).isEqualTo("RUNNING");
        ProcessHandle victim = ProcessHandle.current().children().findFirst().orElseThrow();
        victim.destroyForcibly();

        JsonNode run = lab.awaitFinal(id, Duration.ofSeconds(10));
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("error").asString()).contains("(pid " + victim.pid() + ")").contains("before it answered")
                .contains("exited with code 137"); // 128 + SIGKILL
        assertNoChildProcessesWithin(Duration.ofSeconds(2));
    }

    @Test
    void pinningToMoreCoresThanTheMachineHasIsRefused() {
        LabClient.Answer answer = lab.post("/api/experiments/processes", "{\"cpus\": "
                + (Runtime.getRuntime().availableProcessors() + 1) + "}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("cpus");
        assertThat(lab.post("/api/experiments/processes", """
                {"processes": 100000}""").status()).isEqualTo(400);
    }

    private static void awaitChildren(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.current().children().count() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.current().children().count()).isGreaterThanOrEqualTo(count);
    }
}
