package dev.esetshop.pricing.catalog;

import dev.esetshop.core.LocalizedName;
import dev.esetshop.core.ProductCode;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A product of the catalog: its seat range, the trial lengths it offers and the products it may change to. */
@Value.Immutable
public abstract sealed class Product implements LocalizedName permits ImmutableProduct {
    /** Only the generated implementation extends it. */
    Product() {}

    /** The product's code, unique in the catalog. */
    public abstract ProductCode code();

    /** The product's name for screens: the name for a language {@link #names()} lacks. */
    @Override
    public abstract String name();

    /**
     * The name in other languages, keyed by ISO 639-1 code in lower case ({@code de}, {@code fr}); empty when the
     * catalog gives only {@link #name()}.
     */
    @Override
    public abstract Map<String, String> names();

    /** The fewest seats any order for the product may have. */
    public abstract int minSeats();

    /** The most seats any order for the product may have. */
    public abstract int maxSeats();

    /** The trial lengths in months the product offers; empty: no trial. */
    public abstract List<Integer> trialMonths();

    /** The products a license of this one may be changed to. */
    public abstract List<ProductCode> changeTo();

    /** True when {@code seats} lies in {@code minSeats..maxSeats}. */
    public boolean allowsSeats(int seats) {
        return seats >= minSeats() && seats <= maxSeats();
    }

    /** A builder. */
    public static Builder builder() {
        return ImmutableProduct.builder();
    }

    @Value.Check
    void check() {
        LocalizedName.requireLanguageCodes(code().toString(), names());
        if (minSeats() < 1 || maxSeats() < minSeats()) {
            throw new IllegalArgumentException("seat range of " + code() + " must be 1 <= minSeats <= maxSeats: "
                    + minSeats() + ".." + maxSeats());
        }
        for (int months : trialMonths()) {
            if (months < 1) {
                throw new IllegalArgumentException("trial months of " + code() + " must be at least 1: " + months);
            }
        }
    }

    /** Collects the values of a {@link Product}; {@link #build()} checks them. */
    public interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(Product instance);

        /** Required: unique in the catalog. */
        Builder code(ProductCode code);

        /** Required: the name for a language without its own. */
        Builder name(String name);

        /** The language is an ISO 639-1 code in lower case, such as {@code de}. */
        Builder putNames(String language, String name);

        /** Replaces the names added before; keyed by ISO 639-1 code in lower case. */
        Builder names(Map<String, ? extends String> names);

        /** Required: at least 1. */
        Builder minSeats(int minSeats);

        /** Required: at least {@code minSeats}. */
        Builder maxSeats(int maxSeats);

        /** Each at least 1; none: no trial. */
        Builder addTrialMonths(int element);

        /** Each at least 1; none: no trial. */
        Builder addTrialMonths(int... elements);

        /** Replaces the trial lengths added before; each at least 1. */
        Builder trialMonths(Iterable<Integer> elements);

        /** Each at least 1. */
        Builder addAllTrialMonths(Iterable<Integer> elements);

        /** Default: none. */
        Builder addChangeTo(ProductCode element);

        /** Default: none. */
        Builder addChangeTo(ProductCode... elements);

        /** Replaces the products added before. */
        Builder changeTo(Iterable<? extends ProductCode> elements);

        /** Default: none. */
        Builder addAllChangeTo(Iterable<? extends ProductCode> elements);

        /**
         * Builds the value.
         *
         * @return the product
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when a language code, the seat range or a trial length is not valid
         */
        Product build();
    }
}
