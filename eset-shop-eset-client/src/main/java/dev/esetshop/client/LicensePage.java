package dev.esetshop.client;

import java.util.List;
import org.immutables.value.Value;

/** One page of a license search: its records in ESET's order and the total the search matches. */
@Value.Immutable
public sealed interface LicensePage permits ImmutableLicensePage {

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

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(LicensePage instance);

        /** Required. */
        Builder skip(int skip);

        /** Required. */
        Builder take(int take);

        /** Required. */
        Builder totalCount(int totalCount);

        Builder addItems(LicenseRecord element);

        Builder addItems(LicenseRecord... elements);

        Builder items(Iterable<? extends LicenseRecord> elements);

        Builder addAllItems(Iterable<? extends LicenseRecord> elements);

        /** Builds the value; throws {@link IllegalStateException} when a required value is missing. */
        LicensePage build();
    }
}
