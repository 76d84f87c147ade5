package dev.esetshop.sdk;

import dev.esetshop.core.ProductCode;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** Narrows {@link EsetShop#renewableLicenses(LicenseFilter)}; every absent criterion matches all. */
@Value.Immutable
public abstract sealed class LicenseFilter permits ImmutableLicenseFilter {
    /** Only the generated implementation extends it. */
    LicenseFilter() {}

    /** Only licenses of this product. */
    public abstract Optional<ProductCode> product();

    /** Only licenses whose end customer's organisation, contact name or email contains this text (ignoring case). */
    public abstract Optional<String> customerText();

    /** Only licenses that expire within this many days from today (or have expired, within the renewal window). */
    public abstract OptionalInt expiringWithinDays();

    /** At most this many licenses. */
    public abstract OptionalInt limit();

    /** Whether trial licenses are listed too (default false: they cannot be renewed, only replaced by a new license). */
    @Value.Default
    public boolean includeTrials() {
        return false;
    }

    /** A builder. */
    public static Builder builder() {
        return ImmutableLicenseFilter.builder();
    }

    /** Every renewable license, trials excluded. */
    public static LicenseFilter all() {
        return builder().build();
    }

    @Value.Check
    void check() {
        if (expiringWithinDays().orElse(0) < 0) {
            throw new IllegalArgumentException("expiringWithinDays must not be negative");
        }
        if (limit().orElse(1) < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** Collects the values of a {@link LicenseFilter}; {@link #build()} checks them. */
    public interface Builder {
        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(LicenseFilter instance);

        Builder product(ProductCode product);

        Builder customerText(String customerText);

        /** 0 or more. */
        Builder expiringWithinDays(int expiringWithinDays);

        /** At least 1. */
        Builder limit(int limit);

        /** Default false. */
        Builder includeTrials(boolean includeTrials);

        /**
         * Builds the value.
         *
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        LicenseFilter build();
    }
}
