package dev.esetshop.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The one way the project loads and looks up its localized texts (violation messages, reports, e-mails,
 * command-line screens): {@code <base>_<language>.properties} in UTF-8 from the owning module's own resources, for
 * English, German or French. Not {@code ResourceBundle}: its fallback follows the JVM's default locale and its
 * {@code Control} is refused in named modules, and a text must never depend on where the JVM runs. One loaded
 * bundle is immutable and safe to share between threads.
 */
public final class LocalizedTexts {

    /** The languages every text ships in, English first. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr");

    private final String name;
    private final String language;
    private final Map<String, String> texts;

    private LocalizedTexts(String name, String language, Map<String, String> texts) {
        this.name = name;
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    /**
     * The shipped language for a locale.
     *
     * @param locale the reader's locale; {@code null} reads as English
     * @return {@code de} or {@code fr}, else {@code en}
     */
    public static String language(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        return language.equals("de") || language.equals("fr") ? language : "en";
    }

    /**
     * Loads {@code <base>_<language>.properties}. The owning module opens the resource itself (pass
     * {@code name -> Owner.class.getResourceAsStream(name)}), since a module's resources are not open to core.
     *
     * @param resources opens a resource of the owning module by name
     * @param base the bundle's base name, such as {@code screens}
     * @param language {@code en}, {@code de} or {@code fr}
     * @return the texts
     * @throws IllegalStateException when the bundle is missing from the module
     */
    public static LocalizedTexts load(Function<String, InputStream> resources, String base, String language) {
        String name = base + "_" + language + ".properties";
        try (InputStream in = resources.apply(name)) {
            if (in == null) {
                throw new IllegalStateException("missing text bundle " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return new LocalizedTexts(name, language, texts);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    /**
     * Loads the bundle in every shipped language, for a holder that keeps them for the life of the JVM.
     *
     * @param resources opens a resource of the owning module by name
     * @param base the bundle's base name
     * @return the texts by language ({@link #LANGUAGES})
     * @throws IllegalStateException when a language's bundle is missing
     */
    public static Map<String, LocalizedTexts> loadEveryLanguage(Function<String, InputStream> resources, String base) {
        Map<String, LocalizedTexts> byLanguage = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            byLanguage.put(language, load(resources, base, language));
        }
        return Map.copyOf(byLanguage);
    }

    /**
     * The language of these texts.
     *
     * @return {@code en}, {@code de} or {@code fr}
     */
    public String language() {
        return language;
    }

    /**
     * A text the bundle may lack (a value that may be new, such as a state).
     *
     * @param key the text's key
     * @return the text, or empty
     */
    public Optional<String> find(String key) {
        return Optional.ofNullable(texts.get(key));
    }

    /**
     * A text the bundle must have.
     *
     * @param key the text's key
     * @return the text
     * @throws IllegalStateException naming the bundle and the key when the bundle lacks it
     */
    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("the text bundle " + name + " lacks the key " + key);
        }
        return text;
    }

    /**
     * A text the bundle must have, its {@link MessageFormat} placeholders filled; the format's locale is
     * {@link Locale#ROOT}, so pass numbers as text when no grouping may creep in.
     *
     * @param key the text's key
     * @param arguments the values of {@code {0}}, {@code {1}}, ...
     * @return the filled text
     * @throws IllegalStateException when the bundle lacks the key
     */
    public String format(String key, Object... arguments) {
        return fill(text(key), arguments);
    }

    /**
     * Fills a pattern the way {@link #format(String, Object...)} does, for a pattern found by {@link #find}.
     *
     * @param pattern a {@link MessageFormat} pattern
     * @param arguments its values
     * @return the filled text
     */
    public static String fill(String pattern, Object[] arguments) {
        return new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /**
     * Every key of the bundle, for tests that every language has every key.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return texts.keySet();
    }

    @Override
    public String toString() {
        return "LocalizedTexts[" + name + ", " + texts.size() + " texts]";
    }
}
