package dev.esetshop.core;

/**
 * The stable codes of the rules a request can break (the violation table of the shop specification), plus the
 * order rules the SDK checks before it sends anything to ESET. Codes never change meaning; new ones may be added.
 */
public enum ViolationCode {
    /** The request itself is malformed: a required field missing, a negative number, an unreadable date. */
    INVALID_REQUEST,
    /** The product (or the current license's product) is not in the catalog. */
    UNKNOWN_PRODUCT,
    /** Seats outside the product's range (also ESET's 8/30). */
    SEATS_OUT_OF_RANGE,
    /** No price row for the asked action, years and band. */
    PERIOD_NOT_OFFERED,
    /** The discount programme is not in the catalog. */
    UNKNOWN_DISCOUNT,
    /** The programme needs an eligibility code and none was given. */
    ELIGIBILITY_REQUIRED,
    /** Crossgrade and a discount programme in one request. */
    DISCOUNTS_DO_NOT_STACK,
    /** Crossgrade without a proof reference. */
    CROSSGRADE_PROOF_REQUIRED,
    /** The old license covers less than the policy's share of the new seats. */
    CROSSGRADE_COVERAGE,
    /** The old license expired longer ago than the policy allows. */
    CROSSGRADE_EXPIRED,
    /** Renewal of a license expired longer ago than the renewal window. */
    NOT_RENEWABLE,
    /** Extension without years, or product change, on an expired license (also ESET's 8/37). */
    LICENSE_EXPIRED,
    /** A renewal with 0 years and the same seats. */
    NO_CHANGE,
    /** Fewer seats in a product change, or in an extension without years. */
    SEATS_CANNOT_DECREASE,
    /** The target is not an allowed change for the current product (or is the same product; also ESET's 8/45). */
    PRODUCT_CHANGE_NOT_OFFERED,
    /** The product offers no trial, or not for the asked months (also ESET's 8/32). */
    TRIAL_NOT_OFFERED,
    /** A discount or crossgrade on a trial, or a renewal or product change of a trial license (convert it instead). */
    NOT_ALLOWED_FOR_TRIAL,
    /** A trial conversion of a license that is not a trial (also ESET's 8/48). */
    NOT_A_TRIAL,
    /** A NEW or TRIAL order without the reseller's acceptance of the EULA. */
    EULA_REQUIRED,
    /** The end customer misses a required field or has an implausible email address. */
    END_CUSTOMER_INVALID,
    /** The customer order reference is longer than 64 characters. */
    REFERENCE_TOO_LONG,
    /** The quote no longer holds today or under the current catalog: quote again. */
    QUOTE_OUTDATED,
    /** ESET refused the quantity of an order (ESET 8/18), such as an extension that adds no seats. */
    QUANTITY_NOT_ALLOWED,
    /** ESET does not offer the product to this partner (ESET 8/27). */
    PRODUCT_NOT_AVAILABLE,
    /**
     * ESET refused the order for a reason the shop has no name for (another sub-code, an unknown license, a reused
     * idempotency key); the violation's arguments keep ESET's codes and text.
     */
    ESET_REFUSED
}
