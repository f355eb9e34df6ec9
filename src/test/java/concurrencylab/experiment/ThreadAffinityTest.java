package concurrencylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Narrowing the whole service and giving it back, while threads start and end all the time: after every try each
 * thread of this JVM is back on all of its CPUs, read from /proc/self/task/N/status (taskset -a stopped at the first
 * thread that had gone and left the rest on one core).
 */
class ThreadAffinityTest {

    @Test
    void theServiceIsBackOnAllItsCpusAfterEveryTryWhileThreadsStartAndEnd() throws Exception {
        assumeTrue(ThreadAffinity.available(), "needs Linux's sched_setaffinity and /proc/self/task");
        List<Integer> all = ThreadAffinity.serviceCpus();
        assumeTrue(all.size() >= 2, "needs 2 CPUs to narrow to one of them");
        AtomicBoolean churning = new AtomicBoolean(true);
        AtomicLong born = new AtomicLong();
        List<Thread> churners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Each churner starts short-lived threads, which start one more each: threads appear and end
            // throughout, some created by threads the narrowing or the restore has not reached yet.
            churners.add(Thread.ofPlatform().name("churner-" + i).start(() -> {
                while (churning.get()) {
                    Thread child = Thread.ofPlatform().name("churned").start(() -> {
                        born.incrementAndGet();
                        Thread.ofPlatform().name("churned-grandchild").start(born::incrementAndGet);
                    });
                    try {
                        child.join();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        try {
            for (int attempt = 0; attempt < 40; attempt++) {
                try (ThreadAffinity.Narrowing narrowed = ThreadAffinity.narrow(all.subList(0, 1))) {
                    assertThat(ThreadAffinity.narrowedOnPurpose()).isTrue();
                    assertThat(CpuSet.allowed().orElseThrow()).as("the main thread is narrowed").isEqualTo(all.subList(0, 1));
                }
                assertThat(ThreadAffinity.narrowedOnPurpose()).isFalse();
                assertThat(ThreadAffinity.threadsNotOn(all)).as("try " + attempt + ": every thread back on " + all)
                        .isEmpty();
            }
        } finally {
            churning.set(false);
            for (Thread churner : churners) {
                churner.join();
            }
        }
        assertThat(born.get()).as("threads started and ended meanwhile").isGreaterThan(100);
    }

    @Test
    void aThreadLeftNarrowedIsFoundNamedAndGivenBackBeforeTheNextRun() throws Exception {
        assumeTrue(ThreadAffinity.available(), "needs Linux's sched_setaffinity and /proc/self/task");
        List<Integer> all = ThreadAffinity.serviceCpus();
        assumeTrue(all.size() >= 2, "needs 2 CPUs to narrow to one of them");
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        Thread sleeper = Thread.ofPlatform().name("left-narrowed").start(() -> {
            try {
                running.countDown(); // by now the JVM has given the OS thread its name
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // done
            }
        });
        try {
            running.await();
            // One thread on one CPU, as a restore that stopped half-way would leave it.
            Process taskset = new ProcessBuilder("taskset", "-p", "-c", CpuSet.format(all.subList(0, 1)),
                    Long.toString(tidOf("left-narrowed"))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assumeTrue(taskset.waitFor() == 0, "needs taskset to narrow one thread");

            assertThat(ThreadAffinity.threadsNotOn(all)).singleElement().asString().contains("left-narrowed");
            ThreadAffinity.ensureWhole();
            assertThat(ThreadAffinity.threadsNotOn(all)).isEmpty();
        } finally {
            sleeper.interrupt();
            sleeper.join();
        }
    }

    /** The OS thread id of the thread named {@code name}, from /proc/self/task. */
    private static long tidOf(String name) throws Exception {
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                if (java.nio.file.Files.readString(task.resolve("comm")).strip().equals(name)) {
                    return Long.parseLong(task.getFileName().toString());
                }
            }
        }
        throw new AssertionError("no thread named " + name);
    }
}
