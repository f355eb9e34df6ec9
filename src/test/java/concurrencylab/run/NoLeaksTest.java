package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Await;
import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import concurrencylab.Leaks;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a run ends, however it ends, none of its threads (platform or virtual) or sockets is left: checked
 * from inside the service's own JVM.
 */
class NoLeaksTest extends LabHttpTest {

    private long fdsBefore;
    private int platformThreadsBefore;

    @BeforeEach
    void warmUpAndMeasure() throws InterruptedException {
        // One run of each workload first, so lazily created service threads and pooled connections exist already.
        lab.runToEnd("threads", """
                {"tasks": 2, "workload": "socket", "taskMillis": 1, "baseline": false}""");
        lab.runToEnd("virtual-threads", """
                {"tasks": 2, "workload": "socket", "taskMillis": 1, "baseline": false}""");
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).isEmpty();
        fdsBefore = Leaks.openFileDescriptors();
        platformThreadsBefore = Leaks.platformThreads();
    }

    @Test
    void finishedRunsLeaveNoThreadsOrSockets() throws InterruptedException {
        for (String workload : new String[] {"cpu", "sleep", "socket"}) {
            lab.runToEnd("threads", """
                    {"tasks": 8, "poolSize": 4, "workload": "%s", "taskMillis": 20, "baseline": false}""".formatted(workload));
            lab.runToEnd("virtual-threads", """
                    {"tasks": 300, "workload": "%s", "taskMillis": 5, "baseline": false}""".formatted(workload));
        }

        assertClean();
    }

    @Test
    void aCancelledSocketRunLeavesNoThreadsOrSockets() throws InterruptedException {
        LabClient.Answer answer = lab.post("/api/experiments/virtual-threads", """
                {"tasks": 1000, "workload": "socket", "taskMillis": 8000, "baseline": false}""");
        String id = answer.json().get("id").asString();
        // A thousand connections open, each waiting for its answer.
        Await.until("a thousand connections", Duration.ofSeconds(20), () -> Leaks.openFileDescriptors() > fdsBefore + 1000);
        assertThat(Leaks.runThreads()).as("the probe sees the run's virtual threads while it runs")
                .filteredOn(name -> name.contains("-vt-")).hasSizeGreaterThan(100);

        assertThat(lab.delete("/api/runs/" + id).json().get("status").asString()).isEqualTo("CANCELLED");

        assertClean();
    }

    @Test
    void aTimedOutPlatformPoolRunLeavesNoThreads() throws InterruptedException {
        String id = lab.post("/api/experiments/threads?timeout=1s", """
                {"tasks": 8, "poolSize": 8, "workload": "socket", "taskMillis": 8000, "baseline": false}""")
                .json().get("id").asString();

        assertThat(lab.awaitFinal(id, Duration.ofSeconds(10)).get("status").asString()).isEqualTo("TIMED_OUT");

        assertClean();
    }

    private void assertClean() throws InterruptedException {
        assertThat(Leaks.awaitNoRunThreads(Duration.ofSeconds(3))).as("threads a run started").isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (Leaks.openFileDescriptors() > fdsBefore + 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Leaks.openFileDescriptors()).as("open file descriptors").isLessThanOrEqualTo(fdsBefore + 4);
        // JIT compiler threads come and go on their own; a run's threads would be tens or thousands.
        assertThat(Leaks.platformThreads()).as("platform threads").isLessThanOrEqualTo(platformThreadsBefore + 3);
    }
}
