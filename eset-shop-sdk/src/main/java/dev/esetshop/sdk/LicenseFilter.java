package dev.esetshop.sdk;

import dev.esetshop.core.ProductCode;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** Narrows {@link EsetShop#renewableLicenses(LicenseFilter)}; every absent criterion matches all. */
@Value.Immutable
public abstract class LicenseFilter {
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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(LicenseFilter instance);

        /**
         * Sets {@link LicenseFilter#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(ProductCode product);

        /**
         * Sets {@link LicenseFilter#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(Optional<? extends ProductCode> product);

        /**
         * Sets {@link LicenseFilter#customerText()}.
         *
         * @param customerText the value
         * @return this builder
         */
        Builder customerText(String customerText);

        /**
         * Sets {@link LicenseFilter#customerText()}.
         *
         * @param customerText the value
         * @return this builder
         */
        Builder customerText(Optional<String> customerText);

        /**
         * Sets {@link LicenseFilter#expiringWithinDays()}.
         *
         * @param expiringWithinDays the value
         * @return this builder
         */
        Builder expiringWithinDays(int expiringWithinDays);

        /**
         * Sets {@link LicenseFilter#expiringWithinDays()}.
         *
         * @param expiringWithinDays the value
         * @return this builder
         */
        Builder expiringWithinDays(OptionalInt expiringWithinDays);

        /**
         * Sets {@link LicenseFilter#limit()}.
         *
         * @param limit the value
         * @return this builder
         */
        Builder limit(int limit);

        /**
         * Sets {@link LicenseFilter#limit()}.
         *
         * @param limit the value
         * @return this builder
         */
        Builder limit(OptionalInt limit);

        /**
         * Sets {@link LicenseFilter#includeTrials()}.
         *
         * @param includeTrials the value
         * @return this builder
         */
        Builder includeTrials(boolean includeTrials);

        /**
         * Builds the value.
         *
         * @return the LicenseFilter
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        LicenseFilter build();
    }
}
