package dev.esetshop.sdk.internal;

import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Product;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What the shop needs of the catalog and the rule engine: quotes and the few product facts the license book uses. */
public interface PriceBook {

    /** Quotes a request; never throws for a bad request. */
    QuoteResult quote(QuoteRequest request, QuoteContext context);

    /** The currency of every price. */
    Currency currency();

    /** The catalog's fingerprint, which every quote carries. */
    String fingerprint();

    /** Days after expiry during which a license can still be renewed. */
    int renewalMaxDaysExpired();

    /** The products a license of this product may change to, in catalog order; empty for an unknown product. */
    List<String> changeTargets(String product);

    /** The product's smallest seat count, empty for an unknown product. */
    OptionalInt minSeats(String product);

    /** The catalog's product with this code, empty for an unknown product. */
    Optional<Product> product(ProductCode code);

    /** The product a SKU of the price list prices, empty for a SKU the catalog does not list. */
    Optional<ProductCode> productOf(Sku sku);
}
