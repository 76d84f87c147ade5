package dev.esetshop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScreenTextsTest {

    @Test
    void everyLanguageHasEveryScreenText() {
        assertThat(ScreenTexts.keys("de")).containsExactlyInAnyOrderElementsOf(ScreenTexts.keys("en"));
        assertThat(ScreenTexts.keys("fr")).containsExactlyInAnyOrderElementsOf(ScreenTexts.keys("en"));
    }

    @Test
    void noScreenTextNamesAnInternalFeatureLabel() {
        for (String language : new String[] {"en", "de", "fr"}) {
            ScreenTexts texts = ScreenTexts.of(Locale.forLanguageTag(language));
            for (String key : ScreenTexts.keys(language)) {
                assertThat(texts.text(key, "A", "B", "C", "D", "E", "F"))
                        .as("%s in %s", key, language)
                        .doesNotContainPattern("\\(F\\d")
                        .doesNotContainPattern("\\{\\d}");
            }
        }
    }

    @Test
    void anUnshippedLanguageGetsEnglish() {
        assertThat(ScreenTexts.of(Locale.ITALIAN).text("status.never")).isEqualTo("never");
        assertThat(ScreenTexts.of(Locale.GERMAN).text("status.never")).isEqualTo("nie");
    }
}
