package dev.esetshop.sdk.license;

import dev.esetshop.core.ProductCode;
import dev.esetshop.sdk.internal.ImmutableLicenseQuery;
import dev.esetshop.sdk.internal.InternalValue;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** A filter over the license book; every absent criterion matches all. */
@Value.Immutable
// the shop's own code builds it from optional values: its generated class is public in the internal package
@InternalValue
public sealed interface LicenseQuery permits ImmutableLicenseQuery {

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
    static Builder builder() {
        return ImmutableLicenseQuery.builder();
    }

    /** A query that matches every license. */
    static LicenseQuery all() {
        return builder().build();
    }

    /** Collects the values of a {@link LicenseQuery}; {@link #build()} checks them. */
    interface Builder {
        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(LicenseQuery instance);

        Builder expiresOnOrAfter(LocalDate expiresOnOrAfter);

        Builder expiresOnOrBefore(LocalDate expiresOnOrBefore);

        Builder product(ProductCode product);

        Builder customerText(String customerText);

        /** Default true. */
        Builder includeTrials(boolean includeTrials);

        Builder limit(int limit);

        /**
         * Builds the value.
         *
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        LicenseQuery build();
    }
}
