package concurrencylab.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import concurrencylab.Leaks;
import concurrencylab.Metrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gil and gil-convoy experiments end to end, over HTTP. Timing checks are ratios with wide margins. */
class GilExperimentTest extends LabHttpTest {

    @Test
    void computingThreadsUnderTheLockAreNoFasterThanOneAndWithoutItScaleWithCores() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to show the difference");
        JsonNode locked = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "workload": "cpu", "taskMillis": 200}""").get("result");
        JsonNode free = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "workload": "cpu", "taskMillis": 200, "gil": false}""").get("result");

        assertThat(locked.get("speedup").asDouble()).isLessThanOrEqualTo(1.3);
        assertThat(free.get("speedup").asDouble()).isGreaterThan(1.3 * locked.get("speedup").asDouble());
        assertThat(locked.get("cpuUtilisation").asDouble()).as("one core busy under the lock").isLessThan(1.4);
        JsonNode verdict = locked.get("verdicts").get(0);
        assertThat(verdict.get("claim").asString()).isEqualTo("C7");
        assertThat(verdict.get("confirmed").asBoolean()).isTrue();
        JsonNode lock = locked.get("details").get("lock");
        assertThat(lock.get("switches").get("forced").asLong()).as("the threads took turns").isGreaterThan(10);
        assertThat(lock.get("heldSeconds").asDouble()).isLessThanOrEqualTo(locked.get("wallSeconds").asDouble() * 1.05);
        assertThat(free.get("details").has("lock")).as("no lock, no lock report").isFalse();
    }

    @Test
    void sleepingThreadsOverlapEvenUnderTheLock() {
        JsonNode result = lab.runToEnd("gil", """
                {"tasks": 8, "threads": 8, "workload": "sleep", "taskMillis": 200}""").get("result");

        assertThat(result.get("speedup").asDouble()).isGreaterThanOrEqualTo(4);
        JsonNode verdict = result.get("verdicts").get(0);
        assertThat(verdict.get("claim").asString()).isEqualTo("C8");
        assertThat(verdict.get("confirmed").asBoolean()).isTrue();
        assertThat(result.get("details").get("lock").get("switches").get("io").asLong()).isPositive();
    }

    @Test
    void socketWaitsReleaseTheLockToo() {
        JsonNode result = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 4, "workload": "socket", "taskMillis": 100, "baseline": false}""")
                .get("result");

        assertThat(result.get("wallSeconds").asDouble()).as("four 100 ms waits, overlapped: well under 4 x 100 ms")
                .isLessThan(0.6 * 4 * 0.1);
        assertThat(result.get("verdicts").get(0).get("confirmed").asBoolean()).isTrue();
    }

    @Test
    void mixedTasksOverlapTheirSleepsWhileTheirComputingTakesTurns() {
        JsonNode result = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "workload": "mixed", "taskMillis": 200}""").get("result");

        double serialCompute = 4 * 0.1;
        assertThat(result.get("wallSeconds").asDouble()).isGreaterThanOrEqualTo(0.9 * serialCompute);
        assertThat(result.get("speedup").asDouble()).isGreaterThan(1.1);
        assertThat(result.get("verdicts").get(0).get("claim").asString()).isEqualTo("C8");
    }

    @Test
    void anIoThreadBesideAComputingOneWaitsAboutASwitchIntervalPerOperation() {
        JsonNode five = lab.runToEnd("gil-convoy", "{}").get("result");
        JsonNode one = lab.runToEnd("gil-convoy", """
                {"switchIntervalMs": 1}""").get("result");

        JsonNode details = five.get("details");
        assertThat(details.get("slowdown").asDouble()).isGreaterThanOrEqualTo(5);
        assertThat(details.get("addedWaitPerOpMs").asDouble()).isBetween(2.5, 15.0);
        assertThat(one.get("details").get("slowdown").asDouble()).as("a shorter interval, a smaller slowdown")
                .isLessThan(0.7 * details.get("slowdown").asDouble());
        JsonNode verdict = five.get("verdicts").get(0);
        assertThat(verdict.get("claim").asString()).isEqualTo("C12");
        assertThat(verdict.get("confirmed").asBoolean()).isTrue();
        assertThat(Metrics.value(lab, "lab_gil_convoy_slowdown", "")).isPositive();
    }

    @Test
    void theGilMetricsAreInTheScrape() {
        lab.runToEnd("gil", """
                {"tasks": 2, "threads": 2, "taskMillis": 50, "baseline": false}""");

        assertThat(Metrics.value(lab, "lab_gil_wait_seconds_count", "experiment=\"gil\"")).isPositive();
        assertThat(Metrics.scrape(lab)).anyMatch(line -> line.startsWith("lab_gil_wait_seconds_bucket{"));
        assertThat(Metrics.value(lab, "lab_gil_switches_total", "reason=\"forced\"")).isPositive();
    }

    @Test
    void aSwitchIntervalOutOfRangeIsRefusedNamingTheRange() {
        LabClient.Answer answer = lab.post("/api/experiments/gil", """
                {"switchIntervalMs": 0}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("switchIntervalMs");
        assertThat(error.get("allowed").asString()).isEqualTo("0.1..100");
        assertThat(lab.post("/api/experiments/gil", """
                {"workload": "gpu"}""").status()).isEqualTo(400);
        assertThat(lab.post("/api/experiments/gil-convoy", """
                {"ioMillis": 1000}""").status()).isEqualTo(400);
    }

    @Test
    void aCancelledRunLeavesNoThreadWaitingForTheLock() throws InterruptedException {
        String id = lab.post("/api/experiments/gil", """
                {"tasks": 8, "threads": 8, "workload": "cpu", "taskMillis": 5000, "baseline": false}""")
                .json().get("id").asString();
        Thread.sleep(500); // one thread computes, seven wait for the lock

        assertThat(lab.delete("/api/runs/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).isEmpty();

        String convoy = lab.post("/api/experiments/gil-convoy", """
                {"ioOps": 10000, "ioMillis": 1}""").json().get("id").asString();
        Thread.sleep(500);
        assertThat(lab.delete("/api/runs/" + convoy).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).isEmpty();
    }
}
