package dev.esetshop.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The direct reading of dates and instants gives exactly what the JDK's parsers give, value or exception type, for
 * the forms ESET writes, the edges of the calendar and texts that are almost such forms.
 */
class IsoTimesTest {

    private static final List<String> DATES = List.of("2026-01-15", "2027-01-14", "2024-02-29", "2025-02-29",
            "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "9999-12-31",
            "+2026-01-15", "2026-1-15", "2026/01/15", "2026-01-1x", "2026-01-15 ", "20260115", "", "2026-01-15T");

    private static final List<String> INSTANTS = List.of("2026-11-01T08:30:00Z", "2026-11-01T08:30:00.5Z",
            "2026-11-01T08:30:00.123456789Z", "2026-11-01T08:30:00.1234567890Z", "2026-11-01T08:30:00.Z",
            "2026-11-01t08:30:00z", "2026-11-01T24:00:00Z", "2026-12-31T23:59:60Z", "2026-11-01T08:60:00Z",
            "2026-11-01T08:30:61Z", "2026-11-01T08:30Z", "2026-11-01T08:30:00+01:00", "2026-02-29T00:00:00Z",
            "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2026-11-01T08:30:00.12a4Z", "2026-11-01X08:30:00Z", "2026-11-01T08:30:00");

    @Test
    void datesReadAsTheJdkReadsThem() {
        List<String> texts = new ArrayList<>(DATES);
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            texts.add(String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33)));
        }
        texts.forEach(text -> assertSame(text, IsoTimes::date, LocalDate::parse));
    }

    @Test
    void instantsReadAsTheJdkReadsThem() {
        List<String> texts = new ArrayList<>(INSTANTS);
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            String fraction = switch (random.nextInt(3)) {
                case 0 -> "";
                case 1 -> "." + random.nextInt(1_000);
                default -> "." + String.format("%09d", random.nextInt(1_000_000_000));
            };
            texts.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", random.nextInt(10_000), 1 + random.nextInt(12),
                    1 + random.nextInt(31), random.nextInt(25), random.nextInt(61), random.nextInt(62), fraction));
        }
        texts.forEach(text -> assertSame(text, IsoTimes::instant, Instant::parse));
    }

    private static <T> void assertSame(String text, Function<String, T> direct, Function<String, T> jdk) {
        Object expected;
        try {
            expected = jdk.apply(text);
        } catch (RuntimeException e) {
            expected = e.getClass();
        }
        Object actual;
        try {
            actual = direct.apply(text);
        } catch (RuntimeException e) {
            actual = e.getClass();
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }
}
