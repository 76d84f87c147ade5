package dev.esetshop.examples.cli;

import dev.esetshop.core.LocalizedTexts;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of the command line's screens in English, German or French ({@code screens_*.properties} next to this
 * class), loaded by core's {@link LocalizedTexts} like every other localized text of the project.
 */
final class ScreenTexts {

    private static final Map<String, LocalizedTexts> BY_LANGUAGE = LocalizedTexts.loadEveryLanguage(
            name -> ScreenTexts.class.getResourceAsStream(name), "screens");

    private final Locale locale;
    private final LocalizedTexts bundle;

    private ScreenTexts(Locale locale) {
        this.locale = locale;
        this.bundle = BY_LANGUAGE.get(LocalizedTexts.language(locale));
    }

    /** The screens in the locale's language (English for any language not shipped). */
    static ScreenTexts of(Locale locale) {
        return new ScreenTexts(locale);
    }

    /** The locale the screens speak. */
    Locale locale() {
        return locale;
    }

    /** A text filled with its arguments; numbers should be passed as text, so that no grouping creeps in. */
    String text(String key, Object... arguments) {
        return bundle.format(key, arguments);
    }

    /** A text when the bundle has it, else the fallback (for values that may be unknown, such as a new state). */
    String textOr(String key, String fallback) {
        return bundle.find(key).isPresent() ? text(key) : fallback;
    }

    /** Every key of a language, for the test that every language has every key. */
    static Set<String> keys(String language) {
        return BY_LANGUAGE.get(language).keys();
    }
}
