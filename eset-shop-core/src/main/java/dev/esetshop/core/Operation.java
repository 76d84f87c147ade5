package dev.esetshop.core;

/** The operations of the shop, as the quote protocol names them. */
public enum Operation {
    /** A new license. */
    NEW,
    /** Renewal and/or extension of an existing license. */
    RENEWAL,
    /** Change of an active license to another product. */
    PRODUCT_CHANGE,
    /** A free trial license of 1 or 3 months. */
    TRIAL,
    /** A trial license turned into a paid license under the same license id, priced as NEW. */
    TRIAL_CONVERSION
}
