package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.immutables.value.Value;

/**
 * An accepted quote: its lines (the renewal line first when there is an extension), the totals as sums of the
 * rounded lines, and the expiration the license will have. It keeps the request and context it was made from, so
 * an order can check it again against another day or catalog.
 */
@Value.Immutable
public interface Quote {

    /** The request quoted. */
    @Value.Parameter
    QuoteRequest request();

    /** The date and margin it was quoted with. */
    @Value.Parameter
    QuoteContext context();

    /** The catalog's fingerprint: a quote made from another catalog must be quoted again. */
    @Value.Parameter
    String catalogFingerprint();

    /** The currency of every amount. */
    @Value.Parameter
    Currency currency();

    /** The lines; empty for a trial. */
    @Value.Parameter
    List<QuoteLine> lines();

    /** The sum of the lines' street prices. */
    @Value.Parameter
    Money streetPrice();

    /** The sum of the lines' prices at the partner margin. */
    @Value.Parameter
    Money yourPrice();

    /** The license's expiration after the operation. */
    @Value.Parameter
    LocalDate expires();

    /** A builder. */
    static Builder builder() {
        return ImmutableQuote.builder();
    }

    /** Collects the values of a {@link Quote}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(Quote instance);

        /**
         * Sets {@link Quote#request()}.
         *
         * @param request the value
         * @return this builder
         */
        Builder request(QuoteRequest request);

        /**
         * Sets {@link Quote#context()}.
         *
         * @param context the value
         * @return this builder
         */
        Builder context(QuoteContext context);

        /**
         * Sets {@link Quote#catalogFingerprint()}.
         *
         * @param catalogFingerprint the value
         * @return this builder
         */
        Builder catalogFingerprint(String catalogFingerprint);

        /**
         * Sets {@link Quote#currency()}.
         *
         * @param currency the value
         * @return this builder
         */
        Builder currency(Currency currency);

        /**
         * Adds to {@link Quote#lines()}.
         *
         * @param element the element
         * @return this builder
         */
        Builder addLines(QuoteLine element);

        /**
         * Adds to {@link Quote#lines()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addLines(QuoteLine... elements);

        /**
         * Sets {@link Quote#lines()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder lines(Iterable<? extends QuoteLine> elements);

        /**
         * Adds to {@link Quote#lines()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addAllLines(Iterable<? extends QuoteLine> elements);

        /**
         * Sets {@link Quote#streetPrice()}.
         *
         * @param streetPrice the value
         * @return this builder
         */
        Builder streetPrice(Money streetPrice);

        /**
         * Sets {@link Quote#yourPrice()}.
         *
         * @param yourPrice the value
         * @return this builder
         */
        Builder yourPrice(Money yourPrice);

        /**
         * Sets {@link Quote#expires()}.
         *
         * @param expires the value
         * @return this builder
         */
        Builder expires(LocalDate expires);

        /**
         * Builds the value.
         *
         * @return the Quote
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        Quote build();
    }
}
