package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;

/** The one implementation of {@link QuoteLine}, made by the engine through {@link RecordQuoteValues}. */
record QuoteLineRecord(
        QuoteLine.Kind kind,
        Sku sku,
        ProductCode product,
        int seats,
        Money streetPrice,
        Money yourPrice,
        RuleTrace trace)
        implements QuoteLine {}
