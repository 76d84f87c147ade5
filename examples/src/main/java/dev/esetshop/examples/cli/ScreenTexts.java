package dev.esetshop.examples.cli;

import dev.esetshop.core.LocalizedTexts;
import dev.esetshop.sdk.present.ShopPresentation;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of the command line's screens in English, German or French ({@code screens_*.properties} next to this
 * class), loaded by core's {@link LocalizedTexts} like every other localized text of the project; the values on the
 * screens (amounts, dates, states, operations, levels, violations) are shown by the SDK's {@link ShopPresentation},
 * as on the web pages and in the e-mails, in the zone of the machine the command runs on (the shop's zone).
 */
final class ScreenTexts {

    private static final Map<String, LocalizedTexts> BY_LANGUAGE =
            LocalizedTexts.loadEveryLanguage(name -> ScreenTexts.class.getResourceAsStream(name), "screens");

    private final Locale locale;
    private final LocalizedTexts bundle;
    private final ShopPresentation present;

    private ScreenTexts(Locale locale) {
        this.locale = locale;
        this.bundle = BY_LANGUAGE.get(LocalizedTexts.language(locale));
        this.present = ShopPresentation.of(locale, ZoneId.systemDefault());
    }

    /** The screens in the locale's language (English for any language not shipped). */
    static ScreenTexts of(Locale locale) {
        return new ScreenTexts(locale);
    }

    /** The locale the screens speak. */
    Locale locale() {
        return locale;
    }

    /** How the screens show the shop's values. */
    ShopPresentation present() {
        return present;
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
