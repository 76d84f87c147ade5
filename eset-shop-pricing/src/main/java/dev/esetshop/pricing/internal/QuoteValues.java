package dev.esetshop.pricing.internal;

import dev.esetshop.core.Money;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.RuleTrace;
import dev.esetshop.pricing.catalog.PriceRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes the values of an accepted quote from all their parts at once. The engine runs on every keystroke of a
 * configurator, and a builder per value (three or five per quote) cost as much as the arithmetic, as did a trace
 * made before anyone reads it; the quote's values
 * are output only, their implementations package-private beside the public types, so the implementation of this
 * interface lives there and {@link dev.esetshop.pricing.Pricing} hands it to the engine.
 */
public interface QuoteValues {

    /**
     * One line on its price row, with what its trace is made of when read: {@code units} is the seats, times the
     * days for an extension line; {@code discountCode} is null without a programme, {@code prorationDays} negative
     * for a line of the whole period.
     */
    QuoteLine line(
            QuoteLine.Kind kind,
            PriceRow row,
            int seats,
            Money streetPrice,
            Money yourPrice,
            long units,
            BigDecimal discountRate,
            RuleTrace.DiscountSource discountSource,
            @Nullable String discountCode,
            BigDecimal margin,
            long prorationDays);

    /** The quote; {@code lines} is copied. */
    Quote quote(
            QuoteRequest request,
            QuoteContext context,
            String catalogFingerprint,
            Currency currency,
            List<QuoteLine> lines,
            Money streetPrice,
            Money yourPrice,
            LocalDate expires);
}
