package dev.esetshop.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.immutables.value.Value;

/** What a quote depends on besides the request: the shop's date and the partner's margin. */
@Value.Immutable
public interface QuoteContext {

    /** The shop's date in the marketplace's zone. */
    @Value.Parameter
    LocalDate today();

    /** The partner margin in [0, 1); a margin outside gets an {@code INVALID_REQUEST} violation on {@code margin}. */
    @Value.Parameter
    BigDecimal margin();

    /** A context. */
    static QuoteContext of(LocalDate today, BigDecimal margin) {
        return ImmutableQuoteContext.of(today, margin);
    }
}
