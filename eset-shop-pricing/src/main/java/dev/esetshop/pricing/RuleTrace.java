package dev.esetshop.pricing;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How a quote line's price was made, enough for a marketplace to explain it to a reseller: the price row and band,
 * the discount and its source, the margin, and the proration of an extension line.
 */
public sealed interface RuleTrace permits RuleTraceRecord {

    /** Where a discount came from. */
    enum DiscountSource {
        /** No discount. */
        NONE,
        /** A discount programme (GOV, EDU, ...): see {@link #discountCode()}. */
        PROGRAMME,
        /** The catalog policy's crossgrade rate. */
        CROSSGRADE
    }

    /** The SKU of the price row. */
    String sku();

    /** The row's action: {@code NEW}, {@code RENEWAL} or {@code UPGRADE}. */
    String action();

    /** The row's years. */
    int years();

    /** The band's lowest seat count. */
    int bandMinSeats();

    /** The band's highest seat count. */
    int bandMaxSeats();

    /** The row's unit price: street price per seat for the whole period. */
    BigDecimal unitPrice();

    /** The exact list price, {@code unit × seats × factor}, before rounding. */
    BigDecimal listPrice();

    /** The discount rate {@code d}. */
    BigDecimal discountRate();

    /** Where the discount came from. */
    DiscountSource discountSource();

    /** The programme's code when the source is {@link DiscountSource#PROGRAMME}. */
    Optional<String> discountCode();

    /** The partner margin {@code m}. */
    BigDecimal margin();

    /**
     * The proration factor: 1, or {@code days / 365} for an extension line (to 34 significant digits, for reading:
     * the line's amounts are the exact fraction {@code unit × seats × days / 365}, discounted, rounded once).
     */
    BigDecimal prorationFactor();

    /** For an extension line, the days from today until the license's expiration. */
    Optional<Long> prorationDays();
}
