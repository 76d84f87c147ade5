package dev.esetshop.sdk;

import dev.esetshop.core.ProductCode;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** Narrows {@link EsetShop#renewableLicenses(LicenseFilter)}; every absent criterion matches all. */
@Value.Immutable
public interface LicenseFilter {

    /** Only licenses of this product. */
    Optional<ProductCode> product();

    /** Only licenses whose end customer's organisation, contact name or email contains this text (ignoring case). */
    Optional<String> customerText();

    /** Only licenses that expire within this many days from today (or have expired, within the renewal window). */
    OptionalInt expiringWithinDays();

    /** At most this many licenses. */
    OptionalInt limit();

    /** Whether trial licenses are listed too (default false: they cannot be renewed, only replaced by a new license). */
    @Value.Default
    default boolean includeTrials() {
        return false;
    }

    /** A builder. */
    static ImmutableLicenseFilter.Builder builder() {
        return ImmutableLicenseFilter.builder();
    }

    /** Every renewable license, trials excluded. */
    static LicenseFilter all() {
        return builder().build();
    }

    @Value.Check
    default void check() {
        if (expiringWithinDays().orElse(0) < 0) {
            throw new IllegalArgumentException("expiringWithinDays must not be negative");
        }
        if (limit().orElse(1) < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
