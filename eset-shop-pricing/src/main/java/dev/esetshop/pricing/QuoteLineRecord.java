package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.pricing.catalog.PriceRow;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link QuoteLine}, made by the engine through {@link RecordQuoteValues}. It keeps what
 * its {@link RuleTrace} is made of and makes the trace when read: every quote makes its lines, few read a trace.
 *
 * @param units the seats, times the days for an extension line
 * @param code the programme's code, or null
 * @param days the days of an extension line, or -1
 */
record QuoteLineRecord(
        QuoteLine.Kind kind,
        PriceRow row,
        int seats,
        Money streetPrice,
        Money yourPrice,
        long units,
        BigDecimal discountRate,
        RuleTrace.DiscountSource discountSource,
        @Nullable String code,
        BigDecimal margin,
        long days)
        implements QuoteLine {

    @Override
    public Sku sku() {
        return row.sku();
    }

    @Override
    public ProductCode product() {
        return row.product();
    }

    @Override
    public RuleTrace trace() {
        return new RuleTraceRecord(row, units, discountRate, discountSource, code, margin, days);
    }

    /** The line as its accessors give it, not the parts its trace is made of. */
    @Override
    public String toString() {
        return "QuoteLine[kind=" + kind + ", sku=" + sku() + ", product=" + product() + ", seats=" + seats
                + ", streetPrice=" + streetPrice + ", yourPrice=" + yourPrice + ", trace=" + trace() + "]";
    }
}
