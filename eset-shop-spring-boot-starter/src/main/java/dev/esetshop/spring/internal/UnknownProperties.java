package dev.esetshop.spring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses an {@code eset.shop.*} key of the application's configuration (properties, YAML, system properties, test
 * properties; not environment variables) that the starter does not know, which Spring Boot would silently ignore: a typo such
 * as {@code eset.shop.retry.max-atempts} would leave the default in force unnoticed. The known keys are those of the
 * configuration metadata the build generates into the starter's jar, so they are never listed by hand.
 */
public final class UnknownProperties {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownProperties.class);
    private static final String PREFIX = "eset.shop";
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final int CLOSE = 4;

    private UnknownProperties() {}

    /**
     * Checks every {@code eset.shop.*} key of the environment but its environment variables, in any of its relaxed
     * forms ({@code max-attempts}, {@code maxAttempts}, {@code max_attempts}).
     *
     * @param environment the application's environment
     * @param classLoader where the configuration metadata is read from
     * @throws IllegalStateException naming the first unknown key and the known keys close to it
     */
    public static void check(Environment environment, ClassLoader classLoader) {
        Set<String> known = known(classLoader);
        if (known.isEmpty()) {
            // a repackaged jar that lost the metadata: nothing to judge by, so nothing is refused
            LOG.warn(
                    "the eset-shop configuration metadata ({}) is missing: unknown eset.shop.* keys are not checked",
                    METADATA);
            return;
        }
        Set<String> uniform = known.stream().map(UnknownProperties::uniform).collect(Collectors.toSet());
        ConfigurationPropertyName prefix = ConfigurationPropertyName.of(PREFIX);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            // ESET_SHOP_* environment variables belong to other tools as well (ESET_SHOP_DB_USER of the command
            // line, ESET_SHOP_TEST_POSTGRES_URL of the tests): only the application's own configuration is judged
            if (!(source instanceof IterableConfigurationPropertySource iterable)
                    || source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource) {
                continue;
            }
            for (ConfigurationPropertyName name : iterable) {
                if (prefix.isAncestorOf(name) && !uniform.contains(uniform(name.toString()))) {
                    String key = name.toString();
                    throw new IllegalStateException(key + " is not a property of the eset-shop starter (is it a"
                            + " typo?); known keys close to it: " + closest(key, known)
                            + "; every key is listed in docs/spring-boot.md");
                }
            }
        }
    }

    /** The key without dashes, list indexes and case: how relaxed binding sees it. */
    private static String uniform(String key) {
        return key.replaceAll("\\[[^]]*]", "").replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String closest(String key, Set<String> known) {
        String unknown = uniform(key);
        return known.stream()
                .sorted(Comparator.comparingInt((String candidate) -> distance(unknown, uniform(candidate)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(CLOSE)
                .collect(Collectors.joining(", "));
    }

    /** Levenshtein's edit distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The {@code eset.shop.*} keys of the configuration metadata on the class path.
     *
     * @param classLoader where the metadata is read from
     * @return the keys, sorted
     */
    public static Set<String> known(ClassLoader classLoader) {
        Set<String> keys = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> files = classLoader.getResources(METADATA);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    for (JsonNode property : properties) {
                        String name = property.path("name").asString();
                        if (name.startsWith(PREFIX + ".")) {
                            keys.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration metadata " + METADATA, e);
        }
        return keys;
    }

    /**
     * The known keys as a list, for messages and tests.
     *
     * @param classLoader where the metadata is read from
     * @return the keys, sorted
     */
    public static List<String> knownKeys(ClassLoader classLoader) {
        return List.copyOf(known(classLoader));
    }
}
