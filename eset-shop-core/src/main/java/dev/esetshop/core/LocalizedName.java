package dev.esetshop.core;

import java.util.Locale;
import java.util.Map;

/**
 * Something of the catalog with a name for people (a product, a discount programme): the catalog's {@link #name()}
 * and, optionally, the name in other languages, so a German screen shows the German name.
 */
public interface LocalizedName {

    /** The name for a language {@link #names()} lacks. */
    String name();

    /**
     * The name in other languages, keyed by ISO 639-1 code in lower case ({@code de}, {@code fr}); empty when the
     * catalog gives only {@link #name()}.
     */
    Map<String, String> names();

    /**
     * The name to show a person reading {@code locale}'s language: its entry in {@link #names()}, else
     * {@link #name()}.
     *
     * @param locale the reader's locale; only its language counts
     * @return the name in that language, or the default name
     */
    default String name(Locale locale) {
        String name = names().get(locale.getLanguage());
        return name == null ? name() : name;
    }

    /**
     * Checks names by language as every implementation keeps them: keys are lower-case language codes of two or three
     * letters, names are not blank.
     *
     * @param owner what the names belong to, for the message
     * @param names the names by language code
     * @throws IllegalArgumentException naming the first key or name that breaks the rule
     */
    static void requireLanguageCodes(String owner, Map<String, String> names) {
        names.forEach((language, name) -> {
            if (!language.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException(
                        "names of " + owner + ": '" + language + "' is not a language code such as de or fr");
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException("names of " + owner + ": the " + language + " name is blank");
            }
        });
    }
}
