package dev.esetshop.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The violation messages in the languages the shop ships, loaded by {@link LocalizedTexts} from this module's own
 * resources: a message must never depend on where the JVM runs.
 */
public final class ViolationMessages {

    /** The languages every message exists in. */
    public static final Set<Locale> SUPPORTED = Set.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    private static final Map<String, LocalizedTexts> BY_LANGUAGE =
            LocalizedTexts.loadEveryLanguage(name -> ViolationMessages.class.getResourceAsStream(name), "messages");
    // the bundle of last resort, in this module's own resources
    private static final LocalizedTexts ENGLISH =
            Objects.requireNonNull(BY_LANGUAGE.get("en"), "messages_en.properties is missing from dev.esetshop.core");

    private ViolationMessages() {}

    /** The message of a violation in the locale's language (English for any language not shipped). */
    public static String render(Violation violation, Locale locale) {
        String pattern = bundle(locale)
                .find(violation.messageKey())
                .or(() -> ENGLISH.find(violation.messageKey()))
                .orElse(violation.code().name());
        return LocalizedTexts.fill(pattern, violation.arguments().toArray());
    }

    /** The message pattern for a key in a language, for checks that every key exists everywhere. */
    public static java.util.Optional<String> pattern(String key, Locale locale) {
        return bundle(locale).find(key);
    }

    /** Every message key of the English bundle. */
    public static Set<String> keys() {
        return ENGLISH.keys();
    }

    /** The locale for a protocol's {@code locale} field ({@code en}, {@code de}, {@code fr}, also {@code de-CH}). */
    public static Locale localeOf(String tag) {
        Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
        return bundleLanguage(locale).map(Locale::new).orElse(Locale.ENGLISH);
    }

    static boolean hasKey(String key) {
        return ENGLISH.find(key).isPresent();
    }

    static List<String> asText(Object... arguments) {
        List<String> texts = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            texts.add(String.valueOf(argument));
        }
        return texts;
    }

    private static LocalizedTexts bundle(Locale locale) {
        LocalizedTexts texts = BY_LANGUAGE.get(locale.getLanguage());
        return texts != null ? texts : ENGLISH;
    }

    private static java.util.Optional<String> bundleLanguage(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        return BY_LANGUAGE.containsKey(language) ? java.util.Optional.of(language) : java.util.Optional.empty();
    }
}
