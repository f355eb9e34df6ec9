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
import concurrencylab.Verdicts;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The interpreters experiment end to end, over HTTP: C18 and its controls, the copies, the isolation check. */
class InterpretersExperimentTest extends LabHttpTest {

    @Test
    void twoInterpretersComputeOnTwoCoresAndKeepTheirStateApart() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores to show interpreters in parallel");
        JsonNode result = lab.runToEnd("interpreters", """
                {"tasks": 4, "interpreters": 2, "workload": "cpu", "taskMillis": 200, "payloadBytes": 100000}""")
                .get("result");

        JsonNode details = result.get("details");
        if (assertConfirmedUnlessBusy(result, "C18", result.get("otherProcessesCores"))) {
            assertThat(result.get("speedup").asDouble()).isGreaterThanOrEqualTo(1.4);
            assertThat(details.get("threadsCores").asDouble()).isGreaterThanOrEqualTo(1.4);
        }
        JsonNode isolation = details.get("isolation");
        assertThat(isolation.get("sameInterpreterSawIt").asBoolean()).as("the check can see a marker").isTrue();
        assertThat(isolation.get("othersChecked").asInt()).isEqualTo(1);
        assertThat(isolation.get("othersThatSawIt")).as("interpreter 1 never saw interpreter 0's marker").isEmpty();
        assertThat(details.get("tasksPerInterpreter").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(4);
        assertThat(details.get("tasksPerInterpreter")).hasSize(2);
        // Each task in (8-byte header + payload) and each result out (20 bytes), one copy each way.
        assertThat(details.get("copiedBytes").asLong()).isEqualTo(4 * (8 + 100_000 + 20));
        assertThat(details.get("copies").asLong()).isEqualTo(8);
        assertThat(details.get("copyMillis").asDouble()).isPositive();
        assertThat(details.get("interpreterStartMs").asDouble()).isPositive();
        assertThat(details.get("locks")).as("a lock per interpreter").hasSize(2);
        assertThat(Metrics.value(lab, "lab_interpreters_copied_bytes_total", "experiment=\"interpreters\""))
                .isGreaterThanOrEqualTo(4 * 100_000);
        assertThat(Metrics.value(lab, "lab_gil_wait_seconds_count", "experiment=\"interpreters\"")).isPositive();
    }

    @Test
    void threadsOfOneInterpreterTakeTurnsUnderItsOneGil() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores for the turns to mean anything");
        JsonNode result = lab.runToEnd("interpreters", """
                {"tasks": 4, "interpreters": 1, "threadsPerInterpreter": 2, "taskMillis": 150}""").get("result");

        assertOutcome(result, "C18", "cannot-show");
        assertThat(Verdicts.of(result, "C18").get("evidence").asString()).contains("took turns", "interpreters=2");
        assertThat(result.get("details").get("threadsCores").asDouble()).as("one GIL, one core at a time")
                .isLessThanOrEqualTo(1.3);
        assertThat(result.get("details").get("locks").get(0).get("switches").get("forced").asLong()).isPositive();
    }

    @Test
    void oneInterpreterSleepingTasksOneCoreAndASharedGilCannotShowIt() {
        JsonNode one = lab.runToEnd("interpreters", """
                {"tasks": 2, "interpreters": 1, "taskMillis": 50}""").get("result");
        JsonNode sleeping = lab.runToEnd("interpreters", """
                {"tasks": 4, "interpreters": 2, "workload": "sleep", "taskMillis": 100}""").get("result");
        JsonNode shared = lab.runToEnd("interpreters", """
                {"tasks": 4, "interpreters": 2, "gil": "shared", "taskMillis": 100}""").get("result");

        assertOutcome(one, "C18", "cannot-show");
        assertOutcome(sleeping, "C18", "cannot-show");
        assertThat(Verdicts.of(sleeping, "C18").get("evidence").asString()).contains("workload=cpu");
        assertOutcome(shared, "C18", "cannot-show");
        assertThat(shared.get("details").get("locks")).as("one lock for both").hasSize(1);
        assertThat(shared.get("details").get("threadsCores").asDouble()).isLessThanOrEqualTo(1.3);
        if (ThreadAffinityAvailable.yes()) {
            JsonNode pinned = lab.runToEnd("interpreters", """
                    {"tasks": 4, "interpreters": 2, "taskMillis": 100, "cpus": 1}""").get("result");
            assertOutcome(pinned, "C18", "cannot-show");
            assertThat(pinned.get("speedup").asDouble()).as("one core: about as fast as one interpreter")
                    .isLessThan(1.3);
            assertThat(lab.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void tooManyThreadsInAllOrTooBigAPayloadIsRefusedNamingTheField() {
        LabClient.Answer threads = lab.post("/api/experiments/interpreters", """
                {"interpreters": 64, "threadsPerInterpreter": 64}""");
        LabClient.Answer payload = lab.post("/api/experiments/interpreters", """
                {"payloadBytes": 2000000}""");
        LabClient.Answer gil = lab.post("/api/experiments/interpreters", """
                {"gil": "none"}""");

        assertThat(threads.status()).isEqualTo(400);
        assertThat(threads.json().get("errors").get(0).get("field").asString()).isEqualTo("threadsPerInterpreter");
        assertThat(payload.status()).isEqualTo(400);
        assertThat(payload.json().get("errors").get(0).get("allowed").asString()).isEqualTo("0..1048576");
        assertThat(gil.status()).isEqualTo(400);
    }

    @Test
    void aCancelledRunLeavesNoInterpreterThreadBehind() throws InterruptedException {
        String id = lab.post("/api/experiments/interpreters", """
                {"tasks": 4, "interpreters": 2, "threadsPerInterpreter": 2, "taskMillis": 5000, "baseline": false}""")
                .json().get("id").asString();
        Await.until("4 interpreter threads", Duration.ofSeconds(10),
                () -> Leaks.runThreads().stream().filter(name -> name.contains("-interpreter-")).count() == 4);

        assertThat(lab.delete("/api/runs/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).isEmpty();
    }

    /** Whether this machine can pin the service's threads (Linux). */
    private static final class ThreadAffinityAvailable {
        static boolean yes() {
            return concurrencylab.experiment.ThreadAffinity.available()
                    && Runtime.getRuntime().availableProcessors() >= 2;
        }
    }
}
