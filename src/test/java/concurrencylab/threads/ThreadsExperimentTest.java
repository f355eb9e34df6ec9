package concurrencylab.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.LabHttpTest;
import concurrencylab.Metrics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The threads experiment end to end, over HTTP. Timing checks are ratios with wide margins. */
class ThreadsExperimentTest extends LabHttpTest {

    @Test
    void cpuTasksOnTwoThreadsRunAboutTwiceAsFastAsOnOne() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to show parallelism");
        JsonNode run = lab.runToEnd("threads", """
                {"tasks": 4, "poolSize": 2, "workload": "cpu", "taskMillis": 300}""");

        JsonNode result = run.get("result");
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(result.get("baselineMethod").asString()).isEqualTo("measured");
        assertThat(result.get("speedup").asDouble()).isGreaterThanOrEqualTo(1.3);
        assertThat(result.get("cpuUtilisation").asDouble()).isGreaterThan(1.2);
        JsonNode verdict = result.get("verdicts").get(0);
        assertThat(verdict.get("claim").asString()).isEqualTo("C5");
        assertThat(verdict.get("evidence").asString()).contains("speedup");
        assertThat(run.get("progress").get("done").asLong()).isEqualTo(8); // 4 tasks + 4 baseline tasks
    }

    @Test
    void waitingTasksOverlapAsManyAtOnceAsThereAreThreads() {
        JsonNode run = lab.runToEnd("threads", """
                {"tasks": 8, "poolSize": 4, "workload": "sleep", "taskMillis": 100, "baseline": false}""");

        JsonNode result = run.get("result");
        double sequential = 8 * 0.1;
        double ideal = result.get("details").get("idealSeconds").asDouble();
        assertThat(ideal).isEqualTo(0.2);
        assertThat(result.get("wallSeconds").asDouble()).isLessThan(0.6 * sequential).isGreaterThanOrEqualTo(ideal);
        JsonNode verdict = result.get("verdicts").get(0);
        assertThat(verdict.get("claim").asString()).isEqualTo("C6");
        assertThat(verdict.get("confirmed").asBoolean()).isTrue();
        assertThat(result.has("speedup")).as("no baseline, no speedup").isFalse();
    }

    @Test
    void queueWaitShowsWhatCallersWaitBeyondExecution() {
        JsonNode details = lab.runToEnd("threads", """
                {"tasks": 4, "poolSize": 1, "workload": "sleep", "taskMillis": 100, "baseline": false}""")
                .get("result").get("details");

        // One thread, four tasks: the last one waits for the three before it.
        double execution = details.get("execution").get("p50Ms").asDouble();
        double longestWait = details.get("queueWait").get("maxMs").asDouble();
        assertThat(execution).isGreaterThanOrEqualTo(100);
        assertThat(longestWait).isGreaterThan(2.5 * execution);
    }

    @Test
    void socketTasksGetEveryByteEchoed() {
        double sentBefore = Metrics.value(lab, "lab_socket_bytes_total", "direction=\"sent\"");
        double receivedBefore = Metrics.value(lab, "lab_socket_bytes_total", "direction=\"received\"");

        JsonNode run = lab.runToEnd("threads", """
                {"tasks": 6, "poolSize": 3, "workload": "socket", "taskMillis": 50}""");

        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        double sent = Metrics.value(lab, "lab_socket_bytes_total", "direction=\"sent\"") - sentBefore;
        double received = Metrics.value(lab, "lab_socket_bytes_total", "direction=\"received\"") - receivedBefore;
        assertThat(sent).as("6 tasks + 6 baseline tasks, 1024 bytes + 4-byte header each").isEqualTo(12 * 1028);
        assertThat(received).isEqualTo(sent);
        assertThat(run.get("result").get("verdicts").get(0).get("confirmed").asBoolean()).isTrue();
    }
}
