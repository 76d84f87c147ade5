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
    /** Seats outside the product's range. */
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
    /** Extension without years, or product change, on an expired license. */
    LICENSE_EXPIRED,
    /** A renewal with 0 years and the same seats. */
    NO_CHANGE,
    /** Fewer seats in a product change, or in an extension without years. */
    SEATS_CANNOT_DECREASE,
    /** The target is not an allowed change for the current product (or is the same product). */
    PRODUCT_CHANGE_NOT_OFFERED,
    /** The product offers no trial, or not for the asked months. */
    TRIAL_NOT_OFFERED,
    /** A discount or crossgrade on a trial, or a renewal or product change of a trial license. */
    NOT_ALLOWED_FOR_TRIAL,
    /** A NEW or TRIAL order without the reseller's acceptance of the EULA. */
    EULA_REQUIRED,
    /** The end customer misses a required field or has an implausible email address. */
    END_CUSTOMER_INVALID,
    /** The customer order reference is longer than 64 characters. */
    REFERENCE_TOO_LONG,
    /** The quote no longer holds today or under the current catalog: quote again. */
    QUOTE_OUTDATED
}
