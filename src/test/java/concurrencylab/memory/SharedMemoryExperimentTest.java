package concurrencylab.memory;

import static concurrencylab.Verdicts.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import concurrencylab.Metrics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shared-memory experiment end to end, over HTTP. */
class SharedMemoryExperimentTest extends LabHttpTest {

    @Test
    void threadsThatShareACounterWithoutProtectionLoseUpdates() {
        // The race is real, so a run may now and then lose nothing; three runs that all lose nothing would be news.
        JsonNode details = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            details = lab.runToEnd("shared-memory", "{}").get("result").get("details");
            if (details.get("lostUpdates").asLong() > 0) {
                break;
            }
        }
        assertThat(details.get("expected").asLong()).isEqualTo(10_000_000);
        assertThat(details.get("lostUpdates").asLong()).isPositive()
                .isEqualTo(details.get("expected").asLong() - details.get("actual").asLong());
        assertThat(Metrics.value(lab, "lab_memory_lost_updates", "mode=\"unsynchronized\"")).isPositive();
    }

    @Test
    void aLockOrAnAtomicCounterLosesNone() {
        for (String mode : new String[] {"atomic", "synchronized"}) {
            JsonNode result = lab.runToEnd("shared-memory", """
                    {"workers": 4, "increments": 1000000, "mode": "%s"}""".formatted(mode)).get("result");

            assertThat(result.get("details").get("actual").asLong()).as(mode).isEqualTo(4_000_000);
            assertThat(result.get("details").get("lostUpdates").asLong()).isZero();
            assertOutcome(result, "C4", "confirmed");
            assertOutcome(result, "C1", "cannot-show");
        }
    }

    @Test
    void oneWorkerHasNobodyToShareACounterWith() {
        JsonNode result = lab.runToEnd("shared-memory", """
                {"workers": 1, "increments": 1000, "mode": "atomic"}""").get("result");

        assertThat(result.get("details").get("lostUpdates").asLong()).isZero();
        assertOutcome(result, "C4", "cannot-show");
    }

    @Test
    void threadsSeeTheServicesMarkAndChildProcessesSeeOnlyTheirOwnMemory() throws InterruptedException {
        JsonNode result = lab.runToEnd("shared-memory", """
                {"workers": 2, "increments": 1000000, "mode": "processes"}""").get("result");

        JsonNode isolation = result.get("details").get("isolation");
        long marker = isolation.get("marker").asLong();
        assertThat(isolation.get("threadsSaw").valueStream().map(JsonNode::asLong)).allMatch(seen -> seen >= marker);
        assertThat(isolation.get("serviceAfterThreads").asLong()).isEqualTo(marker + 2_000_000);
        assertThat(isolation.get("children").valueStream().map(c -> c.get("saw").asLong())).containsExactly(0L, 0L);
        assertThat(isolation.get("children").valueStream().map(c -> c.get("count").asLong()))
                .containsExactly(1_000_000L, 1_000_000L);
        assertThat(isolation.get("serviceAfterChildren").asLong()).isEqualTo(marker + 2_000_000);
        assertOutcome(result, "C4", "confirmed");
        assertOutcome(result, "C1", "confirmed");
        concurrencylab.process.ProcessesExperimentTest.assertNoChildProcessesWithin(java.time.Duration.ofSeconds(2));
    }
}
