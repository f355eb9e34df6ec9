package concurrencylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowedRangeTest {

    @Test
    void printsWholeAndFractionalBounds() {
        assertThat(new AllowedRange(1, 256)).hasToString("1..256");
        assertThat(new AllowedRange(0.1, 100)).hasToString("0.1..100");
    }

    @Test
    void boundsAreInclusive() {
        AllowedRange range = new AllowedRange(1, 10);
        assertThat(range.contains(1)).isTrue();
        assertThat(range.contains(10)).isTrue();
        assertThat(range.contains(0.999)).isFalse();
        assertThat(range.contains(10.001)).isFalse();
    }
}
