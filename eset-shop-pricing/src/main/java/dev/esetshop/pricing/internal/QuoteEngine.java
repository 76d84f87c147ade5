package dev.esetshop.pricing.internal;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.core.Money;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.ProductChangeRequest;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.RuleTrace.DiscountSource;
import dev.esetshop.pricing.TrialConversionRequest;
import dev.esetshop.pricing.TrialRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.CatalogPolicy;
import dev.esetshop.pricing.catalog.PriceAction;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shop's rules for each operation: every violation of a request at once, or its lines priced
 * exactly ({@code list = unit × seats × factor}, one half-up rounding per amount, totals as sums of rounded lines).
 *
 * <p>The accepted path is hot (a marketplace quotes on every keystroke of a configurator): no streams, regular
 * expressions or formatting in it, violations are only allocated when there are some.
 */
public final class QuoteEngine {

    private final Catalog catalog;
    private final QuoteValues values;
    private final Currency currency;
    private final CatalogPolicy policy;
    private final Money zero;

    /*
     * The last margin and the last expiration computed. A marketplace quotes at the same margin and on the same day
     * over and over, and subtracting a margin from one or adding years to a date cost as much as a line's
     * arithmetic. Each is an immutable value read and written whole (final fields), so threads that race at worst
     * compute one again; a hit needs an equal input (equals: value and scale of a margin).
     */
    private @Nullable MarginTerms lastMargin;
    private @Nullable Expiration lastExpiration;

