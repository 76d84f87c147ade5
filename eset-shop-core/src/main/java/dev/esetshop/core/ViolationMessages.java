package dev.esetshop.core;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The violation messages in the languages the shop ships, loaded by {@link LocalizedTexts} from this module's own
 * resources: a message must never depend on where the JVM runs.
 */
public final class ViolationMessages {

    /** The languages every message exists in. */
    public static final Set<Locale> SUPPORTED = Set.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    private static final Map<String, Properties> BY_LANGUAGE = Map.of(
            "en", load("en"),
            "de", load("de"),
            "fr", load("fr"));

    private ViolationMessages() {}

    /** The message of a violation in the locale's language (English for any language not shipped). */
    public static String render(Violation violation, Locale locale) {
        Properties bundle = bundle(locale);
        String pattern = bundle.getProperty(violation.messageKey());
        if (pattern == null) {
            pattern = BY_LANGUAGE.get("en").getProperty(violation.messageKey(), violation.code().name());
        }
        MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
        return format.format(violation.arguments().toArray());
    }

    /** The message pattern for a key in a language, for checks that every key exists everywhere. */
    public static java.util.Optional<String> pattern(String key, Locale locale) {
        return java.util.Optional.ofNullable(bundle(locale).getProperty(key));
    }

    /** Every message key of the English bundle. */
    public static Set<String> keys() {
        return BY_LANGUAGE.get("en").stringPropertyNames();
    }

    /** The locale for a protocol's {@code locale} field ({@code en}, {@code de}, {@code fr}, also {@code de-CH}). */
    public static Locale localeOf(String tag) {
        Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
        return bundleLanguage(locale).map(Locale::new).orElse(Locale.ENGLISH);
    }

    static boolean hasKey(String key) {
        return BY_LANGUAGE.get("en").containsKey(key);
    }

    static List<String> asText(Object... arguments) {
        List<String> texts = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            texts.add(String.valueOf(argument));
        }
        return texts;
    }

    private static Properties bundle(Locale locale) {
        return BY_LANGUAGE.get(bundleLanguage(locale).orElse("en"));
    }

    private static java.util.Optional<String> bundleLanguage(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        return BY_LANGUAGE.containsKey(language) ? java.util.Optional.of(language) : java.util.Optional.empty();
    }

    private static Properties load(String language) {
        return LocalizedTexts.load(name -> ViolationMessages.class.getResourceAsStream(name), "messages", language);
    }
}
