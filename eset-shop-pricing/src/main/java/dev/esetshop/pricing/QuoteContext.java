package dev.esetshop.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a quote depends on besides the request: the shop's date and the partner's margin.
 *
 * @param today the shop's date in the marketplace's zone
 * @param margin the partner margin in [0, 1); a margin outside gets an {@code INVALID_REQUEST} violation on
 *     {@code margin} when quoted
 */
public record QuoteContext(LocalDate today, BigDecimal margin) {

    /**
     * A context.
     *
     * @throws NullPointerException when a part is null
     */
    public QuoteContext {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(margin, "margin");
    }

    /**
     * A context.
     *
     * @param today the shop's date
     * @param margin the partner margin
     * @return the context
     * @throws NullPointerException when a part is null
     */
    public static QuoteContext of(LocalDate today, BigDecimal margin) {
        return new QuoteContext(today, margin);
    }
}
