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
    static ImmutableLicensePage.Builder builder() {
        return ImmutableLicensePage.builder();
    }
}
