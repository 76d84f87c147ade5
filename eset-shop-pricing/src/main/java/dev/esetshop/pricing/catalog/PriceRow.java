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
public abstract sealed class PriceRow permits ImmutablePriceRow {
    /** Only the generated implementation extends it. */
    PriceRow() {}

    /** The most decimal places a unit price may have. */
    public static final int MAX_PRICE_PLACES = 6;

    /** The SKU printed on the quote and sent with the order; unique in the catalog. */
    public abstract Sku sku();

    /** The product priced. */
    public abstract ProductCode product();

    /** The action priced. */
    public abstract PriceAction action();

    /** The period in years the unit price covers. */
    public abstract int years();

    /** The band's lowest seat count (inclusive). */
    public abstract int minSeats();

    /** The band's highest seat count (inclusive). */
    public abstract int maxSeats();

    /** The street price per seat for the whole period. */
    public abstract BigDecimal unitPrice();

    /** True when the band contains {@code seats}. */
    public boolean contains(int seats) {
        return seats >= minSeats() && seats <= maxSeats();
    }

    /** A builder. */
    public static Builder builder() {
        return ImmutablePriceRow.builder();
    }

    @Value.Check
    void check() {
        if (years() < 1) {
            throw new IllegalArgumentException("years of " + sku() + " must be at least 1: " + years());
        }
        if (minSeats() < 1 || maxSeats() < minSeats()) {
            throw new IllegalArgumentException(
                    "band of " + sku() + " must be 1 <= minSeats <= maxSeats: " + minSeats() + ".." + maxSeats());
        }
        if (unitPrice().signum() <= 0 || unitPrice().stripTrailingZeros().scale() > MAX_PRICE_PLACES) {
            throw new IllegalArgumentException("unit price of " + sku() + " must be positive with at most "
                    + MAX_PRICE_PLACES + " decimal places: " + unitPrice());
        }
    }

    /** Collects the values of a {@link PriceRow}; {@link #build()} checks them. */
    public interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(PriceRow instance);

        /** Required: unique in the catalog. */
        Builder sku(Sku sku);

        /** Required. */
        Builder product(ProductCode product);

        /** Required. */
        Builder action(PriceAction action);

        /** Required: at least 1. */
        Builder years(int years);

        /** Required: at least 1. */
        Builder minSeats(int minSeats);

        /** Required: at least {@code minSeats}. */
        Builder maxSeats(int maxSeats);

        /** Required: positive, at most {@value PriceRow#MAX_PRICE_PLACES} decimal places. */
        Builder unitPrice(BigDecimal unitPrice);

        /**
         * Builds the value.
         *
         * @return the row
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the years, the band or the unit price is not valid
         */
        PriceRow build();
    }
}
