package dev.esetshop.pricing;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a quote line's price was made, enough for a marketplace to explain it to a reseller: the price row and band,
 * the discount and its source, the margin, and the proration of an extension line.
 */
@Value.Immutable
public sealed interface RuleTrace permits ImmutableRuleTrace {

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
    @Value.Parameter
    String sku();

    /** The row's action: {@code NEW}, {@code RENEWAL} or {@code UPGRADE}. */
    @Value.Parameter
    String action();

    /** The row's years. */
    @Value.Parameter
    int years();

    /** The band's lowest seat count. */
    @Value.Parameter
    int bandMinSeats();

    /** The band's highest seat count. */
    @Value.Parameter
    int bandMaxSeats();

    /** The row's unit price: street price per seat for the whole period. */
    @Value.Parameter
    BigDecimal unitPrice();

    /** The exact list price, {@code unit × seats × factor}, before rounding. */
    @Value.Parameter
    BigDecimal listPrice();

    /** The discount rate {@code d}. */
    @Value.Parameter
    BigDecimal discountRate();

    /** Where the discount came from. */
    @Value.Parameter
    DiscountSource discountSource();

    /** The programme's code when the source is {@link DiscountSource#PROGRAMME}. */
    @Value.Parameter
    Optional<String> discountCode();

    /** The partner margin {@code m}. */
    @Value.Parameter
    BigDecimal margin();

    /**
     * The proration factor: 1, or {@code days / 365} for an extension line (to 34 significant digits, for reading:
     * the line's amounts are the exact fraction {@code unit × seats × days / 365}, discounted, rounded once).
     */
    @Value.Parameter
    BigDecimal prorationFactor();

    /** For an extension line, the days from today until the license's expiration. */
    @Value.Parameter
    Optional<Long> prorationDays();
}
