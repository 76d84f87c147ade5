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
    static Builder builder() {
        return ImmutableLicenseQuery.builder();
    }

    /** A query that matches every license. */
    static LicenseQuery all() {
        return builder().build();
    }

    /** Collects the values of a {@link LicenseQuery}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(LicenseQuery instance);

        /**
         * Sets {@link LicenseQuery#expiresOnOrAfter()}.
         *
         * @param expiresOnOrAfter the value
         * @return this builder
         */
        Builder expiresOnOrAfter(LocalDate expiresOnOrAfter);

        /**
         * Sets {@link LicenseQuery#expiresOnOrAfter()}.
         *
         * @param expiresOnOrAfter the value
         * @return this builder
         */
        Builder expiresOnOrAfter(Optional<? extends LocalDate> expiresOnOrAfter);

        /**
         * Sets {@link LicenseQuery#expiresOnOrBefore()}.
         *
         * @param expiresOnOrBefore the value
         * @return this builder
         */
        Builder expiresOnOrBefore(LocalDate expiresOnOrBefore);

        /**
         * Sets {@link LicenseQuery#expiresOnOrBefore()}.
         *
         * @param expiresOnOrBefore the value
         * @return this builder
         */
        Builder expiresOnOrBefore(Optional<? extends LocalDate> expiresOnOrBefore);

        /**
         * Sets {@link LicenseQuery#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(ProductCode product);

        /**
         * Sets {@link LicenseQuery#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(Optional<? extends ProductCode> product);

        /**
         * Sets {@link LicenseQuery#customerText()}.
         *
         * @param customerText the value
         * @return this builder
         */
        Builder customerText(String customerText);

        /**
         * Sets {@link LicenseQuery#customerText()}.
         *
         * @param customerText the value
         * @return this builder
         */
        Builder customerText(Optional<String> customerText);

        /**
         * Sets {@link LicenseQuery#includeTrials()}.
         *
         * @param includeTrials the value
         * @return this builder
         */
        Builder includeTrials(boolean includeTrials);

        /**
         * Sets {@link LicenseQuery#limit()}.
         *
         * @param limit the value
         * @return this builder
         */
        Builder limit(int limit);

        /**
         * Sets {@link LicenseQuery#limit()}.
         *
         * @param limit the value
         * @return this builder
         */
        Builder limit(OptionalInt limit);

        /**
         * Builds the value.
         *
         * @return the LicenseQuery
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        LicenseQuery build();
    }
}
