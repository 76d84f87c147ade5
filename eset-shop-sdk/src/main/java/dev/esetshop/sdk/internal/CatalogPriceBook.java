package dev.esetshop.sdk.internal;

import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The price book of a catalog, quoting through pricing's rule engine. */
public final class CatalogPriceBook implements PriceBook {

    private final Catalog catalog;
    private final Pricing pricing;

    /** The price book of the catalog. */
    public CatalogPriceBook(Catalog catalog) {
        this.catalog = catalog;
        this.pricing = Pricing.of(catalog);
    }

    /** The catalog. */
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public QuoteResult quote(QuoteRequest request, QuoteContext context) {
        return pricing.quote(request, context);
    }

    @Override
    public Currency currency() {
        return catalog.currency();
    }

    @Override
    public String fingerprint() {
        return catalog.fingerprint();
    }

    @Override
    public int renewalMaxDaysExpired() {
        return catalog.policy().renewalMaxDaysExpired();
    }

    @Override
    public List<String> changeTargets(String product) {
        return catalog.product(product)
                .map(found -> found.changeTo().stream().map(ProductCode::value).toList())
                .orElse(List.of());
    }

    @Override
    public OptionalInt minSeats(String product) {
        return catalog.product(product)
                .map(found -> OptionalInt.of(found.minSeats()))
                .orElse(OptionalInt.empty());
    }

    @Override
    public Optional<Product> product(ProductCode code) {
        return catalog.product(code.value());
    }

    @Override
    public Optional<ProductCode> productOf(Sku sku) {
        return catalog.prices().stream()
                .filter(row -> row.sku().equals(sku))
                .map(PriceRow::product)
                .findFirst();
    }
}
