package dev.esetshop.pricing;

import dev.esetshop.pricing.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's sample catalog and conformance cases in {@code shared/conformance}, found above the module. */
public final class SampleCatalog {

    private static final Catalog CATALOG = Catalog.load(file("catalog.json"));

    private SampleCatalog() {}

    /** The loaded sample catalog. */
    public static Catalog catalog() {
        return CATALOG;
    }

    /** A file of {@code shared/conformance}, searched from the working directory upwards. */
    public static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("conformance").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/conformance/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
