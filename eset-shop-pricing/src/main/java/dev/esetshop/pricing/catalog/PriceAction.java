package dev.esetshop.pricing.catalog;

/** The action a price row is for. */
public enum PriceAction {
    /** A new license. */
    NEW,
    /** Renewing an existing license. */
    RENEWAL,
    /** Changing a license to another product. */
    UPGRADE
}
