package dev.esetshop.pricing.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The catalog's policy: the crossgrade rate, coverage and day limit, and the renewal window after expiry.
 *
 * @param crossgradeRate the share a crossgrade takes off the list price, in [0, 1)
 * @param crossgradeMinCoverage the share of the new seats the old license must cover, in [0, 1]
 * @param crossgradeMaxDaysExpired how many days after its expiry an old license still qualifies for a crossgrade
 * @param renewalMaxDaysExpired how many days after its expiry a license can still be renewed
 */
public record CatalogPolicy(
        BigDecimal crossgradeRate,
        BigDecimal crossgradeMinCoverage,
        int crossgradeMaxDaysExpired,
        int renewalMaxDaysExpired) {

    /**
     * Checks the policy.
     *
     * @throws NullPointerException when a share is null
     * @throws IllegalArgumentException when a share lies outside its range or a day limit is negative
     */
    public CatalogPolicy {
        Objects.requireNonNull(crossgradeRate, "crossgradeRate");
        Objects.requireNonNull(crossgradeMinCoverage, "crossgradeMinCoverage");
        if (crossgradeRate.signum() < 0 || crossgradeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("crossgradeRate must be in [0, 1): " + crossgradeRate);
        }
        if (crossgradeMinCoverage.signum() < 0 || crossgradeMinCoverage.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("crossgradeMinCoverage must be in [0, 1]: " + crossgradeMinCoverage);
        }
        if (crossgradeMaxDaysExpired < 0 || renewalMaxDaysExpired < 0) {
            throw new IllegalArgumentException("day limits must not be negative");
        }
    }
}
