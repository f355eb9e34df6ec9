package concurrencylab.process;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import concurrencylab.PackagedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged service (started with bin/lab) stopped during a processes run, as an operator or the OOM killer would: SIGTERM cancels the
 * run, records it CANCELLED and leaves no worker; SIGKILL leaves the workers to exit by themselves (they watch their
 * stdin), and the next start on the same store reads the run FAILED, saying the service stopped during it.
 */
class StopsIT {

    private static final String LONG_PROCESSES_RUN = """
            {"tasks": 2, "processes": 2, "workload": "sleep", "taskMillis": 10000, "baseline": false}""";

    @Test
    void sigtermCancelsTheRunRecordsItAndLeavesNoWorker() throws Exception {
        Path store = Files.createTempDirectory("lab-stops").resolve("runs");
        Stopped stopped = stopDuringARun(store, service -> {
            long sent = System.nanoTime();
            service.process().destroy(); // SIGTERM
            assertThat(service.process().waitFor(20, TimeUnit.SECONDS)).as("the service stopped").isTrue();
            long tookMillis = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("SIGTERM to exit, the running run cancelled on the way: " + tookMillis + " ms");
            // A hang guard, not a speed target: 263-291 ms here.
            assertThat(tookMillis).as("SIGTERM to exit, ms").isLessThan(10_000);
        });
        awaitGone(stopped.workers(), Duration.ofSeconds(2));
        try (PackagedService restarted = PackagedService.launch(store)) {
            JsonNode run = restarted.lab().get("/api/runs/" + stopped.runId()).json();
            assertThat(run.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(run.get("error").asString()).contains("service is stopping");
        }
    }

    @Test
    void afterSigkillTheWorkersExitByThemselvesAndTheNextStartReadsTheRunFailed() throws Exception {
        Path store = Files.createTempDirectory("lab-stops").resolve("runs");
        Stopped stopped = stopDuringARun(store, service -> {
            service.process().destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertThat(service.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        });
        awaitGone(stopped.workers(), Duration.ofSeconds(3)); // their stdin closed with the service: they exit
        try (PackagedService restarted = PackagedService.launch(store)) {
            JsonNode run = restarted.lab().get("/api/runs/" + stopped.runId()).json();
            assertThat(run.get("status").asString()).isEqualTo("FAILED");
            assertThat(run.get("error").asString()).contains("the service stopped during this run");
            assertThat(restarted.lab().get("/actuator/health").json().get("components").get("runStore")
                    .get("status").asString()).isEqualTo("UP");
        }
    }

    /** The run that was going on, and the worker processes it had, when the service was stopped. */
    private record Stopped(String runId, List<ProcessHandle> workers) {
    }

    @FunctionalInterface
    private interface Stop {
        void stop(PackagedService service) throws Exception;
    }

    /** Starts the service on {@code store}, a processes run on it, and stops the service while its workers work. */
    private static Stopped stopDuringARun(Path store, Stop stop) throws Exception {
        try (PackagedService service = PackagedService.launch(store)) {
            String id = startAndAwaitWorkers(service);
            List<ProcessHandle> workers = service.process().toHandle().descendants().toList();
            stop.stop(service);
            return new Stopped(id, workers);
        }
    }

    private static String startAndAwaitWorkers(PackagedService service) throws InterruptedException {
        LabClient lab = service.lab();
        String id = lab.post("/api/experiments/processes", LONG_PROCESSES_RUN).json().get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // The run stays QUEUED while the service warms up, whose own workers come and go meanwhile: the run's
        // workers are the children once it is RUNNING.
        while (!"RUNNING".equals(lab.get("/api/runs/" + id).json().get("status").asString())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(lab.get("/api/runs/" + id).json().get("status").asString()).isEqualTo("RUNNING");
        while (service.process().toHandle().children().count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(service.process().toHandle().children().count()).as("worker processes").isGreaterThanOrEqualTo(2);
        return id;
    }

    private static void awaitGone(List<ProcessHandle> processes, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
                .as("worker processes still alive").isEmpty();
    }
}
