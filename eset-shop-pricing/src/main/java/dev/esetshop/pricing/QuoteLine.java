package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import org.immutables.value.Value;

/** One priced line of a quote, with the trace of the rules that made its price. */
@Value.Immutable
public sealed interface QuoteLine permits ImmutableQuoteLine {

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
    @Value.Parameter
    Kind kind();

    /** The SKU of the price row used. */
    @Value.Parameter
    Sku sku();

    /** The product priced. */
    @Value.Parameter
    ProductCode product();

    /** The seats the line prices (for an extension: the seats added). */
    @Value.Parameter
    int seats();

    /** {@code round(list × (1 − d))}. */
    @Value.Parameter
    Money streetPrice();

    /** {@code round(list × (1 − d) × (1 − m))}. */
    @Value.Parameter
    Money yourPrice();

    /** How the price was made. */
    @Value.Parameter
    RuleTrace trace();
}
