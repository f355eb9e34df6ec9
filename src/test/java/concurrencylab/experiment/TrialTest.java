package concurrencylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The measuring skeleton: progress totals, the baseline rule, the executor's end, and the per-task hook. */
class TrialTest {

    private static final LabLimits LIMITS = new LabLimits(100, 16, 10_000, 100, 4, Duration.ofSeconds(1), 1, 4, 10,
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(10), 1000, 32);

    /** A context that counts progress, collects task events, and can be stopped. */
    private static final class FakeContext implements RunContext {
        final AtomicLong total = new AtomicLong();
        final AtomicLong done = new AtomicLong();
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Runnable> onStop = new CopyOnWriteArrayList<>();
        volatile boolean stopped;

        @Override
        public String runId() {
            return "00000000-trial";
        }

        @Override
        public void setTotal(long steps) {
            total.set(steps);
        }

        @Override
        public void advance() {
            done.incrementAndGet();
        }

        @Override
        public boolean isStopRequested() {
            return stopped;
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(30);
        }

        @Override
        public void onStop(Runnable action) {
            onStop.add(action);
        }

        @Override
        public ThreadFactory platformThreads(String role) {
            return Thread.ofPlatform().name("trial-" + role + "-", 1).factory();
        }

        @Override
        public ThreadFactory virtualThreads(String role) {
            return Thread.ofVirtual().name("trial-" + role + "-", 1).factory();
        }

        @Override
        public TaskObserver tasks() {
            return new TaskObserver() {
                @Override
                public void started(int index, long submittedNanos, long startedNanos) {
                    events.add("started " + index + " on " + Thread.currentThread().getName().startsWith("trial-"));
                }

                @Override
                public void ended(int index, Trial.Timing timing, boolean completed) {
                    events.add("ended " + index + (completed ? "" : " failed"));
                }
            };
        }
    }

    @Test
    void aPhaseTimesEveryTaskReportsItAndShutsItsExecutorDown() throws Exception {
        FakeContext context = new FakeContext();
        Trial trial = Trial.plan(context, LIMITS, 4, 1, Duration.ofMillis(20), true);
        ExecutorService pool = Executors.newFixedThreadPool(2, context.platformThreads("pool"));

        Trial.Phase phase = trial.run(pool, i -> Thread.sleep(20));
        Baseline baseline = trial.baseline(i -> Thread.sleep(20), Baseline.measured(1));

        assertThat(context.total.get()).as("4 tasks, then the 4 of the baseline").isEqualTo(8);
        assertThat(context.done.get()).isEqualTo(8);
        assertThat(pool.isTerminated()).isTrue();
        assertThat(context.onStop).as("a stop would shut the pool down").hasSize(1);
        assertThat(phase.timings()).hasSize(4).allSatisfy(t -> assertThat(t.executedNanos()).isPositive());
        assertThat(phase.stats(Trial.Timing::queuedNanos).maxMs()).as("two waves on two threads").isGreaterThan(10);
        assertThat(context.events).hasSize(8).contains("started 0 on true", "ended 3");
        assertThat(baseline.method()).isEqualTo("measured");
        assertThat(baseline.wallNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(80).toNanos());
    }

    @Test
    void aBaselineThatWouldTakeTooLongIsEstimatedAndOneNotWantedIsNull() throws Exception {
        FakeContext context = new FakeContext();
        Baseline estimate = Baseline.measured(123);
        Trial tooLong = Trial.plan(context, LIMITS, 100, 1, Duration.ofMillis(100), true); // 10 s > 1 s
        assertThat(context.total.get()).as("no baseline tasks counted").isEqualTo(100);
        assertThat(tooLong.baseline(i -> { throw new AssertionError("must not run"); }, estimate)).isSameAs(estimate);
        Trial unwanted = Trial.plan(context, LIMITS, 4, 2, Duration.ofMillis(1), false);
        assertThat(context.total.get()).isEqualTo(8);
        assertThat(unwanted.baseline(i -> { throw new AssertionError("must not run"); }, estimate)).isNull();
    }

    @Test
    void aFailingTaskFailsThePhaseIsReportedAsFailedAndLeavesNoThread() {
        FakeContext context = new FakeContext();
        Trial trial = Trial.plan(context, 3, 1);
        ExecutorService pool = Executors.newFixedThreadPool(3, context.platformThreads("fail"));

        assertThatThrownBy(() -> trial.run(pool, i -> {
            if (i == 1) {
                throw new IllegalStateException("task 1 broke");
            }
        })).hasRootCauseMessage("task 1 broke");
        assertThat(pool.isTerminated()).isTrue();
        assertThat(context.events).contains("ended 1 failed");
    }

    @Test
    void runTogetherStartsNoBodyBeforeEveryTaskHasStarted() throws Exception {
        FakeContext context = new FakeContext();
        Trial trial = Trial.plan(context, 4, 1);
        List<Long> startedWhenABodyBegan = new CopyOnWriteArrayList<>();

        trial.runTogether(Executors.newFixedThreadPool(4, context.platformThreads("together")), i ->
                startedWhenABodyBegan.add(context.events.stream().filter(e -> e.startsWith("started")).count()));

        assertThat(startedWhenABodyBegan).containsExactly(4L, 4L, 4L, 4L);
    }
}
