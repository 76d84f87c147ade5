package dev.esetshop.pricing;

import dev.esetshop.pricing.catalog.PriceRow;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link RuleTrace}: the row itself, and the row's parts and the optional values made when
 * read, because every quote makes a trace per line and few are read.
 *
 * @param code the programme's code, or null
 * @param days the days of an extension line, or -1
 */
record RuleTraceRecord(
        PriceRow row,
        BigDecimal listPrice,
        BigDecimal discountRate,
        RuleTrace.DiscountSource discountSource,
        @Nullable String code,
        BigDecimal margin,
        BigDecimal prorationFactor,
        long days)
        implements RuleTrace {

    @Override
    public String sku() {
        return row.sku().value();
    }

    @Override
    public String action() {
        return row.action().name();
    }

    @Override
    public int years() {
        return row.years();
    }

    @Override
    public int bandMinSeats() {
        return row.minSeats();
    }

    @Override
    public int bandMaxSeats() {
        return row.maxSeats();
    }

    @Override
    public BigDecimal unitPrice() {
        return row.unitPrice();
    }

    @Override
    public Optional<String> discountCode() {
        return Optional.ofNullable(code);
    }

    @Override
    public Optional<Long> prorationDays() {
        return days < 0 ? Optional.empty() : Optional.of(days);
    }
}
