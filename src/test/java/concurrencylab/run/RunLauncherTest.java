package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import concurrencylab.experiment.BadParameterException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunLauncherTest {

    private static final Duration MAX = Duration.ofSeconds(60);

    @Test
    void readsSimpleIsoAndBareSeconds() {
        assertThat(RunLauncher.parse("wait", "30s", Duration.ZERO, MAX, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RunLauncher.parse("wait", "PT1M", Duration.ZERO, MAX, null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RunLauncher.parse("wait", "500ms", Duration.ZERO, MAX, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(RunLauncher.parse("wait", "12", Duration.ZERO, MAX, null)).isEqualTo(Duration.ofSeconds(12));
        assertThat(RunLauncher.parse("wait", null, Duration.ZERO, MAX, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void rejectsGarbageAndOutOfRangeNamingTheParameter() {
        assertThatThrownBy(() -> RunLauncher.parse("wait", "soon", Duration.ZERO, MAX, null))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("wait");
        assertThatThrownBy(() -> RunLauncher.parse("timeout", "2m", Duration.ZERO, MAX, null))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("timeout");
    }
}
