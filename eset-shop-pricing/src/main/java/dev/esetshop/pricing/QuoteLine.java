package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import org.immutables.value.Value;

/** One priced line of a quote, with the trace of the rules that made its price. */
@Value.Immutable
public interface QuoteLine {

    /** What the line is for. */
    enum Kind {
        /** A new license. */
        NEW,
        /** The renewal of a license by whole years. */
        RENEWAL,
        /** The added seats' cover from today until the license's current expiration, prorated. */
        EXTENSION,
        /** A change to another product. */
        PRODUCT_CHANGE
    }

    /** What the line is for. */
    @Value.Parameter
    Kind kind();

    /** The SKU of the price row used. */
    @Value.Parameter
    Sku sku();

    /** The product priced. */
    @Value.Parameter
    ProductCode product();

    /** The seats the line prices (for an extension: the seats added). */
    @Value.Parameter
    int seats();

    /** {@code round(list × (1 − d))}. */
    @Value.Parameter
    Money streetPrice();

    /** {@code round(list × (1 − d) × (1 − m))}. */
    @Value.Parameter
    Money yourPrice();

    /** How the price was made. */
    @Value.Parameter
    RuleTrace trace();

    /** A builder. */
    static Builder builder() {
        return ImmutableQuoteLine.builder();
    }

    /** Collects the values of a {@link QuoteLine}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(QuoteLine instance);

        /**
         * Sets {@link QuoteLine#kind()}.
         *
         * @param kind the value
         * @return this builder
         */
        Builder kind(QuoteLine.Kind kind);

        /**
         * Sets {@link QuoteLine#sku()}.
         *
         * @param sku the value
         * @return this builder
         */
        Builder sku(Sku sku);

        /**
         * Sets {@link QuoteLine#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(ProductCode product);

        /**
         * Sets {@link QuoteLine#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link QuoteLine#streetPrice()}.
         *
         * @param streetPrice the value
         * @return this builder
         */
        Builder streetPrice(Money streetPrice);

        /**
         * Sets {@link QuoteLine#yourPrice()}.
         *
         * @param yourPrice the value
         * @return this builder
         */
        Builder yourPrice(Money yourPrice);

        /**
         * Sets {@link QuoteLine#trace()}.
         *
         * @param trace the value
         * @return this builder
         */
        Builder trace(RuleTrace trace);

        /**
         * Builds the value.
         *
         * @return the QuoteLine
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        QuoteLine build();
    }
}
