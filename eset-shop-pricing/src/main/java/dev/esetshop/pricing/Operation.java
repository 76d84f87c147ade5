package dev.esetshop.pricing;

/** The operations of the shop, as the quote protocol names them. */
public enum Operation {
    /** A new license (F5). */
    NEW,
    /** Renewal and/or extension of an existing license (F6). */
    RENEWAL,
    /** Change of an active license to another product (F7). */
    PRODUCT_CHANGE,
    /** A free trial license of 1 or 3 months (F8). */
    TRIAL
}
