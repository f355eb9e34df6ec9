package concurrencylab.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.LabHttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The virtual-threads experiment end to end, over HTTP. */
class VirtualThreadsExperimentTest extends LabHttpTest {

    @Test
    void tenThousandSleepingTasksFinishInAboutOneSleepOnAHandfulOfOsThreads() {
        JsonNode run = lab.runToEnd("virtual-threads", "{}");

        JsonNode result = run.get("result");
        JsonNode details = result.get("details");
        assertThat(run.get("params").get("tasks").asInt()).isEqualTo(10_000);
        assertThat(result.get("wallSeconds").asDouble()).as("10,000 x 500 ms, overlapped").isLessThan(1.5);
        assertThat(details.get("peakTasksInProgress").asInt()).isGreaterThan(5_000);
        assertThat(details.get("peakPlatformThreads").asInt()).isLessThan(200);
        assertThat(details.get("peakCarrierThreads").asInt())
                .isLessThanOrEqualTo(details.get("carrierParallelism").asInt() + 2);
        assertThat(result.get("baselineMethod").asString()).startsWith("estimated");
        JsonNode verdict = result.get("verdicts").get(0);
        assertThat(verdict.get("claim").asString()).isEqualTo("C6");
        assertThat(verdict.get("confirmed").asBoolean()).isTrue();
    }

    @Test
    void cpuTasksScaleWithCoresNotWithVirtualThreads() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to show parallelism");
        JsonNode result = lab.runToEnd("virtual-threads", """
                {"tasks": 4, "workload": "cpu", "taskMillis": 200}""").get("result");

        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(result.get("speedup").asDouble()).isGreaterThanOrEqualTo(1.3).isLessThan(cores * 1.3);
        assertThat(result.get("verdicts").get(0).get("claim").asString()).isEqualTo("C5");
    }

    @Test
    void socketTasksWaitTogether() {
        JsonNode result = lab.runToEnd("virtual-threads", """
                {"tasks": 500, "workload": "socket", "taskMillis": 100, "baseline": false}""").get("result");

        assertThat(result.get("wallSeconds").asDouble()).as("500 x 100 ms, overlapped").isLessThan(0.1 * 500 / 5);
        assertThat(result.get("verdicts").get(0).get("confirmed").asBoolean()).isTrue();
        assertThat(result.get("details").get("openConnectionLimit").asInt()).isEqualTo(2000);
    }

    @Test
    void moreSocketTasksThanTheConnectionLimitWaitInWavesAndTheVerdictSaysWhy() {
        JsonNode result = lab.runToEnd("virtual-threads", """
                {"tasks": 2500, "workload": "socket", "taskMillis": 300, "baseline": false}""").get("result");

        // 2,500 tasks, 2,000 connections at once: two waves of 300 ms.
        assertThat(result.get("wallSeconds").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(result.get("verdicts").get(0).get("evidence").asString()).contains("2 waves");
    }
}
