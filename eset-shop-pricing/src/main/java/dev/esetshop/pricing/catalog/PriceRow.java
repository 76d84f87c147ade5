package dev.esetshop.pricing.catalog;

import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * One row of the price list: the unit price (street price per seat for the whole period) and the SKU for a product,
 * action, period in years and band of seat counts.
 */
@Value.Immutable
public interface PriceRow {

    /** The most decimal places a unit price may have. */
    int MAX_PRICE_PLACES = 6;

    /** The SKU printed on the quote and sent with the order; unique in the catalog. */
    Sku sku();

    /** The product priced. */
    ProductCode product();

    /** The action priced. */
    PriceAction action();

    /** The period in years the unit price covers. */
    int years();

    /** The band's lowest seat count (inclusive). */
    int minSeats();

    /** The band's highest seat count (inclusive). */
    int maxSeats();

    /** The street price per seat for the whole period. */
    BigDecimal unitPrice();

    /** True when the band contains {@code seats}. */
    default boolean contains(int seats) {
        return seats >= minSeats() && seats <= maxSeats();
    }

    /** A builder. */
    static ImmutablePriceRow.Builder builder() {
        return ImmutablePriceRow.builder();
    }

    @Value.Check
    default void check() {
        if (years() < 1) {
            throw new IllegalArgumentException("years of " + sku() + " must be at least 1: " + years());
        }
        if (minSeats() < 1 || maxSeats() < minSeats()) {
            throw new IllegalArgumentException(
                    "band of " + sku() + " must be 1 <= minSeats <= maxSeats: " + minSeats() + ".." + maxSeats());
        }
        if (unitPrice().signum() <= 0 || unitPrice().stripTrailingZeros().scale() > MAX_PRICE_PLACES) {
            throw new IllegalArgumentException("unit price of " + sku()
                    + " must be positive with at most " + MAX_PRICE_PLACES + " decimal places: " + unitPrice());
        }
    }
}
