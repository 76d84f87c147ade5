package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * An accepted quote: its lines (the renewal line first when there is an extension), the totals as sums of the
 * rounded lines, and the expiration the license will have. It keeps the request and context it was made from, so
 * an order can check it again against another day or catalog. Only {@link Pricing} makes quotes.
 */
public sealed interface Quote permits QuoteRecord {

    /** The request quoted. */
    QuoteRequest request();

    /** The date and margin it was quoted with. */
    QuoteContext context();

    /** The catalog's fingerprint: a quote made from another catalog must be quoted again. */
    String catalogFingerprint();

    /** The currency of every amount. */
    Currency currency();

    /** The lines; empty for a trial. */
    List<QuoteLine> lines();

    /** The sum of the lines' street prices. */
    Money streetPrice();

    /** The sum of the lines' prices at the partner margin. */
    Money yourPrice();

    /** The license's expiration after the operation. */
    LocalDate expires();
}
