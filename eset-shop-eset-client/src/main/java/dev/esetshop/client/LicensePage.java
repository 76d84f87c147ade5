package dev.esetshop.client;

import java.util.List;
import org.immutables.value.Value;

/** One page of a license search: its records in ESET's order and the total the search matches. */
@Value.Immutable
public interface LicensePage {

    /** Where the page starts. */
    int skip();

    /** The page size asked for. */
    int take();

    /** How many licenses the search matches in all. */
    int totalCount();

    /** The page's records; a record ESET sent malformed is here as {@link LicenseRecord.Malformed}. */
    List<LicenseRecord> items();

    /** True when pages follow this one. */
    default boolean hasNext() {
        return skip() + items().size() < totalCount() && !items().isEmpty();
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableLicensePage.builder();
    }

    /** Collects the values of a {@link LicensePage}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(LicensePage instance);

        /**
         * Sets {@link LicensePage#skip()}.
         *
         * @param skip the value
         * @return this builder
         */
        Builder skip(int skip);

        /**
         * Sets {@link LicensePage#take()}.
         *
         * @param take the value
         * @return this builder
         */
        Builder take(int take);

        /**
         * Sets {@link LicensePage#totalCount()}.
         *
         * @param totalCount the value
         * @return this builder
         */
        Builder totalCount(int totalCount);

        /**
         * Adds to {@link LicensePage#items()}.
         *
         * @param element the element
         * @return this builder
         */
        Builder addItems(LicenseRecord element);

        /**
         * Adds to {@link LicensePage#items()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addItems(LicenseRecord... elements);

        /**
         * Sets {@link LicensePage#items()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder items(Iterable<? extends LicenseRecord> elements);

        /**
         * Adds to {@link LicensePage#items()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addAllItems(Iterable<? extends LicenseRecord> elements);

        /**
         * Builds the value.
         *
         * @return the LicensePage
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        LicensePage build();
    }
}
