package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import concurrencylab.experiment.About;
import concurrencylab.experiment.BadParameterException;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.ParamRule;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Only what happened is recorded: a submission refused for a full queue, a stopping service or a broken rule leaves no
 * run in memory or in the store, also as the store reads after a restart. The run service on a real H2 file, driven
 * directly; one run at a time and two waiting.
 */
class AdmissionTest {

    public record Wait(Integer millis) {
    }

    /** Waits until it is stopped (or 60 s); a wait over a minute breaks its rule. */
    static final Experiment<Wait> WAITS = new Experiment<>() {
        public About<Wait> about() {
            return new About<>("waits", Wait.class, "waits", "waits until stopped", List.of());
        }

        public RunTags tags(Wait params) {
            return new RunTags("none", "none");
        }

        public List<ParamRule<Wait>> rules(LabLimits limits) {
            return List.of(new ParamRule<>("millis", "at most a minute", p -> p.millis() == null ? 0 : p.millis(),
                    p -> 60_000));
        }

        public ExperimentResult run(Wait params, RunContext context) throws InterruptedException {
            Thread.sleep(params.millis() == null ? 60_000 : params.millis());
            return null;
        }
    };

    private static final LabLimits LIMITS = new LabLimits(100_000, 256, 10_000, 2_000, 16, Duration.ofSeconds(20), 1, 2,
            100, Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofSeconds(60), 1_000, 32);

    private static RunStore store(Path directory) {
        return new RunStore(JsonMapper.builder().build(), directory.resolve("runs").toString(), 100, Duration.ofDays(1));
    }

    private static RunService service(RunStore store) {
        RunRegistry registry = new RunRegistry(LIMITS);
        var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        beans.addBean("environment", new LabEnvironment(2, "test jvm", "test os", "test", null));
        var environment = beans.getBeanProvider(LabEnvironment.class);
        return new RunService(LIMITS, registry, new RunMetrics(new SimpleMeterRegistry(), registry), environment,
                store, new LaunchRules(LIMITS), new WarmUp(null, null, environment, LIMITS, false));
    }

    @Test
    void aFullQueueRefusesBeforeAnythingIsRecordedAlsoAsTheStoreReadsAfterARestart(@TempDir Path directory) {
        List<String> accepted;
        try (RunStore store = store(directory)) {
            RunService runs = service(store);
            accepted = List.of(runs.submit(WAITS, null, Duration.ofMinutes(1)).id,
                    runs.submit(WAITS, null, Duration.ofMinutes(1)).id, runs.submit(WAITS, null, Duration.ofMinutes(1)).id);

            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> runs.submit(WAITS, null, Duration.ofMinutes(1)))
                        .isInstanceOf(QueueFullException.class);
            }
            assertThatThrownBy(() -> runs.submit(WAITS, new Wait(60_001), Duration.ofMinutes(1)))
                    .isInstanceOf(BadParameterException.class);

            assertThat(runs.list(null, null, 100)).extracting(run -> run.id).containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(store.list(null, null, 100)).extracting(RunView::id).containsExactlyInAnyOrderElementsOf(accepted);
            runs.stop();
            assertThatThrownBy(() -> runs.submit(WAITS, null, Duration.ofMinutes(1)))
                    .isInstanceOf(ServiceStoppingException.class);
            assertThat(runs.list(null, null, 100)).hasSize(3);
        }
        try (RunStore restarted = store(directory)) {
            assertThat(restarted.list(null, null, 100)).extracting(RunView::id)
                    .containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(restarted.list(null, RunStatus.QUEUED, 100)).isEmpty();
        }
    }

    @Test
    void aRunGivesItsPlaceBackWhenItEndsAndOnlyThen(@TempDir Path directory) {
        try (RunStore store = store(directory)) {
            RunService runs = service(store);
            Run running = runs.submit(WAITS, null, Duration.ofMinutes(1));
            Run queued = runs.submit(WAITS, null, Duration.ofMinutes(1));
            runs.submit(WAITS, null, Duration.ofMinutes(1));
            assertThatThrownBy(() -> runs.submit(WAITS, null, Duration.ofMinutes(1)))
                    .isInstanceOf(QueueFullException.class);

            runs.cancel(queued.id);
            Run next = runs.submit(WAITS, null, Duration.ofMinutes(1));
            assertThatThrownBy(() -> runs.submit(WAITS, null, Duration.ofMinutes(1)))
                    .isInstanceOf(QueueFullException.class);
            // Cancelling a running run twice (the stop, then its end) gives back one place, not two.
            runs.cancel(running.id);
            assertThatThrownBy(() -> runs.cancel(running.id)).isInstanceOf(RunAlreadyFinishedException.class);
            runs.submit(WAITS, null, Duration.ofMinutes(1));
            assertThatThrownBy(() -> runs.submit(WAITS, null, Duration.ofMinutes(1)))
                    .isInstanceOf(QueueFullException.class);
            assertThat(next.status()).isIn(RunStatus.QUEUED, RunStatus.RUNNING);
            runs.stop();
        }
    }
}
