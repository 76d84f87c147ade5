package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.immutables.value.Value;

/**
 * An accepted quote: its lines (the renewal line first when there is an extension), the totals as sums of the
 * rounded lines, and the expiration the license will have. It keeps the request and context it was made from, so
 * an order can check it again against another day or catalog. Only {@link Pricing} makes quotes.
 */
@Value.Immutable
public sealed interface Quote permits ImmutableQuote {

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
}
