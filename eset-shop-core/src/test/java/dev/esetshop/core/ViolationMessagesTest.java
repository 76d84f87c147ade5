package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ViolationMessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @ParameterizedTest
    @EnumSource(ViolationCode.class)
    void everyCodeHasAMessageInEveryShippedLanguage(ViolationCode code) {
        for (Locale locale : ViolationMessages.SUPPORTED) {
            assertThat(ViolationMessages.pattern(code.name(), locale))
                    .as("%s in %s", code, locale)
                    .hasValueSatisfying(pattern -> assertThat(pattern).isNotBlank());
        }
    }

    @Test
    void everyKeyExistsInEveryLanguageWithTheSameArguments() {
        for (String key : ViolationMessages.keys()) {
            Set<String> english =
                    arguments(ViolationMessages.pattern(key, Locale.ENGLISH).orElseThrow());
            for (Locale locale : ViolationMessages.SUPPORTED) {
                String pattern = ViolationMessages.pattern(key, locale).orElse(null);
                assertThat(pattern).as("%s in %s", key, locale).isNotNull();
                assertThat(arguments(pattern))
                        .as("arguments of %s in %s", key, locale)
                        .isEqualTo(english);
                new MessageFormat(pattern, Locale.ROOT); // a malformed pattern throws here
            }
        }
    }

    @Test
    void renderedMessagesKeepTheirApostrophesAndFillEveryArgument() {
        for (String key : ViolationMessages.keys()) {
            ViolationCode code = ViolationCode.valueOf(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
            Object[] values = {"A1", "B2", "C3", "D4", "E5"};
            Violation violation = Violation.withKey(code, key, "field", values);
            for (Locale locale : ViolationMessages.SUPPORTED) {
                String message = violation.message(locale);
                assertThat(message).as("%s in %s", key, locale).doesNotContainPattern("\\{\\d}");
                String pattern = ViolationMessages.pattern(key, locale).orElseThrow();
                if (pattern.contains("''")) {
                    assertThat(message).contains("'");
                }
            }
        }
    }

    @Test
    void picksTheLanguageOfTheLocaleAndEnglishOtherwiseWhateverTheDefaultLocale() {
        Violation violation = Violation.of(ViolationCode.UNKNOWN_PRODUCT, "product", "NOPE");
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(violation.message(Locale.ENGLISH)).isEqualTo("The product NOPE is not in the price list.");
            assertThat(violation.message(Locale.ITALIAN)).isEqualTo("The product NOPE is not in the price list.");
            assertThat(violation.message(Locale.forLanguageTag("de-CH"))).startsWith("Das Produkt NOPE");
            assertThat(violation.message(Locale.FRENCH)).startsWith("Le produit NOPE");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void protocolLocaleTagsMapToShippedLanguages() {
        assertThat(ViolationMessages.localeOf("de")).isEqualTo(Locale.GERMAN);
        assertThat(ViolationMessages.localeOf("fr-CH")).isEqualTo(Locale.FRENCH);
        assertThat(ViolationMessages.localeOf("it")).isEqualTo(Locale.ENGLISH);
        assertThat(ViolationMessages.localeOf("")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aViolationNeedsAKnownMessageKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Violation.withKey(ViolationCode.INVALID_REQUEST, "INVALID_REQUEST.nope", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
