package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the pages exists in English, German and French. */
class MessagesTest {

    @Test
    void theThreeLanguagesHaveTheSameTexts() throws IOException {
        Properties english = load("messages.properties");
        assertThat(english).isNotEmpty();
        for (String language : new String[] {"messages_de.properties", "messages_fr.properties"}) {
            Properties other = load(language);
            assertThat(other.stringPropertyNames())
                    .as(language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            other.stringPropertyNames()
                    .forEach(key -> assertThat(other.getProperty(key))
                            .as(language + " " + key)
                            .isNotBlank());
        }
    }

    private static Properties load(String name) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
