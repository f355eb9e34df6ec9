package concurrencylab.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Times for people: the time of day today, the date before it on other days, durations in the unit that reads. */
class HumanTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-04T17:30:00Z");

    @Test
    void todayIsTheTimeOfDayInTheZoneAndTheExactInstantStaysForTheTooltip() {
        HumanTime.When when = HumanTime.of(Instant.parse("2026-12-04T17:22:28.337625978Z"), BERLIN, NOW);

        assertThat(when.text()).isEqualTo("18:22:28");
        assertThat(when.exact()).isEqualTo("2026-12-04T17:22:28.337625978Z");
    }

    @Test
    void anotherDayShowsItsDateAndAnotherYearItsYear() {
        assertThat(HumanTime.of(Instant.parse("2026-12-03T22:59:59Z"), BERLIN, NOW).text()).isEqualTo("3 Dec 23:59:59");
        assertThat(HumanTime.of(Instant.parse("2026-12-03T23:00:00Z"), BERLIN, NOW).text())
                .as("already the 4th in Berlin").isEqualTo("00:00:00");
        assertThat(HumanTime.of(Instant.parse("2025-06-01T08:00:00Z"), BERLIN, NOW).text())
                .isEqualTo("1 Jun 2025 10:00:00");
        assertThat(HumanTime.of(null, BERLIN, NOW)).isNull();
    }

    @Test
    void durationsReadInTheirOwnUnit() {
        assertThat(HumanTime.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(HumanTime.duration(Duration.ofMillis(2_649))).isEqualTo("2.6 s");
        assertThat(HumanTime.duration(Duration.ofMillis(12_400))).isEqualTo("12 s");
        assertThat(HumanTime.duration(Duration.ofSeconds(72))).isEqualTo("1 min 12 s");
        assertThat(HumanTime.duration(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(HumanTime.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(HumanTime.between(NOW, NOW.plusMillis(2_600))).isEqualTo("2.6 s");
        assertThat(HumanTime.between(NOW, null)).as("still running").isNull();
    }
}
