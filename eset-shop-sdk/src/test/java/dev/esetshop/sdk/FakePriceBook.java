package dev.esetshop.sdk;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.RuleTrace;
import dev.esetshop.pricing.TrialRequest;
import dev.esetshop.sdk.internal.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.OptionalInt;

/**
 * A tiny rule engine for the order-flow tests: one product (EAVB, 5 to 1000 seats, 10.00 per seat and year), NEW,
 * TRIAL and RENEWAL with the window and trial rules. The rules themselves are pricing's; these tests check the flow.
 */
final class FakePriceBook implements PriceBook {

    static final Currency EUR = Currency.getInstance("EUR");
    String fingerprint = "fp-1";

    @Override
    public QuoteResult quote(QuoteRequest request, QuoteContext context) {
        List<Violation> violations = new ArrayList<>();
        String product;
        int years;
        if (request instanceof NewLicenseRequest r) {
            product = r.product();
            years = r.years();
        } else if (request instanceof TrialRequest r) {
            product = r.product();
            years = 0;
        } else if (request instanceof RenewalRequest r) {
            product = r.license().product();
            years = r.years();
            if (r.license().trial()) {
                violations.add(Violation.of(ViolationCode.NOT_ALLOWED_FOR_TRIAL, "license.trial"));
            }
            if (r.license().expires().isBefore(context.today().minusDays(renewalMaxDaysExpired()))) {
                violations.add(Violation.of(ViolationCode.NOT_RENEWABLE, "license.expires", r.license().expires(), 60));
            }
        } else {
            product = "?";
            years = 1;
            violations.add(Violation.of(ViolationCode.PRODUCT_CHANGE_NOT_OFFERED, "targetProduct", "?", "?"));
        }
        if (!product.equals("EAVB")) {
            violations.add(Violation.of(ViolationCode.UNKNOWN_PRODUCT, "product", product));
        } else if (request.seats() < 5 || request.seats() > 1000) {
            violations.add(Violation.of(ViolationCode.SEATS_OUT_OF_RANGE, "seats", request.seats(), product, 5, 1000));
        }
        if (!violations.isEmpty()) {
            return new QuoteResult.Rejected(request.id(), violations);
        }
        List<QuoteLine> lines = new ArrayList<>();
        Money street = Money.zero(EUR);
        Money yours = Money.zero(EUR);
        if (years > 0) {
            BigDecimal list = BigDecimal.TEN.multiply(BigDecimal.valueOf((long) request.seats() * years));
            Money lineStreet = Money.rounded(list, EUR);
            Money lineYours = Money.rounded(list.multiply(BigDecimal.ONE.subtract(context.margin())), EUR);
            lines.add(QuoteLine.builder()
                    .kind(request instanceof RenewalRequest ? QuoteLine.Kind.RENEWAL : QuoteLine.Kind.NEW)
                    .sku(Sku.of("EAVB-N" + years))
                    .product(ProductCode.of(product))
                    .seats(request.seats())
                    .streetPrice(lineStreet)
                    .yourPrice(lineYours)
                    .trace(RuleTrace.builder().sku("EAVB-N" + years).action("NEW").years(years)
                            .bandMinSeats(5).bandMaxSeats(1000).unitPrice(BigDecimal.TEN).listPrice(list)
                            .discountRate(BigDecimal.ZERO).discountSource(RuleTrace.DiscountSource.NONE)
                            .margin(context.margin()).prorationFactor(BigDecimal.ONE).build())
                    .build());
            street = lineStreet;
            yours = lineYours;
        }
        return new QuoteResult.Accepted(Quote.builder()
                .request(request)
                .context(context)
                .catalogFingerprint(fingerprint)
                .currency(EUR)
                .lines(lines)
                .streetPrice(street)
                .yourPrice(yours)
                .expires(request instanceof TrialRequest t ? context.today().plusMonths(t.months())
                        : request instanceof RenewalRequest r ? r.license().expires().plusYears(years)
                        : context.today().plusYears(years))
                .build());
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int renewalMaxDaysExpired() {
        return 60;
    }

    @Override
    public List<String> changeTargets(String product) {
        return List.of();
    }

    @Override
    public OptionalInt minSeats(String product) {
        return product.equals("EAVB") ? OptionalInt.of(5) : OptionalInt.empty();
    }
}
