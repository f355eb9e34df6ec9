package concurrencylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesUseTheNearestRank() {
        long[] nanos = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();

        LatencyStats stats = LatencyStats.ofNanos(nanos);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.p50Ms()).isEqualTo(50);
        assertThat(stats.p95Ms()).isEqualTo(95);
        assertThat(stats.p99Ms()).isEqualTo(99);
        assertThat(stats.maxMs()).isEqualTo(100);
    }

    @Test
    void oneValueIsEveryPercentileAndNoValuesIsEmpty() {
        assertThat(LatencyStats.ofNanos(new long[] {2_500_000})).isEqualTo(new LatencyStats(1, 2.5, 2.5, 2.5, 2.5));
        assertThat(LatencyStats.ofNanos(new long[0])).isEqualTo(LatencyStats.EMPTY);
    }

    @Test
    void theInputIsNotReordered() {
        long[] nanos = {3, 1, 2};
        LatencyStats.ofNanos(nanos);
        assertThat(nanos).containsExactly(3, 1, 2);
    }
}
