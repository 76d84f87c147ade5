package dev.esetshop.client.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the ISO-8601 dates and instants of ESET's answers. {@code DateTimeFormatter}'s general parser took as long
 * as reading the whole JSON tree of a license, so the forms ESET writes ({@code 2026-01-15},
 * {@code 2026-11-01T08:30:00Z}, with or without a fraction of the second) are read directly; every other text, and
 * every value out of range, goes to {@link LocalDate#parse} or {@link Instant#parse}, which give the same value or
 * throw their {@code DateTimeParseException}. The result never differs from theirs.
 */
final class IsoTimes {

    private static final long SECONDS_PER_DAY = 86_400;

    private IsoTimes() {}

    /** As {@link LocalDate#parse(CharSequence)}. */
    static LocalDate date(String text) {
        if (text.length() == 10) {
            LocalDate date = plainDate(text);
            if (date != null) {
                return date;
            }
        }
        return LocalDate.parse(text);
    }

    /** As {@link Instant#parse(CharSequence)}. */
    static Instant instant(String text) {
        int length = text.length();
        if (length >= 20 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(length - 1) == 'Z') {
            LocalDate date = plainDate(text);
            int hour = number(text, 11, 13);
            int minute = number(text, 14, 16);
            int second = number(text, 17, 19);
            int nanos = fraction(text, 19, length - 1);
            // 24:00 and leap seconds are the JDK parser's to resolve.
            if (date != null && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60
                    && nanos >= 0) {
                long seconds = date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
                return Instant.ofEpochSecond(seconds, nanos);
            }
        }
        return Instant.parse(text);
    }

    /** The date in the first ten characters as {@code yyyy-MM-dd}, or null when they are not a valid one. */
    private static LocalDate plainDate(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The digits from {@code start} to {@code end} as a number, or -1 when any is no ASCII digit. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Nanoseconds of an empty or {@code .} and one to nine digits part; -1 when it is anything else. */
    private static int fraction(String text, int start, int end) {
        if (start == end) {
            return 0;
        }
        int digits = end - start - 1;
        if (text.charAt(start) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int value = number(text, start + 1, end);
        if (value < 0) {
            return -1;
        }
        for (int i = digits; i < 9; i++) {
            value *= 10;
        }
        return value;
    }
}
