package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTextsTest {

    private static LocalizedTexts messages(String language) {
        return LocalizedTexts.load(name -> LocalizedTextsTest.class.getResourceAsStream(name), "messages", language);
    }

    @Test
    void aLanguageNotShippedReadsAsEnglishWhereverTheJvmRuns() {
        assertThat(LocalizedTexts.language(Locale.GERMANY)).isEqualTo("de");
        assertThat(LocalizedTexts.language(Locale.CANADA_FRENCH)).isEqualTo("fr");
        assertThat(LocalizedTexts.language(Locale.JAPANESE)).isEqualTo("en");
        assertThat(LocalizedTexts.language(null)).isEqualTo("en");
    }

    @Test
    void everyShippedLanguageLoadsWithTheSameKeys() {
        Map<String, LocalizedTexts> all = LocalizedTexts.loadEveryLanguage(
                name -> LocalizedTextsTest.class.getResourceAsStream(name), "messages");

        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(LocalizedTexts.LANGUAGES);
        assertThat(all.get("de").language()).isEqualTo("de");
        assertThat(all.get("de").keys()).isEqualTo(all.get("en").keys()).isNotEmpty();
    }

    @Test
    void aMissingKeyOrBundleIsNamedNeverAnEmptyText() {
        LocalizedTexts english = messages("en");

        assertThat(english.find("no.such.key")).isEmpty();
        assertThatThrownBy(() -> english.text("no.such.key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("messages_en.properties")
                .hasMessageContaining("no.such.key");
        assertThatThrownBy(() -> messages("xx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("messages_xx.properties");
    }

    @Test
    void placeholdersAreFilledWithoutTheJvmsNumberStyle() {
        String key = english().keys().stream()
                .filter(candidate -> english().text(candidate).contains("{0}"))
                .findFirst()
                .orElseThrow();

        assertThat(english().format(key, "1234567")).contains("1234567");
        assertThat(LocalizedTexts.fill("{0} of {1}", new Object[] {"3", "7"})).isEqualTo("3 of 7");
    }

    private static LocalizedTexts english() {
        return messages("en");
    }
}
