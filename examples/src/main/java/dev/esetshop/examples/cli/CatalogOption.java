package dev.esetshop.examples.cli;

import dev.esetshop.pricing.catalog.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --catalog} option of the commands that price: the given file, or else the sample catalog that ships
 * in the pricing jar ({@link Catalog#sample()}), so every command works on a clone with nothing beside it.
 */
final class CatalogOption {

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description = "The distributor's catalog (default: the sample EUR catalog that ships with eset-shop).")
    private Path catalog;

    /**
     * The catalog to price from.
     *
     * @throws dev.esetshop.pricing.catalog.InvalidCatalogException when the given file cannot be read or is
     *     inconsistent
     */
    Catalog load() {
        return catalog == null ? Catalog.sample() : Catalog.load(catalog);
    }
}
