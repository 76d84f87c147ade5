package dev.esetshop.pricing;

import dev.esetshop.pricing.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample catalog that ships in the pricing jar ({@link Catalog#sample()}) and the project's quote conformance
 * cases, a test resource kept in step with the cases CI also runs against {@code ./eset-shop quote}.
 */
public final class SampleCatalog {

    private SampleCatalog() {}

    /** The loaded sample catalog. */
    public static Catalog catalog() {
        return Catalog.sample();
    }

    /** The sample catalog's JSON text, as shipped. */
    public static String catalogJson() {
        return resource(Catalog.SAMPLE_RESOURCE);
    }

    /** The conformance cases (an array of {@code {"request": …, "expect": …}}). */
    public static String conformanceCases() {
        return resource("dev/esetshop/pricing/conformance/cases.json");
    }

    private static String resource(String name) {
        try (InputStream in = SampleCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
