package dev.esetshop.pricing;

import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.internal.Proration;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link RuleTrace}, made by {@link QuoteLineRecord#trace()} when read: the row's parts
 * come from the row, and an extension line's list price and factor (34-digit quotients) are made when asked for.
 *
 * @param units the seats, times the days for an extension line
 * @param code the programme's code, or null
 * @param days the days of an extension line, or -1
 */
record RuleTraceRecord(
        PriceRow row,
        long units,
        BigDecimal discountRate,
        RuleTrace.DiscountSource discountSource,
        @Nullable String code,
        BigDecimal margin,
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
    public BigDecimal listPrice() {
        return days < 0
                ? row.unitPrice().multiply(BigDecimal.valueOf(units))
                : Proration.listPrice(row.unitPrice(), units);
    }

    @Override
    public BigDecimal prorationFactor() {
        return days < 0 ? BigDecimal.ONE : Proration.factor(days);
    }

    @Override
    public Optional<String> discountCode() {
        return Optional.ofNullable(code);
    }

    @Override
    public Optional<Long> prorationDays() {
        return days < 0 ? Optional.empty() : Optional.of(days);
    }

    /** The trace as its accessors give it, not the parts it is made of. */
    @Override
    public String toString() {
        return "RuleTrace[sku=" + sku() + ", action=" + action() + ", years=" + years() + ", band=" + bandMinSeats()
                + "-" + bandMaxSeats() + ", unitPrice=" + unitPrice() + ", listPrice=" + listPrice()
                + ", discountRate=" + discountRate + ", discountSource=" + discountSource + ", discountCode="
                + discountCode().orElse("none") + ", margin=" + margin + ", prorationFactor=" + prorationFactor()
                + ", prorationDays=" + prorationDays().map(String::valueOf).orElse("none") + "]";
    }
}
