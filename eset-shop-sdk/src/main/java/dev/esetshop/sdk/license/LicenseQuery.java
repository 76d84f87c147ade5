package dev.esetshop.sdk.license;

import dev.esetshop.core.ProductCode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** A filter over the license book; every absent criterion matches all. */
@Value.Immutable
public interface LicenseQuery {

    /** Only licenses expiring on or after this day (the renewal window's start). */
    Optional<LocalDate> expiresOnOrAfter();

    /** Only licenses expiring on or before this day. */
    Optional<LocalDate> expiresOnOrBefore();

    /** Only licenses of this product. */
    Optional<ProductCode> product();

    /** Only licenses whose end customer's organisation, name or email contains this text (ignoring case). */
    Optional<String> customerText();

    /** Whether trial licenses are included. */
    @Value.Default
    default boolean includeTrials() {
        return true;
    }

    /** At most this many licenses. */
    OptionalInt limit();

    /** A builder. */
    static ImmutableLicenseQuery.Builder builder() {
        return ImmutableLicenseQuery.builder();
    }

    /** A query that matches every license. */
    static LicenseQuery all() {
        return builder().build();
    }
}
