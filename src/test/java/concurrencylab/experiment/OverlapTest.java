package concurrencylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The "waits overlap" rule, on made-up times. */
class OverlapTest {

    @Test
    void waitsThatOverlapTakeAboutOneWait() {
        assertThat(Overlap.shown(0.11, 0.1, 0.2)).isTrue();
        assertThat(Overlap.shown(0.42, 0.2, 200)).isTrue();
    }

    @Test
    void aSerialRunNeverCountsHoweverFewTheTasks() {
        // Two or three clients served one after another stay within 3x the ideal, but not under 0.75 x serial.
        assertThat(Overlap.shown(0.2, 0.1, 0.2)).isFalse();
        assertThat(Overlap.shown(0.3, 0.1, 0.3)).isFalse();
    }

    @Test
    void farSlowerThanTheIdealDoesNotCount() {
        assertThat(Overlap.shown(1.6, 0.5, 50_000)).isFalse();
        assertThat(Overlap.shown(0.5, 0, 0)).isFalse();
    }
}
