package dev.esetshop.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * The one way the project loads its localized texts (violation messages, reports, e-mails, command-line screens):
 * {@code <base>_<language>.properties} in UTF-8 from the owning module's own resources, for English, German or
 * French. Not {@code ResourceBundle}: its fallback follows the JVM's default locale and its {@code Control} is refused
 * in named modules, and a text must never depend on where the JVM runs.
 */
public final class LocalizedTexts {

    private LocalizedTexts() {}

    /** The shipped language for a locale: {@code de} or {@code fr}, else {@code en}. */
    public static String language(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        return language.equals("de") || language.equals("fr") ? language : "en";
    }

    /**
     * Loads {@code <base>_<language>.properties}. The owning module opens the resource itself (pass
     * {@code name -> Owner.class.getResourceAsStream(name)}), since a module's resources are not open to core.
     *
     * @throws IllegalStateException when the bundle is missing from the module
     */
    public static Properties load(Function<String, InputStream> resources, String base, String language) {
        String name = base + "_" + language + ".properties";
        try (InputStream in = resources.apply(name)) {
            if (in == null) {
                throw new IllegalStateException("missing text bundle " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
