package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.pricing.internal.QuoteValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The quote's values made by their generated classes in one call each, without a builder. */
final class GeneratedQuoteValues implements QuoteValues {

    /** Stateless: one for every engine. */
    static final QuoteValues INSTANCE = new GeneratedQuoteValues();

    private GeneratedQuoteValues() {}

    @Override
    public RuleTrace trace(
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
            Optional<Long> prorationDays) {
        return ImmutableRuleTrace.of(
                sku,
                action,
                years,
                bandMinSeats,
                bandMaxSeats,
                unitPrice,
                listPrice,
                discountRate,
                discountSource,
                discountCode,
                margin,
                prorationFactor,
                prorationDays);
    }

    @Override
    public QuoteLine line(
            QuoteLine.Kind kind,
            Sku sku,
            ProductCode product,
            int seats,
            Money streetPrice,
            Money yourPrice,
            RuleTrace trace) {
        return ImmutableQuoteLine.of(kind, sku, product, seats, streetPrice, yourPrice, trace);
    }

    @Override
    public Quote quote(
            QuoteRequest request,
            QuoteContext context,
            String catalogFingerprint,
            Currency currency,
            List<QuoteLine> lines,
            Money streetPrice,
            Money yourPrice,
            LocalDate expires) {
        return ImmutableQuote.of(
                request, context, catalogFingerprint, currency, lines, streetPrice, yourPrice, expires);
    }
}
