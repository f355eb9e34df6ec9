package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import concurrencylab.experiment.About;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The run's state machine, driven directly. */
class RunTest {

    record NoParams() {
    }

    static final Experiment<NoParams> NOTHING = new Experiment<>() {
        public About<NoParams> about() { return new About<>("nothing", NoParams.class, "nothing", "nothing", List.of()); }
        public RunTags tags(NoParams params) { return new RunTags("none", "none"); }
        public ExperimentResult run(NoParams params, RunContext context) { return null; }
    };

    private static Run newRun() {
        return new Run(NOTHING, new NoParams(), new RunTags("none", "none"), Duration.ofSeconds(5), null, 1000);
    }

    @Test
    void aRunThatEndsNormallySucceeds() {
        Run run = newRun();
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);

        assertThat(run.start(Thread.currentThread())).isTrue();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        run.finish(null, null);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.whenFinished()).isCompleted();
        assertThat(run.view().finishedAt()).isNotNull();
    }

    @Test
    void aThrowingExperimentFailsWithItsMessage() {
        Run run = newRun();
        run.start(Thread.currentThread());

        run.finish(null, new java.util.concurrent.ExecutionException(new IllegalStateException("boom")));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.view().error()).isEqualTo("IllegalStateException: boom");
    }

    @Test
    void cancellingAQueuedRunEndsItAtOnceAndItNeverStarts() {
        Run run = newRun();

        assertThat(run.requestStop(StopReason.CANCEL)).isTrue();

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.whenFinished()).isCompleted();
        assertThat(run.start(Thread.currentThread())).isFalse();
        assertThat(run.requestStop(StopReason.CANCEL)).as("second stop").isFalse();
    }

    @Test
    void aStopInterruptsTheRunnerRunsStopActionsAndDecidesTheStatus() {
        Run run = newRun();
        AtomicInteger actions = new AtomicInteger();
        run.start(Thread.currentThread());
        run.onStop(actions::incrementAndGet);

        run.requestStop(StopReason.DEADLINE);

        assertThat(Thread.interrupted()).as("runner interrupted").isTrue();
        assertThat(actions.get()).isEqualTo(1);
        assertThat(run.status()).as("still running until the experiment returns").isEqualTo(RunStatus.RUNNING);
        run.onStop(actions::incrementAndGet);
        assertThat(actions.get()).as("a late stop action runs at once").isEqualTo(2);
        run.finish(null, new InterruptedException());
        assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(run.view().error()).contains("deadline");
    }

    @Test
    void finishingTwiceIsABug() {
        Run run = newRun();
        run.start(Thread.currentThread());
        run.finish(null, null);

        assertThatThrownBy(() -> run.finish(null, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void progressCountsStepsAndListenersHearStatusChanges() {
        Run run = newRun();
        List<RunListener.Change> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        run.addListener((r, change) -> heard.add(change));

        run.start(Thread.currentThread());
        run.setTotal(3);
        run.advance();
        run.advance();
        run.advance();
        run.finish(null, null);

        assertThat(run.progress()).isEqualTo(new Progress(3, 3));
        assertThat(heard.getFirst()).isEqualTo(RunListener.Change.STATUS);
        assertThat(heard.getLast()).isEqualTo(RunListener.Change.STATUS);
        assertThat(heard).contains(RunListener.Change.PROGRESS);
    }
}
