package concurrencylab.threads;

import static concurrencylab.Verdicts.assertConfirmedUnlessBusy;
import static concurrencylab.Verdicts.assertOutcome;
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
        assertThat(result.get("baselineMethod").asString()).startsWith("nominal");
        assertOutcome(result, "C6", "confirmed");
        assertOutcome(result, "C5", "cannot-show");
    }

    @Test
    void cpuTasksScaleWithCoresNotWithVirtualThreadsAndNeverSuspend() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to show parallelism");
        JsonNode result = lab.runToEnd("virtual-threads", """
                {"tasks": 4, "workload": "cpu", "taskMillis": 200}""").get("result");

        ThreadsExperimentTest.assertSpeedupWithinBusyCores(result);
        if (assertConfirmedUnlessBusy(result, "C5", result.get("otherProcessesCores"))) {
            assertThat(result.get("speedup").asDouble()).isGreaterThanOrEqualTo(1.4);
        }
        assertOutcome(result, "C6", "cannot-show");
    }

    @Test
    void socketTasksWaitTogether() {
        JsonNode result = lab.runToEnd("virtual-threads", """
                {"tasks": 500, "workload": "socket", "taskMillis": 100, "baseline": false}""").get("result");

        assertThat(result.get("wallSeconds").asDouble()).as("500 x 100 ms, overlapped").isLessThan(0.1 * 500 / 5);
        assertOutcome(result, "C6", "confirmed");
        assertThat(result.get("details").get("openConnectionLimit").asInt()).isEqualTo(2000);
    }

    @Test
    void moreSocketTasksThanTheConnectionLimitWaitInWavesAndTheVerdictSaysWhy() {
        JsonNode result = lab.runToEnd("virtual-threads", """
                {"tasks": 2500, "workload": "socket", "taskMillis": 300, "baseline": false}""").get("result");

        // 2,500 tasks, 2,000 connections at once: two waves of 300 ms.
        assertThat(result.get("wallSeconds").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(concurrencylab.Verdicts.of(result, "C6").get("evidence").asString()).contains("2 waves");
    }
}
