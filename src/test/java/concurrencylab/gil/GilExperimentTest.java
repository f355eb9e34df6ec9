package concurrencylab.gil;

import static concurrencylab.Verdicts.assertConfirmedUnlessBusy;
import static concurrencylab.Verdicts.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.Await;
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
    void computingThreadsUnderTheLockKeepOneCoreBusyWhileTheControlWithoutItUsesAll() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to show the difference");
        JsonNode locked = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "workload": "cpu", "taskMillis": 200}""").get("result");

        // Whatever the machine does, the lock never lets two threads compute at once.
        assertThat(locked.get("details").get("threadsCores").asDouble()).as("interpreter threads' cores")
                .isLessThanOrEqualTo(1.3);
        assertThat(locked.get("speedup").asDouble()).isLessThanOrEqualTo(1.3);
        JsonNode lock = locked.get("details").get("lock");
        assertThat(lock.get("switches").get("forced").asLong()).as("the threads took turns").isGreaterThan(10);
        assertThat(lock.get("heldSeconds").asDouble()).isLessThanOrEqualTo(locked.get("wallSeconds").asDouble() * 1.05);
        JsonNode control = locked.get("details").get("control");
        if (assertConfirmedUnlessBusy(locked, "C7", control.get("otherProcessesCores"))) {
            assertThat(control.get("fasterThanLocked").asDouble()).isGreaterThanOrEqualTo(1.4);
            assertThat(control.get("cpuUtilisation").asDouble()).isGreaterThanOrEqualTo(1.4);
        }
        assertOutcome(locked, "C8", "cannot-show");
    }

    @Test
    void withoutALockNeitherC7NorC8CanBeShown() {
        JsonNode computing = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "workload": "cpu", "taskMillis": 100, "gil": false}""").get("result");
        JsonNode sleeping = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 4, "workload": "sleep", "taskMillis": 100, "gil": false}""").get("result");

        assertOutcome(computing, "C7", "cannot-show");
        assertThat(computing.get("details").has("lock")).as("no lock, no lock report").isFalse();
        assertThat(computing.get("details").has("control")).as("no lock, no control").isFalse();
        assertOutcome(sleeping, "C8", "cannot-show");
        assertThat(concurrencylab.Verdicts.of(sleeping, "C8").get("evidence").asString()).contains("no GIL");
    }

    @Test
    void theFreeThreadedBuildComputesOnBothCoresAndTheGilBuildDoesNot() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to show the difference");
        JsonNode free = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "taskMillis": 150, "build": "free-threaded"}""");
        JsonNode locked = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "taskMillis": 150, "build": "gil"}""").get("result");

        assertThat(free.get("params").has("gil")).as("the older name is only echoed when given").isFalse();
        JsonNode result = free.get("result");
        assertThat(result.get("details").get("build").asString()).isEqualTo("free-threaded");
        if (assertConfirmedUnlessBusy(result, "C19", result.get("otherProcessesCores"))) {
            assertThat(result.get("speedup").asDouble()).isGreaterThanOrEqualTo(1.4);
        }
        assertOutcome(result, "C7", "cannot-show");
        assertOutcome(locked, "C19", "cannot-show");
        assertThat(locked.get("details").get("threadsCores").asDouble()).isLessThanOrEqualTo(1.3);
    }

    @Test
    void pinnedToOneCoreNoBuildComputesInParallelAndTheServiceGetsItsCoresBack() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to pin to one of them");
        JsonNode result = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "taskMillis": 100, "build": "free-threaded", "cpus": 1}""").get("result");

        assertOutcome(result, "C19", "cannot-show");
        assertThat(result.get("details").get("pinnedTo").asString()).isNotBlank();
        assertThat(result.get("speedup").asDouble()).as("one core: about as fast as one thread").isLessThan(1.3);
        assertThat(lab.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOlderGilParameterStillWorksAndMayNotContradictBuild() {
        JsonNode old = lab.runToEnd("gil", """
                {"tasks": 2, "threads": 2, "taskMillis": 50, "gil": false, "baseline": false}""");
        LabClient.Answer both = lab.post("/api/experiments/gil", """
                {"gil": true, "build": "free-threaded"}""");

        assertThat(old.get("params").get("build").asString()).isEqualTo("free-threaded");
        assertThat(old.get("result").get("details").get("gil").asBoolean()).isFalse();
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").get(0).get("field").asString()).isEqualTo("gil");
    }

    @Test
    void sleepingThreadsOverlapEvenUnderTheLock() {
        JsonNode result = lab.runToEnd("gil", """
                {"tasks": 8, "threads": 8, "workload": "sleep", "taskMillis": 200}""").get("result");

        assertThat(result.get("speedup").asDouble()).isGreaterThanOrEqualTo(4);
        assertOutcome(result, "C8", "confirmed");
        assertOutcome(result, "C7", "cannot-show");
        assertThat(result.get("details").get("lock").get("switches").get("io").asLong()).isPositive();
    }

    @Test
    void socketWaitsReleaseTheLockToo() {
        JsonNode result = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 4, "workload": "socket", "taskMillis": 100, "baseline": false}""")
                .get("result");

        assertThat(result.get("wallSeconds").asDouble()).as("four 100 ms waits, overlapped: well under 4 x 100 ms")
                .isLessThan(0.6 * 4 * 0.1);
        assertOutcome(result, "C8", "confirmed");
    }

    @Test
    void mixedTasksOverlapTheirSleepsWhileTheirComputingTakesTurns() {
        JsonNode result = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "workload": "mixed", "taskMillis": 200}""").get("result");

        // Half of each task computes, and the computing halves take turns: at most 2x over one after another.
        double baseline = result.get("baselineWallSeconds").asDouble();
        assertThat(result.get("wallSeconds").asDouble()).isGreaterThanOrEqualTo(0.9 * baseline / 2);
        assertThat(result.get("speedup").asDouble()).isGreaterThan(1.1);
        assertThat(concurrencylab.Verdicts.of(result, "C8").get("confirmed").asBoolean())
                .isEqualTo(result.get("speedup").asDouble() >= 1.15);
    }

    @Test
    void anIoThreadBesideAComputingOneWaitsAboutASwitchIntervalPerOperation() {
        JsonNode five = lab.runToEnd("gil-convoy", "{}").get("result");
        JsonNode one = lab.runToEnd("gil-convoy", """
                {"switchIntervalMs": 1}""").get("result");

        JsonNode details = five.get("details");
        assertThat(details.get("slowdown").asDouble()).isGreaterThanOrEqualTo(5);
        assertThat(one.get("details").get("slowdown").asDouble()).as("a shorter interval, a smaller slowdown")
                .isLessThan(0.7 * details.get("slowdown").asDouble());
        if (assertConfirmedUnlessBusy(five, "C12", five.get("otherProcessesCores"))) {
            assertThat(details.get("addedWaitPerOpMs").asDouble()).isBetween(2.5, 15.0);
        }
        assertThat(concurrencylab.Verdicts.of(five, "C12").get("evidence").asString()).doesNotContain("CPython");
        assertThat(details.get("reference").get("measuredBy").asString()).contains("not this run");
        assertThat(Metrics.value(lab, "lab_gil_convoy_slowdown", "")).isPositive();
    }

    @Test
    void withoutAGilThereIsNoConvoy() {
        JsonNode result = lab.runToEnd("gil-convoy", """
                {"gil": false}""").get("result");

        assertOutcome(result, "C12", "cannot-show");
        assertThat(result.get("details").get("slowdown").asDouble()).as("no lock to wait for").isLessThan(3);
        assertThat(result.get("details").has("lock")).isFalse();
    }

    @Test
    void theGilMetricsAreInTheScrape() {
        lab.runToEnd("gil", """
                {"tasks": 2, "threads": 2, "taskMillis": 50, "baseline": false}""");

        assertThat(Metrics.value(lab, "lab_gil_wait_seconds_count", "experiment=\"gil\"")).isPositive();
        assertThat(Metrics.scrape(lab)).anyMatch(line -> line.startsWith("lab_gil_wait_seconds_bucket{"));
        assertThat(Metrics.value(lab, "lab_gil_switches_total", "experiment=\"gil\",reason=\"forced\"")).isPositive();
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
        // One thread computes, seven wait for the lock: all eight interpreter threads are up.
        Await.until("8 interpreter threads", Duration.ofSeconds(10),
                () -> Leaks.runThreads().stream().filter(name -> name.contains("-gil-")).count() == 8);

        assertThat(lab.delete("/api/runs/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).isEmpty();

        String convoy = lab.post("/api/experiments/gil-convoy", """
                {"ioOps": 10000, "ioMillis": 1}""").json().get("id").asString();
        Await.until("the convoy's I/O operations under way", Duration.ofSeconds(10),
                () -> lab.get("/api/runs/" + convoy).json().get("progress").get("done").asLong() > 0);
        assertThat(lab.delete("/api/runs/" + convoy).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).isEmpty();
    }
}
