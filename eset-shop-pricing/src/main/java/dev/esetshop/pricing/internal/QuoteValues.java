package dev.esetshop.pricing.internal;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.RuleTrace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Makes the values of an accepted quote from all their parts at once. The engine runs on every keystroke of a
 * configurator, and a builder per value (three or five per quote) cost as much as the arithmetic; the generated
 * classes that take every part in one call are package-private beside the public types, so the implementation lives
 * there and {@link dev.esetshop.pricing.Pricing} hands it to the engine.
 */
public interface QuoteValues {

    /** The trace of one line, in the order of {@link RuleTrace}'s attributes. */
    RuleTrace trace(
            String sku,
            String action,
            int years,
            int bandMinSeats,
            int bandMaxSeats,
            BigDecimal unitPrice,
            BigDecimal listPrice,
            BigDecimal discountRate,
            RuleTrace.DiscountSource discountSource,
            Optional<String> discountCode,
            BigDecimal margin,
            BigDecimal prorationFactor,
            Optional<Long> prorationDays);

    /** One line. */
    QuoteLine line(
            QuoteLine.Kind kind,
            Sku sku,
            ProductCode product,
            int seats,
            Money streetPrice,
            Money yourPrice,
            RuleTrace trace);

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
