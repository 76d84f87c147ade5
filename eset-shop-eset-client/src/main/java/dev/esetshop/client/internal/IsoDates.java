package dev.esetshop.client.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * {@link LocalDate#parse} and {@link Instant#parse} with a fast path for the plain forms ESET sends
 * ({@code 2026-03-01}, {@code 2026-03-01T10:15:30.123Z}): the JDK's formatter allocates about a kilobyte per call,
 * and a sync reads three of them per license. Anything else (other lengths, offsets, a leap second, an invalid day)
 * goes to the JDK's parser, so what is accepted, what it means and what is refused stay exactly the JDK's.
 */
final class IsoDates {

    private static final int DATE_LENGTH = 10;
    private static final int MAX_FRACTION_DIGITS = 9;

    private IsoDates() {}

    /** As {@link LocalDate#parse(CharSequence)}. */
    static LocalDate date(String text) {
        LocalDate fast = plainDate(text);
        return fast != null ? fast : LocalDate.parse(text);
    }

    /** As {@link Instant#parse(CharSequence)}. */
    static Instant instant(String text) {
        Instant fast = plainInstant(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** {@code yyyy-MM-dd} with a valid day, else null. */
    private static @Nullable LocalDate plainDate(String text) {
        if (text.length() != DATE_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields, else null. */
    private static @Nullable Instant plainInstant(String text) {
        int length = text.length();
        if (length < DATE_LENGTH + 10
                || text.charAt(DATE_LENGTH) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        LocalDate date = plainDate(text.substring(0, DATE_LENGTH));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length != 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++) {
                nanos *= 10;
            }
        }
        return LocalDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second, nanos)
                .toInstant(ZoneOffset.UTC);
    }

    /** The ASCII digits {@code from} (inclusive) to {@code to} as a number, -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
