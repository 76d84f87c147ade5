package dev.esetshop.pricing.catalog;

import dev.esetshop.core.ProductCode;
import java.util.List;
import org.immutables.value.Value;

/** A product of the catalog: its seat range, the trial lengths it offers and the products it may change to. */
@Value.Immutable
public interface Product {

    /** The product's code, unique in the catalog. */
    ProductCode code();

    /** The product's name for screens. */
    String name();

    /** The fewest seats any order for the product may have. */
    int minSeats();

    /** The most seats any order for the product may have. */
    int maxSeats();

    /** The trial lengths in months the product offers; empty: no trial. */
    List<Integer> trialMonths();

    /** The products a license of this one may be changed to. */
    List<ProductCode> changeTo();

    /** True when {@code seats} lies in {@code minSeats..maxSeats}. */
    default boolean allowsSeats(int seats) {
        return seats >= minSeats() && seats <= maxSeats();
    }

    /** A builder. */
    static ImmutableProduct.Builder builder() {
        return ImmutableProduct.builder();
    }

    @Value.Check
    default void check() {
        if (minSeats() < 1 || maxSeats() < minSeats()) {
            throw new IllegalArgumentException(
                    "seat range of " + code() + " must be 1 <= minSeats <= maxSeats: " + minSeats() + ".." + maxSeats());
        }
        for (int months : trialMonths()) {
            if (months < 1) {
                throw new IllegalArgumentException("trial months of " + code() + " must be at least 1: " + months);
            }
        }
    }
}
