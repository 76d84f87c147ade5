package dev.esetshop.sdk.internal;

import dev.esetshop.core.LocalizedTexts;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The SDK's side of core's {@link LocalizedTexts} (the project's one loader of localized texts): texts next to an
 * SDK class, and the local date style of the SDK's documents (reports, confirmation e-mails).
 */
public final class LocalText {

    private LocalText() {}

    /** The shipped language for a locale: {@code de} or {@code fr}, else {@code en}. */
    public static String language(Locale locale) {
        return LocalizedTexts.language(locale);
    }

    /** Loads {@code <base>_<language>.properties} next to the anchor class, as UTF-8. */
    public static LocalizedTexts load(Class<?> anchor, String base, Locale locale) {
        // the lambda runs in this module, whose resources core may not open itself
        return LocalizedTexts.load(name -> anchor.getResourceAsStream(name), base, language(locale));
    }

    /**
     * The locale's short numeric date pattern with a four-digit year, such as {@code M/d/yyyy} (en-US),
     * {@code dd.MM.yyyy} (de) or {@code dd/MM/yyyy} (fr): the JDK's two-digit years are ambiguous on a license
     * that runs for years.
     */
    public static String datePattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        return pattern.replaceAll("y+", "yyyy");
    }

    /** A formatter for {@link #datePattern(Locale)}. */
    public static DateTimeFormatter dateFormatter(Locale locale) {
        return DateTimeFormatter.ofPattern(datePattern(locale), locale);
    }

    /** The same pattern as an Excel number format, whose codes are lower case ({@code dd.mm.yyyy}). */
    public static String spreadsheetDateFormat(Locale locale) {
        return datePattern(locale).toLowerCase(Locale.ROOT);
    }
}
