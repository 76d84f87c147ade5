package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.internal.QuoteValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The quote's values as the package-private records beside their public interfaces. */
final class RecordQuoteValues implements QuoteValues {

    /** Stateless: one for every engine. */
    static final QuoteValues INSTANCE = new RecordQuoteValues();

    private RecordQuoteValues() {}

    @Override
    public QuoteLine line(
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
            long prorationDays) {
        return new QuoteLineRecord(
                kind,
                row,
                seats,
                streetPrice,
                yourPrice,
                units,
                discountRate,
                discountSource,
                discountCode,
                margin,
                prorationDays);
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
        return new QuoteRecord(request, context, catalogFingerprint, currency, lines, streetPrice, yourPrice, expires);
    }
}
