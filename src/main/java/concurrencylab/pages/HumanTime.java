package concurrencylab.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the pages print them for people: the time of day (with the date when it is not today, and the year when
 * it is not this year) and durations ("2.6 s", "1 min 12 s"); the exact instant goes in a tooltip. In the service's
 * time zone: the lab runs on the reader's own machine. Stateless.
 */
final class HumanTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private HumanTime() {
    }

    /**
     * An instant as a page shows it.
     *
     * @param text  the time of day, with the date before it when it is not today: "17:22:28", "3 Dec 17:22:28"
     * @param exact the instant as ISO-8601 in UTC, for the {@code <time>} element's datetime and its tooltip
     */
    record When(String text, String exact) {
    }

    /** {@code instant} in {@code zone}, against {@code now}; null for null (a run that has not started yet). */
    static When of(Instant instant, ZoneId zone, Instant now) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime at = instant.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = TIME.format(at);
        String text = at.toLocalDate().equals(today) ? time
                : (at.getYear() == today.getYear() ? DAY : DAY_AND_YEAR).format(at) + " " + time;
        return new When(text, instant.toString());
    }

    /** The time between two instants, as {@link #duration}; null when either is missing. */
    static String between(Instant from, Instant to) {
        return from == null || to == null ? null : duration(Duration.between(from, to));
    }

    /** "850 ms", "2.6 s", "12 s", "1 min 12 s", "2 h 5 min". */
    static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1e3);
        }
        long seconds = Math.round(millis / 1e3);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long minutes = seconds / 60;
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
