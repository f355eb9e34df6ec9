package concurrencylab.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import concurrencylab.process.WorkerGroup.Worker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real worker processes, started the way the service starts them; no Spring. */
class WorkerGroupTest {

    // Platform threads, as in the service: a virtual thread blocked reading a pipe makes the scheduler add carriers.
    private static final ThreadFactory READERS = Thread.ofPlatform().daemon().name("test-worker-io-", 1).factory();
    private static Workers workers;

    @BeforeAll
    static void prepare() {
        workers = new Workers(new SimpleMeterRegistry());
    }

    @AfterAll
    static void cleanUp() {
        workers.destroy();
    }

    private static final Order COMPUTE = new Order.Compute(2, Duration.ofMillis(20), 1000, true, Duration.ofMillis(5));

    private static Order fault(Order.Fault fault) {
        return new Order.Misbehave(fault);
    }

    @Test
    void aWorkerStartsFromASmallSpringFreeJarAndAnswersInTheProtocol() throws Exception {
        assertThat(workers.startup()).contains("AppCDS");
        try (WorkerGroup group = workers.start(1, null, READERS)) {
            Worker worker = group.workers().getFirst();
            assertThat(worker.spawnNanos()).isPositive();
            group.send(worker, COMPUTE);

            List<String> verbs = new java.util.ArrayList<>();
            WorkerProtocol.Message last;
            do {
                last = group.next(Duration.ofSeconds(20), "to work").message();
                verbs.add(last.verb());
            } while (!last.verb().equals(WorkerProtocol.RESULT));

            assertThat(verbs).containsExactly("STARTED", "PROGRESS", "PROGRESS", "RESULT");
            assertThat(last.longField("pid")).isEqualTo(worker.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(last.longField("gilAcquisitions")).as("its own GIL, taken once per task").isEqualTo(2);
        }
        try (JarFile jar = new JarFile(workers.classpathDirectory().resolve("worker.jar").toFile())) {
            assertThat(jar.stream().map(e -> e.getName()).toList()).contains(
                    "concurrencylab/process/WorkerMain.class", "concurrencylab/gil/GlobalInterpreterLock.class")
                    .allMatch(name -> !name.contains("Experiment") && !name.contains("Controller"))
                    .hasSizeLessThan(40); // a few dozen of the lab's own classes, nothing else
        }
        ProcessesExperimentTest.assertNoChildProcessesWithin(Duration.ofSeconds(2));
    }

    @Test
    void aWorkerThatAnsweredAndExitedIsNoFailureWhileAnotherStillWorks() throws Exception {
        try (WorkerGroup group = workers.start(2, null, READERS)) {
            group.send(group.workers().get(0), new Order.Sleep(1, Duration.ofMillis(5)));
            group.send(group.workers().get(1), new Order.Sleep(1, Duration.ofMillis(800)));

            WorkerReply.Result first = group.result(Duration.ofSeconds(20), "to work");
            long quickPid = first.pid();
            // The quick worker exits now; its end of output must not be taken for a crash of it.
            WorkerReply.Result second = group.result(Duration.ofSeconds(20), "to work");
            assertThat(List.of(quickPid, second.pid())).containsExactly(group.workers().get(0).pid(),
                    group.workers().get(1).pid());
        }
    }

    @Test
    void aWorkerThatCrashesFailsWithItsNameAndExitCode() throws Exception {
        try (WorkerGroup group = workers.start(2, null, READERS)) {
            Worker second = group.workers().get(1);
            group.send(second, fault(Order.Fault.CRASH));

            assertThatThrownBy(() -> group.next(Duration.ofSeconds(20), "to work"))
                    .isInstanceOf(WorkerFailure.class)
                    .hasMessageContaining("worker 2 (pid " + second.pid() + ")")
                    .hasMessageContaining("exited with code 1");
        }
        ProcessesExperimentTest.assertNoChildProcessesWithin(Duration.ofSeconds(2));
    }

    @Test
    void aWorkerThatHangsFailsWhenItStaysSilent() throws Exception {
        try (WorkerGroup group = workers.start(1, null, READERS)) {
            group.send(group.workers().getFirst(), fault(Order.Fault.HANG));

            assertThatThrownBy(() -> group.next(Duration.ofMillis(500), "to work"))
                    .isInstanceOf(WorkerFailure.class).hasMessageContaining("no worker said anything for 500 ms")
                    .hasMessageContaining("worker 1 (pid");
        }
        ProcessesExperimentTest.assertNoChildProcessesWithin(Duration.ofSeconds(2));
    }

    @Test
    void aWorkerThatPrintsGarbageFailsQuotingIt() throws Exception {
        try (WorkerGroup group = workers.start(1, null, READERS)) {
            group.send(group.workers().getFirst(), fault(Order.Fault.GARBAGE));

            assertThatThrownBy(() -> group.next(Duration.ofSeconds(20), "to work"))
                    .isInstanceOf(WorkerFailure.class).hasMessageContaining("worker 1 (pid")
                    .hasMessageContaining("not the protocol: 'Segmentation fault");
        }
        ProcessesExperimentTest.assertNoChildProcessesWithin(Duration.ofSeconds(2));
    }

    @Test
    void aWorkerWhoseServiceGoesAwayExitsByItself() throws Exception {
        try (WorkerGroup group = workers.start(1, null, READERS)) {
            Worker worker = group.workers().getFirst();
            group.send(worker, fault(Order.Fault.HANG));
            ProcessHandle handle = ProcessHandle.of(worker.pid()).orElseThrow();
            // Closing its stdin is what the service's death looks like from the worker.
            worker.closeOrders();
            assertThat(handle.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    @Test
    void theProcessCounterCountsInItsOwnMemory() throws Exception {
        try (WorkerGroup group = workers.start(1, null, READERS)) {
            group.send(group.workers().getFirst(), new Order.Count(1000));
            WorkerProtocol.Message message;
            do {
                message = group.next(Duration.ofSeconds(20), "to count").message();
            } while (!message.verb().equals(WorkerProtocol.RESULT));
            assertThat(message.longField("count")).isEqualTo(1000);
        }
    }
}
