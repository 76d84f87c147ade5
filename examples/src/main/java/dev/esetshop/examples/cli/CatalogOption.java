package dev.esetshop.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --catalog} option of the commands that price: the given file, or else the sample catalog of the
 * project's {@code shared/} folder next to the checkout (found from {@code ESET_SHOP_HOME}, which {@code ./eset-shop}
 * sets, or from the current folder).
 */
final class CatalogOption {

    private static final Path SAMPLE = Path.of("shared", "conformance", "catalog.json");

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "The distributor's catalog (default: the sample catalog in ../shared/conformance).")
    private Path catalog;

    /** The catalog file to load. */
    Path resolve() {
        if (catalog != null) {
            return catalog;
        }
        return sample().orElseThrow(() -> new IllegalArgumentException(
                "no catalog given and no sample catalog found at ../shared/conformance/catalog.json: pass --catalog FILE"));
    }

    private static Optional<Path> sample() {
        String home = System.getenv("ESET_SHOP_HOME");
        Path start = (home != null ? Path.of(home) : Path.of("")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SAMPLE))) {
                return Optional.of(dir.resolve(SAMPLE));
            }
        }
        return Optional.empty();
    }
}
