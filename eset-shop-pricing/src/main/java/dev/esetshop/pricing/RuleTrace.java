package dev.esetshop.pricing;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a quote line's price was made, enough for a marketplace to explain it to a reseller: the price row and band,
 * the discount and its source, the margin, and the proration of an extension line.
 */
@Value.Immutable
public interface RuleTrace {

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

    /** A builder. */
    static Builder builder() {
        return ImmutableRuleTrace.builder();
    }

    /** Collects the values of a {@link RuleTrace}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(RuleTrace instance);

        /**
         * Sets {@link RuleTrace#sku()}.
         *
         * @param sku the value
         * @return this builder
         */
        Builder sku(String sku);

        /**
         * Sets {@link RuleTrace#action()}.
         *
         * @param action the value
         * @return this builder
         */
        Builder action(String action);

        /**
         * Sets {@link RuleTrace#years()}.
         *
         * @param years the value
         * @return this builder
         */
        Builder years(int years);

        /**
         * Sets {@link RuleTrace#bandMinSeats()}.
         *
         * @param bandMinSeats the value
         * @return this builder
         */
        Builder bandMinSeats(int bandMinSeats);

        /**
         * Sets {@link RuleTrace#bandMaxSeats()}.
         *
         * @param bandMaxSeats the value
         * @return this builder
         */
        Builder bandMaxSeats(int bandMaxSeats);

        /**
         * Sets {@link RuleTrace#unitPrice()}.
         *
         * @param unitPrice the value
         * @return this builder
         */
        Builder unitPrice(BigDecimal unitPrice);

        /**
         * Sets {@link RuleTrace#listPrice()}.
         *
         * @param listPrice the value
         * @return this builder
         */
        Builder listPrice(BigDecimal listPrice);

        /**
         * Sets {@link RuleTrace#discountRate()}.
         *
         * @param discountRate the value
         * @return this builder
         */
        Builder discountRate(BigDecimal discountRate);

        /**
         * Sets {@link RuleTrace#discountSource()}.
         *
         * @param discountSource the value
         * @return this builder
         */
        Builder discountSource(RuleTrace.DiscountSource discountSource);

        /**
         * Sets {@link RuleTrace#discountCode()}.
         *
         * @param discountCode the value
         * @return this builder
         */
        Builder discountCode(String discountCode);

        /**
         * Sets {@link RuleTrace#discountCode()}.
         *
         * @param discountCode the value
         * @return this builder
         */
        Builder discountCode(Optional<String> discountCode);

        /**
         * Sets {@link RuleTrace#margin()}.
         *
         * @param margin the value
         * @return this builder
         */
        Builder margin(BigDecimal margin);

        /**
         * Sets {@link RuleTrace#prorationFactor()}.
         *
         * @param prorationFactor the value
         * @return this builder
         */
        Builder prorationFactor(BigDecimal prorationFactor);

        /**
         * Sets {@link RuleTrace#prorationDays()}.
         *
         * @param prorationDays the value
         * @return this builder
         */
        Builder prorationDays(long prorationDays);

        /**
         * Sets {@link RuleTrace#prorationDays()}.
         *
         * @param prorationDays the value
         * @return this builder
         */
        Builder prorationDays(Optional<Long> prorationDays);

        /**
         * Builds the value.
         *
         * @return the RuleTrace
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        RuleTrace build();
    }
}
