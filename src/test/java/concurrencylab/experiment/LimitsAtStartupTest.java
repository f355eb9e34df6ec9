package concurrencylab.experiment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import concurrencylab.LabApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A misconfigured limit stops the service at startup with a message that says what to change. */
class LimitsAtStartupTest {

    private static void start(String... properties) {
        new SpringApplicationBuilder(LabApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=off",
                        "lab.store.path=target/test-data/limits-" + java.util.UUID.randomUUID() + "/runs")
                .properties(properties)
                .run()
                .close();
    }

    @Test
    void aLimitBelowAnExperimentsDefaultIsRefused() {
        assertThatThrownBy(() -> start("lab.limits.max-tasks=5000"))
                .rootCause().hasMessageContaining("virtual-threads").hasMessageContaining("tasks=10000");
    }

    @Test
    void aDefaultTimeoutAboveTheMaximumIsRefused() {
        assertThatThrownBy(() -> start("lab.limits.default-timeout=20m", "lab.limits.max-timeout=10m"))
                .rootCause().hasMessageContaining("default-timeout");
    }

    @Test
    void anOutOfRangeLimitIsRefused() {
        assertThatThrownBy(() -> start("lab.limits.concurrent-runs=0"))
                .hasStackTraceContaining("concurrentRuns");
    }
}
