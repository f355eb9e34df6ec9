package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The run store on a real H2 file: write, read back, filter, retention, a restart mid-run, a damaged file. */
class RunStoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunView run(String id, String experiment, RunStatus status, Instant submitted) {
        return new RunView(id, experiment, Map.of("tasks", 4), status, submitted, submitted,
                status.isFinished() ? submitted.plusSeconds(1) : null, submitted.plusSeconds(60), new Progress(1, 4),
                null, status == RunStatus.FAILED ? "boom" : null, null, RunLinks.of(id, experiment));
    }

    private static RunStore open(Path directory, int maxRuns, Duration maxAge) {
        return new RunStore(JSON, directory.resolve("runs").toString(), maxRuns, maxAge);
    }

    @Test
    void runsAreWrittenAndReadBackNewestFirstWithFilters(@TempDir Path directory) {
        try (RunStore store = open(directory, 100, Duration.ofDays(30))) {
            assertThat(store.available()).isTrue();
            Instant now = Instant.now();
            store.save(run("a", "threads", RunStatus.QUEUED, now));
            store.save(run("a", "threads", RunStatus.SUCCEEDED, now)); // the same run, later
            store.save(run("b", "gil", RunStatus.FAILED, now));
            store.save(run("c", "threads", RunStatus.RUNNING, now));

            assertThat(store.find("a").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(store.find("a").orElseThrow().params()).isEqualTo(Map.of("tasks", 4));
            assertThat(store.find("b").orElseThrow().error()).isEqualTo("boom");
            assertThat(store.list(null, null, 10)).extracting(RunView::id).containsExactly("c", "b", "a");
            assertThat(store.list("threads", null, 10)).extracting(RunView::id).containsExactly("c", "a");
            assertThat(store.list(null, RunStatus.FAILED, 10)).extracting(RunView::id).containsExactly("b");
            assertThat(store.list(null, null, 1)).extracting(RunView::id).containsExactly("c");
            assertThat(store.find("nope")).isEmpty();
        }
    }

    @Test
    void theFoldersItMakesAreReadableByTheirOwnerOnly(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("data").resolve("lab");
        try (RunStore store = new RunStore(JSON, data.resolve("runs").toString(), 100, Duration.ofDays(30))) {
            assertThat(store.available()).isTrue();
            for (Path made : new Path[] {data, data.getParent()}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).as(made.toString())
                        .isEqualTo("rwx------");
            }
        }
    }

    @Test
    void aWriterThatIsInterruptedDoesNotCloseTheStore(@TempDir Path directory) throws Exception {
        // A run's thread is interrupted when the run is cancelled, possibly while it writes its status; NIO file
        // channels close for good when their writer is interrupted, which once took the whole store down.
        try (RunStore store = open(directory, 100, Duration.ofDays(30))) {
            Instant now = Instant.now();
            Thread writer = new Thread(() -> {
                Thread.currentThread().interrupt();
                store.save(run("cancelled", "threads", RunStatus.CANCELLED, now));
            });
            writer.start();
            writer.join();
            for (int i = 0; i < 20; i++) {
                Thread.currentThread().interrupt();
                store.save(run("r" + i, "gil", RunStatus.RUNNING, now));
                Thread.interrupted();
            }

            assertThat(store.available()).as(String.valueOf(store.problem())).isTrue();
            assertThat(store.find("cancelled").orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(store.list(null, null, 100)).hasSize(21);
        }
    }

    @Test
    void runsTheServiceWasDoingWhenItDiedReadFailedAfterARestart(@TempDir Path directory) {
        try (RunStore store = open(directory, 100, Duration.ofDays(30))) {
            store.save(run("queued", "threads", RunStatus.QUEUED, Instant.now()));
            store.save(run("running", "processes", RunStatus.RUNNING, Instant.now()));
            store.save(run("done", "gil", RunStatus.SUCCEEDED, Instant.now()));
        } // as good as a kill for the file: nothing more is written

        try (RunStore restarted = open(directory, 100, Duration.ofDays(30))) {
            RunView running = restarted.find("running").orElseThrow();
            assertThat(running.status()).isEqualTo(RunStatus.FAILED);
            assertThat(running.error()).contains("the service stopped during this run");
            assertThat(running.finishedAt()).isNotNull();
            assertThat(restarted.find("queued").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
            assertThat(restarted.find("done").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    @Test
    void finishedRunsBeyondTheCountOrTheAgeAreForgottenOnWrite(@TempDir Path directory) {
        try (RunStore store = open(directory, 3, Duration.ofDays(1))) {
            store.save(run("ancient", "threads", RunStatus.SUCCEEDED, Instant.now().minus(Duration.ofDays(3))));
            store.save(run("unfinished", "threads", RunStatus.RUNNING, Instant.now()));
            for (int i = 1; i <= 5; i++) {
                store.save(run("r" + i, "threads", RunStatus.SUCCEEDED, Instant.now()));
            }

            assertThat(store.list(null, null, 100)).extracting(RunView::id)
                    .containsExactly("r5", "r4", "r3", "unfinished");
        }
    }

    @Test
    void aDamagedFileLeavesTheStoreUnavailableWithTheReasonAndTheFileUntouched(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("runs.mv.db");
        byte[] garbage = "this is not an H2 database, whatever it once was".repeat(100).getBytes();
        Files.write(file, garbage);

        try (RunStore store = open(directory, 100, Duration.ofDays(30))) {
            assertThat(store.available()).isFalse();
            assertThat(store.problem()).contains("cannot open the run store").contains(file.toString());
            var health = new RunStoreHealth(store).health();
            assertThat(health.getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
            assertThat(health.getDetails().get("problem").toString()).contains("kept in memory only");
            store.save(run("a", "threads", RunStatus.SUCCEEDED, Instant.now())); // ignored, no exception
            assertThat(store.list(null, null, 10)).isEmpty();
        }
        assertThat(Files.readAllBytes(file)).as("the file is left as it was").isEqualTo(garbage);
    }
}
