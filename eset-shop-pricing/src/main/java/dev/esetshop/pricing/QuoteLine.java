package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;

/** One priced line of a quote, with the trace of the rules that made its price. */
public sealed interface QuoteLine permits QuoteLineRecord {

    /** What the line is for. */
    enum Kind {
        /** A new license. */
        NEW,
        /** The renewal of a license by whole years. */
        RENEWAL,
        /** The added seats' cover from today until the license's current expiration, prorated. */
        EXTENSION,
        /** A change to another product. */
        PRODUCT_CHANGE
    }

    /** What the line is for. */
    Kind kind();

    /** The SKU of the price row used. */
    Sku sku();

    /** The product priced. */
    ProductCode product();

    /** The seats the line prices (for an extension: the seats added). */
    int seats();

    /** {@code round(list × (1 − d))}. */
    Money streetPrice();

    /** {@code round(list × (1 − d) × (1 − m))}. */
    Money yourPrice();

    /** How the price was made. */
    RuleTrace trace();
}
