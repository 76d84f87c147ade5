package dev.esetshop.pricing.catalog;

import java.math.BigDecimal;
import org.immutables.value.Value;

/** The catalog's policy: the crossgrade rate, coverage and day limit, and the renewal window after expiry. */
@Value.Immutable
public interface CatalogPolicy {

    /** The share a crossgrade takes off the list price, in [0, 1). */
    BigDecimal crossgradeRate();

    /** The share of the new seats the old license must cover, in [0, 1]. */
    BigDecimal crossgradeMinCoverage();

    /** How many days after its expiry an old license still qualifies for a crossgrade. */
    int crossgradeMaxDaysExpired();

    /** How many days after its expiry a license can still be renewed. */
    int renewalMaxDaysExpired();

    /** A builder. */
    static ImmutableCatalogPolicy.Builder builder() {
        return ImmutableCatalogPolicy.builder();
    }

    @Value.Check
    default void check() {
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
}
