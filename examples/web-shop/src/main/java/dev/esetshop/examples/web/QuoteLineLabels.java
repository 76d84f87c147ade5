package dev.esetshop.examples.web;

import dev.esetshop.pricing.ProductChangeRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.RuleTrace;
import dev.esetshop.pricing.TrialConversionRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.present.ShopPresentation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * What each line of a quote is for, in the page's language: a new license, the renewal, the extension of N seats
 * until the license's current expiry, the change to another product, each with the discount applied and its rate.
 */
final class QuoteLineLabels {

    private QuoteLineLabels() {}

    static List<String> of(Quote quote, Catalog catalog, MessageSource messages, Locale locale) {
        Optional<LocalDate> currentExpiry = currentExpiry(quote);
        return quote.lines().stream()
                .map(line -> label(line, currentExpiry, catalog, messages, locale))
                .toList();
    }

    private static String label(
            QuoteLine line, Optional<LocalDate> currentExpiry, Catalog catalog, MessageSource messages, Locale locale) {
        // dates carry no time of day: any zone shows them alike
        ShopPresentation present = ShopPresentation.of(locale, ZoneOffset.UTC, catalog);
        String product = catalog.product(line.product().value())
                .map(p -> p.name(locale))
                .orElse(line.product().value());
        String what = switch (line.kind()) {
            case NEW -> messages.getMessage("quote.line.NEW", new Object[] {product}, locale);
            case RENEWAL -> messages.getMessage("quote.line.RENEWAL", new Object[] {product}, locale);
            case EXTENSION ->
                messages.getMessage(
                        "quote.line.EXTENSION",
                        new Object[] {
                            line.seats(), currentExpiry.map(present::date).orElse("")
                        },
                        locale);
            case PRODUCT_CHANGE -> messages.getMessage("quote.line.PRODUCT_CHANGE", new Object[] {product}, locale);
        };
        RuleTrace trace = line.trace();
        if (trace.discountSource() == RuleTrace.DiscountSource.NONE) {
            return what;
        }
        String rate = present.percent(trace.discountRate());
        String discount = trace.discountSource() == RuleTrace.DiscountSource.CROSSGRADE
                ? messages.getMessage("quote.line.crossgrade", new Object[] {rate}, locale)
                : messages.getMessage(
                        "quote.line.discount",
                        new Object[] {
                            trace.discountCode()
                                    .flatMap(catalog::discount)
                                    .map(programme -> programme.name(locale))
                                    .orElse(trace.discountCode().orElse("")),
                            rate
                        },
                        locale);
        return what + " · " + discount;
    }

    /** The license's expiry before this order, which an extension line covers the added seats until. */
    private static Optional<LocalDate> currentExpiry(Quote quote) {
        if (quote.request() instanceof RenewalRequest renewal) {
            return Optional.of(renewal.license().expires());
        }
        if (quote.request() instanceof ProductChangeRequest change) {
            return Optional.of(change.license().expires());
        }
        if (quote.request() instanceof TrialConversionRequest conversion) {
            return Optional.of(conversion.license().expires());
        }
        return Optional.empty();
    }
}