    /** An engine over one catalog, making its quotes' values with {@code values}. */
    public QuoteEngine(Catalog catalog, QuoteValues values) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.values = Objects.requireNonNull(values, "values");
        this.currency = catalog.currency();
        this.policy = catalog.policy();
        this.zero = Money.zero(currency);
    }

    /** The quote or every violation; never throws for a request a caller could build. */
    public QuoteResult quote(QuoteRequest request, QuoteContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        if (request instanceof NewLicenseRequest) {
            return quoteNew((NewLicenseRequest) request, context);
        }
        if (request instanceof RenewalRequest) {
            return quoteRenewal((RenewalRequest) request, context);
        }
        if (request instanceof ProductChangeRequest) {
            return quoteChange((ProductChangeRequest) request, context);
        }
        if (request instanceof TrialConversionRequest) {
            return quoteConversion((TrialConversionRequest) request, context);
        }
        return quoteTrial((TrialRequest) request, context);
    }

    private QuoteResult quoteNew(NewLicenseRequest request, QuoteContext context) {
        Violations violations = new Violations();
        checkMargin(context, violations);
        Product product = product(request.product(), "product", violations);
        return newTerms(
                request,
                context,
                product,
                request.years(),
                present(request.discount().orElse(null)),
                present(request.eligibilityCode().orElse(null)),
                request.crossgrade().orElse(null),
                violations);
    }

    private QuoteResult quoteConversion(TrialConversionRequest request, QuoteContext context) {
        Violations violations = new Violations();
        checkMargin(context, violations);
        CurrentLicense license = request.license();
        Product product = product(license.product(), "license.product", violations);
        if (!license.trial()) {
            violations.add(ViolationCode.NOT_A_TRIAL, "license.trial");
        }
        if (license.expires().toEpochDay() < context.today().toEpochDay() - policy.renewalMaxDaysExpired()) {
            violations.add(
                    ViolationCode.NOT_RENEWABLE, "license.expires", license.expires(), policy.renewalMaxDaysExpired());
        }
        return newTerms(
                request,
                context,
                product,
                request.years(),
                present(request.discount().orElse(null)),
                present(request.eligibilityCode().orElse(null)),
                request.crossgrade().orElse(null),
                violations);
    }

    /**
     * The rules and the one line of a new license's terms from today, shared by NEW and TRIAL_CONVERSION (a
     * conversion is priced exactly as NEW): seats in range, a NEW row, a programme or a crossgrade, never both.
     */
    private QuoteResult newTerms(
            QuoteRequest request,
            QuoteContext context,
            @Nullable Product product,
            int years,
            @Nullable String discount,
            @Nullable String eligibilityCode,
            @Nullable Crossgrade crossgrade,
            Violations violations) {
        LocalDate today = context.today();
        int seats = request.seats();
        boolean seatsValid = positive(seats, "seats", violations);
        boolean yearsValid = positive(years, "years", violations);
        boolean inRange = product != null && seatsValid && inRange(product, seats, "seats", violations);
        @Nullable PriceRow row = null;
        if (product != null && inRange && yearsValid) {
            row = row(product, PriceAction.NEW, years, seats, "years", violations);
        }
        String discountCode = discount;
        @Nullable DiscountProgramme programme = null;
        if (discountCode != null) {
            programme = catalog.discount(discountCode).orElse(null);
            if (programme == null) {
                violations.add(ViolationCode.UNKNOWN_DISCOUNT, "discount", discountCode);
            } else if (programme.eligibilityRequired() && eligibilityCode == null) {
                violations.add(ViolationCode.ELIGIBILITY_REQUIRED, "eligibilityCode", discountCode);
            }
        }
        if (crossgrade != null) {
            if (discountCode != null) {
                violations.add(ViolationCode.DISCOUNTS_DO_NOT_STACK, "discount", discountCode);
            }
            checkCrossgrade(crossgrade, seats, seatsValid, today, violations);
        }
        LocalDate expires = violations.any() ? null : plusYears(today, years, violations);
        // without a violation there is a row and an end date (each missing one is a violation)
        if (violations.any() || row == null || expires == null) {
            return rejected(request, violations.list());
        }
        BigDecimal margin = context.margin();
        QuoteLine line = crossgrade != null
                ? line(
                        QuoteLine.Kind.NEW,
                        row,
                        seats,
                        policy.crossgradeRate(),
                        DiscountSource.CROSSGRADE,
                        null,
                        margin,
                        margin(margin).keep,
                        -1)
                : priced(QuoteLine.Kind.NEW, row, seats, programme, margin, margin(margin).keep, -1);
        return accepted(request, context, line, null, line.streetPrice(), line.yourPrice(), expires);
    }

    private QuoteResult quoteRenewal(RenewalRequest request, QuoteContext context) {
        Violations violations = new Violations();
        LocalDate today = context.today();
        checkMargin(context, violations);
        CurrentLicense license = request.license();
        Product product = product(license.product(), "license.product", violations);
        int s0 = license.seats();
        boolean s0Valid = positive(s0, "license.seats", violations);
        int s1 = request.seats();
        boolean s1Valid = positive(s1, "seats", violations);
        int years = request.years();
        boolean yearsValid = years >= 0;
        if (!yearsValid) {
            violations.invalid("INVALID_REQUEST.negative", "years", "years");
        }
        if (license.trial()) {
            violations.add(ViolationCode.NOT_ALLOWED_FOR_TRIAL, "license.trial");
        }
        long e0 = license.expires().toEpochDay();
        long day = today.toEpochDay();
        if (e0 < day - policy.renewalMaxDaysExpired()) {
            violations.add(
                    ViolationCode.NOT_RENEWABLE, "license.expires", license.expires(), policy.renewalMaxDaysExpired());
        }
        if (years == 0) {
            if (s0Valid && s1Valid && s1 == s0) {
                violations.add(ViolationCode.NO_CHANGE, "seats");
            } else if (s0Valid && s1Valid && s1 < s0) {
                violations.add(ViolationCode.SEATS_CANNOT_DECREASE, "seats", s0, s1);
            }
            if (e0 < day) {
                violations.add(ViolationCode.LICENSE_EXPIRED, "license.expires", license.expires());
            }
        }
        boolean inRange = product != null && s1Valid && inRange(product, s1, "seats", violations);
        DiscountProgramme programme = licenseDiscount(license, violations);
        @Nullable PriceRow renewalRow = null;
        @Nullable PriceRow extensionRow = null;
        boolean extension = s0Valid && s1Valid && s1 > s0 && e0 > day;
        if (product != null && inRange && yearsValid) {
            if (years >= 1) {
                renewalRow = row(product, PriceAction.RENEWAL, years, s1, "years", violations);
            }
            if (extension) {
                extensionRow = row(product, PriceAction.NEW, 1, s1, "seats", violations);
            }
        }
        LocalDate expires = violations.any() ? null : plusYears(license.expires(), years, violations);
        // without a violation there is an end date (a calendar overflow is a violation)
        if (violations.any() || expires == null) {
            return rejected(request, violations.list());
        }
        BigDecimal margin = context.margin();
        BigDecimal keep = margin(margin).keep;
        if (renewalRow != null && extensionRow != null) {
            QuoteLine renewal = priced(QuoteLine.Kind.RENEWAL, renewalRow, s1, programme, margin, keep, -1);
            QuoteLine added =
                    priced(QuoteLine.Kind.EXTENSION, extensionRow, s1 - s0, programme, margin, keep, e0 - day);
            return accepted(
                    request,
                    context,
                    renewal,
                    added,
                    renewal.streetPrice().plus(added.streetPrice()),
                    renewal.yourPrice().plus(added.yourPrice()),
                    expires);
        }
        if (renewalRow != null || extensionRow != null) {
            QuoteLine only = renewalRow != null
                    ? priced(QuoteLine.Kind.RENEWAL, renewalRow, s1, programme, margin, keep, -1)
                    : priced(
                            QuoteLine.Kind.EXTENSION,
                            Objects.requireNonNull(extensionRow),
                            s1 - s0,
                            programme,
                            margin,
                            keep,
                            e0 - day);
            return accepted(request, context, only, null, only.streetPrice(), only.yourPrice(), expires);
        }
        // An extension on the license's last day adds seats for no remaining days: nothing to pay.
        return accepted(request, context, null, null, zero, zero, expires);
    }

    private QuoteResult quoteChange(ProductChangeRequest request, QuoteContext context) {
        Violations violations = new Violations();
        LocalDate today = context.today();
        checkMargin(context, violations);
        CurrentLicense license = request.license();
        Product target = product(request.targetProduct(), "product", violations);
        Product current = product(license.product(), "license.product", violations);
        int s0 = license.seats();
        boolean s0Valid = positive(s0, "license.seats", violations);
        int s1 = request.seats();
        boolean s1Valid = positive(s1, "seats", violations);
        int years = request.years();
        boolean yearsValid = positive(years, "years", violations);
        if (license.trial()) {
            violations.add(ViolationCode.NOT_ALLOWED_FOR_TRIAL, "license.trial");
        }
        if (license.expires().isBefore(today)) {
            violations.add(ViolationCode.LICENSE_EXPIRED, "license.expires", license.expires());
        }
        boolean offered =
                target != null && current != null && current.changeTo().contains(target.code());
        if (target != null && current != null && !offered) {
            violations.add(ViolationCode.PRODUCT_CHANGE_NOT_OFFERED, "product", current.code(), target.code());
        }
        if (s0Valid && s1Valid && s1 < s0) {
            violations.add(ViolationCode.SEATS_CANNOT_DECREASE, "seats", s0, s1);
        }
        boolean inRange = target != null && s1Valid && inRange(target, s1, "seats", violations);
        DiscountProgramme programme = licenseDiscount(license, violations);
        @Nullable PriceRow row = null;
        // without an allowed change, a missing upgrade row would only repeat PRODUCT_CHANGE_NOT_OFFERED
        if (target != null && inRange && yearsValid && (offered || current == null)) {
            row = row(target, PriceAction.UPGRADE, years, s1, "years", violations);
        }
        LocalDate expires = violations.any() ? null : plusYears(license.expires(), years, violations);
        // without a violation there is a row and an end date (each missing one is a violation)
        if (violations.any() || row == null || expires == null) {
            return rejected(request, violations.list());
        }
        BigDecimal margin = context.margin();
        QuoteLine line = priced(QuoteLine.Kind.PRODUCT_CHANGE, row, s1, programme, margin, margin(margin).keep, -1);
        return accepted(request, context, line, null, line.streetPrice(), line.yourPrice(), expires);
    }

    private QuoteResult quoteTrial(TrialRequest request, QuoteContext context) {
        Violations violations = new Violations();
        Product product = product(request.product(), "product", violations);
        int seats = request.seats();
        boolean seatsValid = positive(seats, "seats", violations);
        int months = request.months();
        boolean monthsValid = positive(months, "months", violations);
        if (product != null && seatsValid) {
            inRange(product, seats, "seats", violations);
        }
        if (product != null && monthsValid && !product.trialMonths().contains(months)) {
            violations.add(ViolationCode.TRIAL_NOT_OFFERED, "months", product.code(), months);
        }
        if (present(request.discount().orElse(null)) != null) {
            violations.add(ViolationCode.NOT_ALLOWED_FOR_TRIAL, "discount");
        }
        if (request.crossgrade().isPresent()) {
            violations.add(ViolationCode.NOT_ALLOWED_FOR_TRIAL, "crossgrade");
        }
        @Nullable LocalDate expires = null;
        if (!violations.any()) {
            try {
                expires = context.today().plusMonths(months);
            } catch (DateTimeException e) {
                violations.invalid("INVALID_REQUEST.calendar", "months", "months");
            }
        }
        // without a violation there is an end date (a calendar overflow is a violation)
        if (violations.any() || expires == null) {
            return rejected(request, violations.list());
        }
        return accepted(request, context, null, null, zero, zero, expires);
    }

    private void checkMargin(QuoteContext context, Violations violations) {
        if (!margin(context.margin()).valid) {
            violations.invalid("INVALID_REQUEST.margin", "margin", "margin");
        }
    }

    /** The margin's terms: the last ones when the margin equals the last. */
    private MarginTerms margin(BigDecimal margin) {
        MarginTerms last = lastMargin;
        if (last != null && last.margin.equals(margin)) {
            return last;
        }
        MarginTerms terms = new MarginTerms(margin);
        lastMargin = terms;
        return terms;
    }

    /** A partner margin, whether it lies in [0, 1), and what the reseller keeps of a street price at it. */
    private static final class MarginTerms {
        final BigDecimal margin;
        final boolean valid;
        /** {@code 1 − margin}; {@link BigDecimal#ONE} itself at a zero margin, so the multiplication is skipped. */
        final BigDecimal keep;

        MarginTerms(BigDecimal margin) {
            this.margin = margin;
            this.valid = margin.signum() >= 0 && margin.compareTo(BigDecimal.ONE) < 0;
            this.keep = margin.signum() == 0 ? BigDecimal.ONE : BigDecimal.ONE.subtract(margin);
        }
    }

    private void checkCrossgrade(
            Crossgrade crossgrade, int seats, boolean seatsValid, LocalDate today, Violations violations) {
        if (crossgrade.proof().isBlank()) {
            violations.add(ViolationCode.CROSSGRADE_PROOF_REQUIRED, "crossgrade.proof");
        }
        if (crossgrade.seats() < 0) {
            violations.invalid("INVALID_REQUEST.negative", "crossgrade.seats", "crossgrade.seats");
        } else if (seatsValid) {
            BigDecimal needed = BigDecimal.valueOf(seats).multiply(policy.crossgradeMinCoverage());
            if (BigDecimal.valueOf(crossgrade.seats()).compareTo(needed) < 0) {
                violations.add(
                        ViolationCode.CROSSGRADE_COVERAGE,
                        "crossgrade.seats",
                        crossgrade.seats(),
                        seats,
                        percent(policy.crossgradeMinCoverage()),
                        needed.setScale(0, RoundingMode.CEILING));
            }
        }
        if (crossgrade.expires().toEpochDay() < today.toEpochDay() - policy.crossgradeMaxDaysExpired()) {
            violations.add(
                    ViolationCode.CROSSGRADE_EXPIRED,
                    "crossgrade.expires",
                    crossgrade.expires(),
                    policy.crossgradeMaxDaysExpired());
        }
    }

    private static String percent(BigDecimal share) {
        BigDecimal percent = share.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString();
    }

    private @Nullable DiscountProgramme licenseDiscount(CurrentLicense license, Violations violations) {
        String code = present(license.discount().orElse(null));
        if (code == null) {
            return null;
        }
        DiscountProgramme programme = catalog.discount(code).orElse(null);
        if (programme == null) {
            violations.add(ViolationCode.UNKNOWN_DISCOUNT, "license.discount", code);
        }
        return programme;
    }

    private @Nullable Product product(String code, String field, Violations violations) {
        Product product = catalog.product(code).orElse(null);
        if (product != null) {
            return product;
        }
        // no product has a blank code: the check can wait until the lookup fails
        if (code.isBlank()) {
            violations.invalid("INVALID_REQUEST.missing", field, field);
        } else {
            violations.add(ViolationCode.UNKNOWN_PRODUCT, field, code);
        }
        return null;
    }

    private static boolean positive(int value, String field, Violations violations) {
        if (value < 0) {
            violations.invalid("INVALID_REQUEST.negative", field, field);
            return false;
        }
        if (value == 0) {
            violations.invalid("INVALID_REQUEST.positive", field, field);
            return false;
        }
        return true;
    }

    private static boolean inRange(Product product, int seats, String field, Violations violations) {
        if (product.allowsSeats(seats)) {
            return true;
        }
        violations.add(
                ViolationCode.SEATS_OUT_OF_RANGE, field, seats, product.code(), product.minSeats(), product.maxSeats());
        return false;
    }

    private @Nullable PriceRow row(
            Product product, PriceAction action, int years, int seats, String field, Violations violations) {
        PriceRow row = catalog.row(product.code(), action, years, seats).orElse(null);
        if (row == null) {
            violations.add(ViolationCode.PERIOD_NOT_OFFERED, field, product.code(), action, years, seats);
        }
        return row;
    }

    private @Nullable LocalDate plusYears(LocalDate from, int years, Violations violations) {
        Expiration last = lastExpiration;
        if (last != null && last.years == years && last.from.equals(from)) {
            return last.expires;
        }
        try {
            LocalDate expires = from.plusYears(years);
            lastExpiration = new Expiration(from, years, expires);
            return expires;
        } catch (DateTimeException e) {
            violations.invalid("INVALID_REQUEST.calendar", "years", "years");
            return null;
        }
    }

    /** A date plus whole years. */
    private static final class Expiration {
        final LocalDate from;
        final int years;
        final LocalDate expires;

        Expiration(LocalDate from, int years, LocalDate expires) {
            this.from = from;
            this.years = years;
            this.expires = expires;
        }
    }

    /** The rejection of a request, echoing its id when it has one. */
    private static QuoteResult.Rejected rejected(QuoteRequest request, List<Violation> violations) {
        return request.id()
                .map(id -> new QuoteResult.Rejected(id, violations))
                .orElseGet(() -> new QuoteResult.Rejected(violations));
    }

    private static @Nullable String present(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private QuoteLine priced(
            QuoteLine.Kind kind,
            PriceRow row,
            int seats,
            @Nullable DiscountProgramme programme,
            BigDecimal margin,
            BigDecimal keep,
            long prorationDays) {
        return programme == null
                ? line(kind, row, seats, BigDecimal.ZERO, DiscountSource.NONE, null, margin, keep, prorationDays)
                : line(
                        kind,
                        row,
                        seats,
                        programme.rate(),
                        DiscountSource.PROGRAMME,
                        programme.code(),
                        margin,
                        keep,
                        prorationDays);
    }

    /**
     * One line; {@code prorationDays} is negative for a line of the whole period (factor 1), {@code keep} is
     * {@code 1 − margin}.
     */
    private QuoteLine line(
            QuoteLine.Kind kind,
            PriceRow row,
            int seats,
            BigDecimal rate,
            DiscountSource source,
            @Nullable String discountCode,
            BigDecimal margin,
            BigDecimal keep,
            long prorationDays) {
        BigDecimal unit = row.unitPrice();
        boolean prorated = prorationDays >= 0;
        // exact: a prorated line's division by 365 comes last, inside the one rounding of each amount
        long units = prorated ? seats * prorationDays : seats;
        BigDecimal list = unit.multiply(BigDecimal.valueOf(units));
        BigDecimal discounted = rate.signum() == 0 ? list : list.multiply(BigDecimal.ONE.subtract(rate));
        BigDecimal atMargin = keep == BigDecimal.ONE ? discounted : discounted.multiply(keep);
        Money street;
        Money yours;
        if (prorated) {
            street = Money.roundedQuotient(discounted, Proration.DAYS_PER_YEAR, currency);
            yours = Money.roundedQuotient(atMargin, Proration.DAYS_PER_YEAR, currency);
        } else {
            street = Money.rounded(discounted, currency);
            yours = Money.rounded(atMargin, currency);
        }
        return values.line(
                kind,
                row,
                seats,
                street,
                yours,
                units,
                rate,
                source,
                discountCode,
                margin,
                prorated ? prorationDays : -1);
    }

    /** The accepted quote of up to two lines (null for none). */
    private QuoteResult accepted(
            QuoteRequest request,
            QuoteContext context,
            @Nullable QuoteLine first,
            @Nullable QuoteLine second,
            Money street,
            Money yours,
            LocalDate expires) {
        List<QuoteLine> lines = first == null ? List.of() : second == null ? List.of(first) : List.of(first, second);
        return new QuoteResult.Accepted(
                values.quote(request, context, catalog.fingerprint(), currency, lines, street, yours, expires));
    }
}
