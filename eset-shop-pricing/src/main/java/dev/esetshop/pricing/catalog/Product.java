package dev.esetshop.pricing.catalog;

import dev.esetshop.core.LocalizedName;
import dev.esetshop.core.ProductCode;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A product of the catalog: its seat range, the trial lengths it offers and the products it may change to. */
@Value.Immutable
public abstract class Product implements LocalizedName {
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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(Product instance);

        /**
         * Sets {@link Product#code()}.
         *
         * @param code the value
         * @return this builder
         */
        Builder code(ProductCode code);

        /**
         * Sets {@link Product#name()}.
         *
         * @param name the value
         * @return this builder
         */
        Builder name(String name);

        /**
         * Adds a name to {@link Product#names()}.
         *
         * @param language the ISO 639-1 code in lower case, such as {@code de}
         * @param name the name in that language
         * @return this builder
         */
        Builder putNames(String language, String name);

        /**
         * Sets {@link Product#names()}, replacing the names added before.
         *
         * @param names the names by language code
         * @return this builder
         */
        Builder names(Map<String, ? extends String> names);

        /**
         * Sets {@link Product#minSeats()}.
         *
         * @param minSeats the value
         * @return this builder
         */
        Builder minSeats(int minSeats);

        /**
         * Sets {@link Product#maxSeats()}.
         *
         * @param maxSeats the value
         * @return this builder
         */
        Builder maxSeats(int maxSeats);

        /**
         * Adds to {@link Product#trialMonths()}.
         *
         * @param element the element
         * @return this builder
         */
        Builder addTrialMonths(int element);

        /**
         * Adds to {@link Product#trialMonths()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addTrialMonths(int... elements);

        /**
         * Sets {@link Product#trialMonths()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder trialMonths(Iterable<Integer> elements);

        /**
         * Adds to {@link Product#trialMonths()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addAllTrialMonths(Iterable<Integer> elements);

        /**
         * Adds to {@link Product#changeTo()}.
         *
         * @param element the element
         * @return this builder
         */
        Builder addChangeTo(ProductCode element);

        /**
         * Adds to {@link Product#changeTo()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addChangeTo(ProductCode... elements);

        /**
         * Sets {@link Product#changeTo()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder changeTo(Iterable<? extends ProductCode> elements);

        /**
         * Adds to {@link Product#changeTo()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addAllChangeTo(Iterable<? extends ProductCode> elements);

        /**
         * Builds the value.
         *
         * @return the Product
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        Product build();
    }
}
