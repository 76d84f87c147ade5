package dev.esetshop.pricing.catalog;

import java.math.BigDecimal;
import org.immutables.value.Value;

/** The catalog's policy: the crossgrade rate, coverage and day limit, and the renewal window after expiry. */
@Value.Immutable
public abstract class CatalogPolicy {
    /** Only the generated implementation extends it. */
    CatalogPolicy() {}

    /** The share a crossgrade takes off the list price, in [0, 1). */
    public abstract BigDecimal crossgradeRate();

    /** The share of the new seats the old license must cover, in [0, 1]. */
    public abstract BigDecimal crossgradeMinCoverage();

    /** How many days after its expiry an old license still qualifies for a crossgrade. */
    public abstract int crossgradeMaxDaysExpired();

    /** How many days after its expiry a license can still be renewed. */
    public abstract int renewalMaxDaysExpired();

    /** A builder. */
    public static Builder builder() {
        return ImmutableCatalogPolicy.builder();
    }

    @Value.Check
    void check() {
        if (crossgradeRate().signum() < 0 || crossgradeRate().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("crossgradeRate must be in [0, 1): " + crossgradeRate());
        }
        if (crossgradeMinCoverage().signum() < 0 || crossgradeMinCoverage().compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("crossgradeMinCoverage must be in [0, 1]: " + crossgradeMinCoverage());
        }
        if (crossgradeMaxDaysExpired() < 0 || renewalMaxDaysExpired() < 0) {
            throw new IllegalArgumentException("day limits must not be negative");
        }
    }

    /** Collects the values of a {@link CatalogPolicy}; {@link #build()} checks them. */
    public interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(CatalogPolicy instance);

        /**
         * Sets {@link CatalogPolicy#crossgradeRate()}.
         *
         * @param crossgradeRate the value
         * @return this builder
         */
        Builder crossgradeRate(BigDecimal crossgradeRate);

        /**
         * Sets {@link CatalogPolicy#crossgradeMinCoverage()}.
         *
         * @param crossgradeMinCoverage the value
         * @return this builder
         */
        Builder crossgradeMinCoverage(BigDecimal crossgradeMinCoverage);

        /**
         * Sets {@link CatalogPolicy#crossgradeMaxDaysExpired()}.
         *
         * @param crossgradeMaxDaysExpired the value
         * @return this builder
         */
        Builder crossgradeMaxDaysExpired(int crossgradeMaxDaysExpired);

        /**
         * Sets {@link CatalogPolicy#renewalMaxDaysExpired()}.
         *
         * @param renewalMaxDaysExpired the value
         * @return this builder
         */
        Builder renewalMaxDaysExpired(int renewalMaxDaysExpired);

        /**
         * Builds the value.
         *
         * @return the CatalogPolicy
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        CatalogPolicy build();
    }
}
