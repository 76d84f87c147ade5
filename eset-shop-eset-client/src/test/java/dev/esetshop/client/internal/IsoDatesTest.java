package dev.esetshop.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paths read exactly what the JDK's parsers read, and refuse what they refuse. */
class IsoDatesTest {

    private static final List<String> DATES = List.of(
            "2026-03-01",
            "2024-02-29",
            "2023-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "0000-01-01",
            "9999-12-31",
            "+12026-01-01",
            "2026-1-01",
            "2026/01/01",
            "2026-01-0a",
            "２０２６-01-01",
            "2026-01-01 ",
            "",
            "2026-01-01T00:00:00Z");

    private static final List<String> INSTANTS = List.of(
            "2026-03-01T10:15:30Z",
            "2026-03-01T10:15:30.1Z",
            "2026-03-01T10:15:30.123456789Z",
            "2026-03-01T10:15:30.1234567891Z",
            "2026-03-01T10:15:30.Z",
            "2026-03-01T23:59:59.999Z",
            "2026-03-01T24:00:00Z",
            "2026-03-01T10:60:00Z",
            "2026-12-31T23:59:60Z",
            "2026-03-01T10:15Z",
            "2026-03-01T10:15:30+01:00",
            "2026-03-01T10:15:30",
            "2026-02-30T10:15:30Z",
            "2024-02-29T00:00:00Z",
            "2026-03-01t10:15:30Z",
            "2026-03-01T10:15:30z",
            "2026-03-01T1a:15:30Z",
            "2026-03-01T10:15:30,5Z",
            "2026-03-01T10:15:30.12a4Z",
            "+12026-03-01T10:15:30Z",
            "");

    @Test
    void datesReadAsTheJdkReadsThem() {
        DATES.forEach(IsoDatesTest::assertSameDate);
    }

    @Test
    void instantsReadAsTheJdkReadsThem() {
        INSTANTS.forEach(IsoDatesTest::assertSameInstant);
    }

    @Test
    void randomInstantsRoundTrip() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextInt(Integer.MAX_VALUE),
                    random.nextInt(1_000_000_000) / (i % 2 == 0 ? 1 : 1_000) * (i % 2 == 0 ? 1 : 1_000));
            assertThat(IsoDates.instant(instant.toString())).isEqualTo(instant);
            LocalDate day = LocalDate.ofEpochDay(random.nextInt(2_900_000));
            assertThat(IsoDates.date(day.toString())).isEqualTo(day);
        }
    }

    private static void assertSameDate(String text) {
        LocalDate expected;
        try {
            expected = LocalDate.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> IsoDates.date(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoDates.date(text)).as(text).isEqualTo(expected);
    }

    private static void assertSameInstant(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> IsoDates.instant(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoDates.instant(text)).as(text).isEqualTo(expected);
    }
}
