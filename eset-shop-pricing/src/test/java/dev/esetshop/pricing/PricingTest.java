package dev.esetshop.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.Money;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.catalog.Catalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of shop.md against the sample catalog, one example (or boundary pair) per rule. */
class PricingTest {

    private static final Catalog CATALOG = SampleCatalog.catalog();
    private static final Pricing PRICING = Pricing.of(CATALOG);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

    static QuoteContext context(LocalDate today, String margin) {
        return QuoteContext.of(today, new BigDecimal(margin));
    }

    static Quote accepted(QuoteRequest request, QuoteContext context) {
        QuoteResult result = PRICING.quote(request, context);
        assertThat(result).isInstanceOf(QuoteResult.Accepted.class);
        return ((QuoteResult.Accepted) result).quote();
    }

    static List<Violation> rejected(QuoteRequest request, QuoteContext context) {
        QuoteResult result = PRICING.quote(request, context);
        assertThat(result).isInstanceOf(QuoteResult.Rejected.class);
        return ((QuoteResult.Rejected) result).violations();
    }

    static List<String> codesAndFields(List<Violation> violations) {
        return violations.stream().map(v -> v.code() + "@" + v.field()).collect(Collectors.toList());
    }

    static NewLicenseRequest.Builder newLicense(String product, int seats, int years) {
        return NewLicenseRequest.builder().product(product).seats(seats).years(years);
    }

    static CurrentLicense license(String product, int seats, LocalDate expires) {
        return CurrentLicense.builder()
                .product(product)
                .seats(seats)
                .expires(expires)
                .build();
    }

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    @Nested
    class SeedQuotes {

        @Test
        void newLicenseOfSixSeatsAtTwentyFivePercent() {
            Quote quote =
                    accepted(newLicense("EAVB", 6, 1).id("s1").build(), context(LocalDate.of(2019, 6, 3), "0.25"));
            assertThat(quote.streetPrice()).isEqualTo(eur("150.60"));
            assertThat(quote.yourPrice()).isEqualTo(eur("112.95"));
            assertThat(quote.lines()).singleElement().satisfies(line -> {
                assertThat(line.sku().value()).isEqualTo("EAVB-N1B5");
                assertThat(line.kind()).isEqualTo(QuoteLine.Kind.NEW);
                assertThat(line.trace().bandMinSeats()).isEqualTo(5);
                assertThat(line.trace().bandMaxSeats()).isEqualTo(10);
                assertThat(line.trace().listPrice()).isEqualByComparingTo("150.60");
                assertThat(line.trace().discountSource()).isEqualTo(RuleTrace.DiscountSource.NONE);
                assertThat(line.trace().prorationDays()).isEmpty();
            });
            assertThat(quote.expires()).isEqualTo(LocalDate.of(2020, 6, 3));
            assertThat(quote.catalogFingerprint()).isEqualTo(CATALOG.fingerprint());
            assertThat(quote.request().id()).contains("s1");
        }

        @Test
        void renewalOfFiveSeatsForOneYear() {
            Quote quote = accepted(
                    RenewalRequest.builder()
                            .license(license("EMDS", 5, LocalDate.of(2019, 6, 23)))
                            .seats(5)
                            .years(1)
                            .build(),
                    context(LocalDate.of(2019, 6, 3), "0.25"));
            assertThat(quote.lines()).extracting(l -> l.sku().value()).containsExactly("EMDS-E1A5");
            assertThat(quote.streetPrice()).isEqualTo(eur("38.33"));
            assertThat(quote.yourPrice()).isEqualTo(eur("28.75"));
            assertThat(quote.expires()).isEqualTo(LocalDate.of(2020, 6, 23));
        }

        @Test
        void changeFromSmallBusinessPackToSecureBusiness() {
            Quote quote = accepted(
                    ProductChangeRequest.builder()
                            .license(license("ESBP", 10, LocalDate.of(2020, 4, 1)))
                            .targetProduct("ESB")
                            .seats(12)
                            .years(1)
                            .build(),
                    context(LocalDate.of(2019, 6, 3), "0.20"));
            assertThat(quote.lines()).extracting(l -> l.sku().value()).containsExactly("ESB-U1B11");
            assertThat(quote.lines().get(0).kind()).isEqualTo(QuoteLine.Kind.PRODUCT_CHANGE);
            assertThat(quote.streetPrice()).isEqualTo(eur("544.42"));
            assertThat(quote.yourPrice()).isEqualTo(eur("435.54"));
            assertThat(quote.expires()).isEqualTo(LocalDate.of(2021, 4, 1));
        }
    }

    @Nested
    class NewLicense {

        @Test
        void crossgradeTakesThePolicyRate() {
            Quote quote = accepted(
                    newLicense("EESB", 10, 1)
                            .crossgrade(Crossgrade.of(6, LocalDate.of(2024, 1, 1), "inv"))
                            .build(),
                    context(TODAY, "0.25"));
            assertThat(quote.streetPrice()).isEqualTo(eur("227.50"));
            assertThat(quote.yourPrice()).isEqualTo(eur("170.63"));
            assertThat(quote.lines().get(0).trace().discountSource()).isEqualTo(RuleTrace.DiscountSource.CROSSGRADE);
            assertThat(quote.lines().get(0).trace().discountRate()).isEqualByComparingTo("0.30");
        }

        @Test
        void programmeWithEligibilityCode() {
            Quote quote = accepted(
                    newLicense("EESB", 30, 1)
                            .discount("GOV")
                            .eligibilityCode("GOV-CH-4411")
                            .build(),
                    context(LocalDate.of(2024, 1, 15), "0.20"));
            assertThat(quote.streetPrice()).isEqualTo(eur("631.80"));
            assertThat(quote.yourPrice()).isEqualTo(eur("505.44"));
            assertThat(quote.lines().get(0).trace().discountCode()).contains("GOV");
        }

        @Test
        void leapDayPlusOneYearIsTheTwentyEighthOfFebruary() {
            Quote quote = accepted(newLicense("EAVB", 6, 1).build(), context(LocalDate.of(2024, 2, 29), "0"));
            assertThat(quote.expires()).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(quote.yourPrice()).isEqualTo(quote.streetPrice());
        }

        @Test
        void bandEdgesPickTheirOwnRows() {
            assertThat(accepted(newLicense("EAVB", 10, 1).build(), context(TODAY, "0"))
                            .lines()
                            .get(0)
                            .sku()
                            .value())
                    .isEqualTo("EAVB-N1B5");
            assertThat(accepted(newLicense("EAVB", 11, 1).build(), context(TODAY, "0"))
                            .lines()
                            .get(0)
                            .sku()
                            .value())
                    .isEqualTo("EAVB-N1B11");
        }

        @Test
        void unknownProduct() {
            assertThat(codesAndFields(rejected(newLicense("NOPE", 10, 1).build(), context(TODAY, "0.2"))))
                    .containsExactly("UNKNOWN_PRODUCT@product");
        }

        @Test
        void seatsOutOfRangeBelowAndAbove() {
            assertThat(codesAndFields(rejected(newLicense("EAVB", 4, 1).build(), context(TODAY, "0.2"))))
                    .containsExactly("SEATS_OUT_OF_RANGE@seats");
            List<Violation> above = rejected(newLicense("EAVB", 1001, 1).build(), context(TODAY, "0.2"));
            assertThat(codesAndFields(above)).containsExactly("SEATS_OUT_OF_RANGE@seats");
            assertThat(above.get(0).arguments()).containsExactly("1001", "EAVB", "5", "1000");
        }

        @Test
        void periodNotOffered() {
            assertThat(codesAndFields(rejected(newLicense("EAVB", 10, 4).build(), context(TODAY, "0.2"))))
                    .containsExactly("PERIOD_NOT_OFFERED@years");
        }

        @Test
        void unknownDiscount() {
            assertThat(codesAndFields(
                            rejected(newLicense("EAVB", 10, 1).discount("XMAS").build(), context(TODAY, "0.2"))))
                    .containsExactly("UNKNOWN_DISCOUNT@discount");
        }

        @Test
        void eligibilityRequiredWhenMissingOrBlank() {
            assertThat(codesAndFields(
                            rejected(newLicense("EAVB", 10, 1).discount("GOV").build(), context(TODAY, "0.2"))))
                    .containsExactly("ELIGIBILITY_REQUIRED@eligibilityCode");
            assertThat(codesAndFields(rejected(
                            newLicense("EAVB", 10, 1)
                                    .discount("EDU")
                                    .eligibilityCode("  ")
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("ELIGIBILITY_REQUIRED@eligibilityCode");
        }

        @Test
        void crossgradeAndProgrammeDoNotStack() {
            assertThat(codesAndFields(rejected(
                            newLicense("EESB", 10, 1)
                                    .discount("PROMO10")
                                    .crossgrade(Crossgrade.of(10, TODAY, "p"))
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("DISCOUNTS_DO_NOT_STACK@discount");
        }

        @Test
        void crossgradeProofRequired() {
            assertThat(codesAndFields(rejected(
                            newLicense("EESB", 10, 1)
                                    .crossgrade(Crossgrade.of(10, TODAY, " "))
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("CROSSGRADE_PROOF_REQUIRED@crossgrade.proof");
        }

        @Test
        void crossgradeCoverageBoundary() {
            accepted(
                    newLicense("EESB", 10, 1)
                            .crossgrade(Crossgrade.of(6, TODAY, "p"))
                            .build(),
                    context(TODAY, "0.2"));
            List<Violation> violations = rejected(
                    newLicense("EESB", 10, 1)
                            .crossgrade(Crossgrade.of(5, TODAY, "p"))
                            .build(),
                    context(TODAY, "0.2"));
            assertThat(codesAndFields(violations)).containsExactly("CROSSGRADE_COVERAGE@crossgrade.seats");
            assertThat(violations.get(0).arguments()).containsExactly("5", "10", "60", "6");
        }

        @Test
        void crossgradeExpiredBoundary() {
            accepted(
                    newLicense("EESB", 10, 1)
                            .crossgrade(Crossgrade.of(10, TODAY.minusDays(60), "p"))
                            .build(),
                    context(TODAY, "0.2"));
            assertThat(codesAndFields(rejected(
                            newLicense("EESB", 10, 1)
                                    .crossgrade(Crossgrade.of(10, TODAY.minusDays(61), "p"))
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("CROSSGRADE_EXPIRED@crossgrade.expires");
        }

        @Test
        void malformedNumbersAreInvalidRequests() {
            assertThat(codesAndFields(rejected(newLicense("EAVB", 0, -1).build(), context(TODAY, "1"))))
                    .containsExactlyInAnyOrder(
                            "INVALID_REQUEST@margin", "INVALID_REQUEST@seats", "INVALID_REQUEST@years");
            assertThat(codesAndFields(rejected(newLicense(" ", -5, 1).build(), context(TODAY, "-0.01"))))
                    .containsExactlyInAnyOrder(
                            "INVALID_REQUEST@margin", "INVALID_REQUEST@product", "INVALID_REQUEST@seats");
            assertThat(codesAndFields(rejected(
                            newLicense("EESB", 10, 1)
                                    .crossgrade(Crossgrade.of(-1, TODAY, "p"))
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("INVALID_REQUEST@crossgrade.seats");
        }

        @Test
        void everyViolationAtOnce() {
            assertThat(codesAndFields(rejected(
                            newLicense("EESB", 10, 4)
                                    .discount("GOV")
                                    .crossgrade(Crossgrade.of(1, TODAY.minusYears(1), ""))
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactlyInAnyOrder(
                            "PERIOD_NOT_OFFERED@years",
                            "ELIGIBILITY_REQUIRED@eligibilityCode",
                            "DISCOUNTS_DO_NOT_STACK@discount",
                            "CROSSGRADE_PROOF_REQUIRED@crossgrade.proof",
                            "CROSSGRADE_COVERAGE@crossgrade.seats",
                            "CROSSGRADE_EXPIRED@crossgrade.expires");
        }

        @Test
        void hugeNumbersAndDatesAtTheCalendarsEndDoNotThrow() {
            assertThat(codesAndFields(rejected(
                            newLicense("EAVB", Integer.MAX_VALUE, Integer.MAX_VALUE)
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("SEATS_OUT_OF_RANGE@seats");
            assertThat(codesAndFields(
                            rejected(newLicense("EAVB", 10, Integer.MAX_VALUE).build(), context(TODAY, "0.2"))))
                    .containsExactly("PERIOD_NOT_OFFERED@years");
            assertThat(codesAndFields(rejected(newLicense("EAVB", 10, 1).build(), context(LocalDate.MAX, "0.2"))))
                    .containsExactly("INVALID_REQUEST@years");
            assertThat(codesAndFields(rejected(
                            newLicense("EESB", 10, 1)
                                    .crossgrade(Crossgrade.of(Integer.MAX_VALUE, LocalDate.MIN, "p"))
                                    .build(),
                            context(LocalDate.MAX, "0.2"))))
                    .containsExactly("CROSSGRADE_EXPIRED@crossgrade.expires");
        }
    }

    @Nested
    class Renewal {

        private RenewalRequest renewal(CurrentLicense license, int seats, int years) {
            return RenewalRequest.builder()
                    .license(license)
                    .seats(seats)
                    .years(years)
                    .build();
        }

        @Test
        void renewalLineFirstThenProratedExtension() {
            Quote quote =
                    accepted(renewal(license("EAVB", 8, LocalDate.of(2024, 9, 1)), 15, 1), context(TODAY, "0.20"));
            assertThat(quote.lines())
                    .extracting(QuoteLine::kind)
                    .containsExactly(QuoteLine.Kind.RENEWAL, QuoteLine.Kind.EXTENSION);
            QuoteLine extension = quote.lines().get(1);
            assertThat(extension.seats()).isEqualTo(7);
            assertThat(extension.trace().prorationDays()).contains(184L);
            assertThat(extension.streetPrice()).isEqualTo(eur("79.71"));
            assertThat(quote.streetPrice()).isEqualTo(eur("350.79"));
            assertThat(quote.yourPrice()).isEqualTo(eur("280.63"));
            assertThat(quote.expires()).isEqualTo(LocalDate.of(2025, 9, 1));
        }

        @Test
        void theLicensesProgrammeApplies() {
            CurrentLicense edu = CurrentLicense.builder()
                    .product("EESB")
                    .seats(10)
                    .expires(LocalDate.of(2024, 1, 31))
                    .discount("EDU")
                    .build();
            Quote quote = accepted(renewal(edu, 10, 2), context(TODAY, "0.20"));
            assertThat(quote.streetPrice()).isEqualTo(eur("273.00"));
            assertThat(quote.expires()).isEqualTo(LocalDate.of(2026, 1, 31));
        }

        @Test
        void renewalMayLowerTheSeats() {
            Quote quote = accepted(renewal(license("EAVB", 20, LocalDate.of(2024, 9, 1)), 8, 1), context(TODAY, "0.2"));
            assertThat(quote.lines())
                    .singleElement()
                    .satisfies(l -> assertThat(l.sku().value()).isEqualTo("EAVB-E1B5"));
        }

        @Test
        void notRenewableBoundary() {
            accepted(renewal(license("EESB", 10, TODAY.minusDays(60)), 10, 1), context(TODAY, "0.2"));
            assertThat(codesAndFields(
                            rejected(renewal(license("EESB", 10, TODAY.minusDays(61)), 10, 1), context(TODAY, "0.2"))))
                    .containsExactly("NOT_RENEWABLE@license.expires");
        }

        @Test
        void extensionWithoutYearsOnAnExpiredLicense() {
            assertThat(codesAndFields(
                            rejected(renewal(license("EESB", 10, TODAY.minusDays(1)), 12, 0), context(TODAY, "0.2"))))
                    .containsExactly("LICENSE_EXPIRED@license.expires");
        }

        @Test
        void noChange() {
            assertThat(codesAndFields(
                            rejected(renewal(license("EESB", 10, TODAY.plusDays(30)), 10, 0), context(TODAY, "0.2"))))
                    .containsExactly("NO_CHANGE@seats");
        }

        @Test
        void extensionCannotShrink() {
            assertThat(codesAndFields(
                            rejected(renewal(license("EESB", 10, TODAY.plusDays(30)), 9, 0), context(TODAY, "0.2"))))
                    .containsExactly("SEATS_CANNOT_DECREASE@seats");
        }

        @Test
        void trialLicenseCannotBeRenewed() {
            CurrentLicense trial = CurrentLicense.builder()
                    .product("EESB")
                    .seats(10)
                    .expires(TODAY.plusDays(10))
                    .trial(true)
                    .build();
            assertThat(codesAndFields(rejected(renewal(trial, 10, 1), context(TODAY, "0.2"))))
                    .containsExactly("NOT_ALLOWED_FOR_TRIAL@license.trial");
        }

        @Test
        void unknownLicenseProductAndProgramme() {
            CurrentLicense odd = CurrentLicense.builder()
                    .product("OLD")
                    .seats(10)
                    .expires(TODAY)
                    .discount("GONE")
                    .build();
            assertThat(codesAndFields(rejected(renewal(odd, 10, 1), context(TODAY, "0.2"))))
                    .containsExactlyInAnyOrder("UNKNOWN_PRODUCT@license.product", "UNKNOWN_DISCOUNT@license.discount");
        }

        @Test
        void negativeYearsAndSeatsOutOfRange() {
            assertThat(codesAndFields(rejected(renewal(license("EMDS", 5, TODAY), 11, -1), context(TODAY, "0.2"))))
                    .containsExactlyInAnyOrder("INVALID_REQUEST@years", "SEATS_OUT_OF_RANGE@seats");
            assertThat(codesAndFields(rejected(renewal(license("EMDS", 5, TODAY), 5, 4), context(TODAY, "0.2"))))
                    .containsExactly("PERIOD_NOT_OFFERED@years");
        }
    }

    @Nested
    class ProductChange {

        private ProductChangeRequest change(CurrentLicense license, String target, int seats, int years) {
            return ProductChangeRequest.builder()
                    .license(license)
                    .targetProduct(target)
                    .seats(seats)
                    .years(years)
                    .build();
        }

        @Test
        void notOfferedAndSameProduct() {
            assertThat(codesAndFields(rejected(
                            change(license("ESB", 10, TODAY.plusDays(9)), "EAVB", 12, 1), context(TODAY, "0.2"))))
                    .containsExactly("PRODUCT_CHANGE_NOT_OFFERED@product");
            assertThat(codesAndFields(rejected(
                            change(license("EAVB", 10, TODAY.plusDays(9)), "EAVB", 12, 1), context(TODAY, "0.2"))))
                    .containsExactly("PRODUCT_CHANGE_NOT_OFFERED@product");
        }

        @Test
        void fewerSeatsExpiredLicenseZeroYears() {
            assertThat(codesAndFields(rejected(
                            change(license("EAVB", 10, TODAY.minusDays(1)), "ESB", 9, 0), context(TODAY, "0.2"))))
                    .containsExactlyInAnyOrder(
                            "SEATS_CANNOT_DECREASE@seats", "LICENSE_EXPIRED@license.expires", "INVALID_REQUEST@years");
        }

        @Test
        void trialLicenseCannotBeChanged() {
            CurrentLicense trial = CurrentLicense.builder()
                    .product("EAVB")
                    .seats(10)
                    .expires(TODAY)
                    .trial(true)
                    .build();
            assertThat(codesAndFields(rejected(change(trial, "ESB", 10, 1), context(TODAY, "0.2"))))
                    .containsExactly("NOT_ALLOWED_FOR_TRIAL@license.trial");
        }

        @Test
        void targetMissingFromTheCatalogAndNoUpgradeRow() {
            assertThat(codesAndFields(
                            rejected(change(license("EAVB", 10, TODAY), "NOPE", 10, 1), context(TODAY, "0.2"))))
                    .containsExactly("UNKNOWN_PRODUCT@product");
            assertThat(codesAndFields(
                            rejected(change(license("EAVB", 10, TODAY), "ESB", 10, 5), context(TODAY, "0.2"))))
                    .containsExactly("PERIOD_NOT_OFFERED@years");
        }
    }

    @Nested
    class Trial {

        private TrialRequest.Builder trial(String product, int seats, int months) {
            return TrialRequest.builder().product(product).seats(seats).months(months);
        }

        @Test
        void freeWithNoLinesAndCalendarMonths() {
            Quote quote = accepted(trial("EESB", 25, 3).build(), context(LocalDate.of(2024, 11, 30), "0"));
            assertThat(quote.lines()).isEmpty();
            assertThat(quote.streetPrice()).isEqualTo(eur("0.00"));
            assertThat(quote.yourPrice()).isEqualTo(eur("0.00"));
            assertThat(quote.expires()).isEqualTo(LocalDate.of(2025, 2, 28));
        }

        @Test
        void trialNotOffered() {
            assertThat(codesAndFields(rejected(trial("ESBP", 10, 1).build(), context(TODAY, "0"))))
                    .containsExactly("TRIAL_NOT_OFFERED@months");
            assertThat(codesAndFields(rejected(trial("EMDS", 5, 3).build(), context(TODAY, "0"))))
                    .containsExactly("TRIAL_NOT_OFFERED@months");
        }

        @Test
        void noDiscountNoCrossgradeAndValidMonths() {
            assertThat(codesAndFields(rejected(
                            trial("EESB", 10, 1)
                                    .discount("GOV")
                                    .crossgrade(Crossgrade.of(10, TODAY, "p"))
                                    .build(),
                            context(TODAY, "0"))))
                    .containsExactlyInAnyOrder("NOT_ALLOWED_FOR_TRIAL@discount", "NOT_ALLOWED_FOR_TRIAL@crossgrade");
            assertThat(codesAndFields(rejected(trial("EESB", 3, 0).build(), context(TODAY, "0"))))
                    .containsExactlyInAnyOrder("INVALID_REQUEST@months", "SEATS_OUT_OF_RANGE@seats");
        }

        @Test
        void theMarginDoesNotMatterForATrial() {
            assertThat(accepted(trial("EESB", 10, 1).build(), context(TODAY, "5"))
                            .expires())
                    .isEqualTo(TODAY.plusMonths(1));
        }
    }

    @Nested
    class TrialConversion {

        private TrialConversionRequest.Builder conversion(CurrentLicense license, int seats, int years) {
            return TrialConversionRequest.builder()
                    .license(license)
                    .seats(seats)
                    .years(years);
        }

        private CurrentLicense trial(String product, int seats, LocalDate expires) {
            return CurrentLicense.builder()
                    .product(product)
                    .seats(seats)
                    .expires(expires)
                    .trial(true)
                    .build();
        }

        @Test
        void pricedAsNewFromTodayWithoutTheTrialsRemainingDays() {
            Quote quote = accepted(
                    conversion(trial("EAVB", 10, TODAY.plusDays(19)), 6, 1).build(), context(TODAY, "0.25"));
            assertThat(quote.lines()).singleElement().satisfies(l -> {
                assertThat(l.sku().value()).isEqualTo("EAVB-N1B5");
                assertThat(l.kind()).isEqualTo(QuoteLine.Kind.NEW);
            });
            assertThat(quote.streetPrice()).isEqualTo(eur("150.60"));
            assertThat(quote.yourPrice()).isEqualTo(eur("112.95"));
            assertThat(quote.expires()).isEqualTo(TODAY.plusYears(1));
        }

        @Test
        void aProgrammeOrACrossgradeAsForNewButNotBoth() {
            CurrentLicense trial = trial("EESB", 25, TODAY.minusDays(20));
            Quote gov = accepted(
                    conversion(trial, 30, 2)
                            .discount("GOV")
                            .eligibilityCode("GOV-4711")
                            .build(),
                    context(TODAY, "0.20"));
            assertThat(gov.streetPrice()).isEqualTo(eur("947.70"));
            assertThat(codesAndFields(
                            rejected(conversion(trial, 30, 2).discount("GOV").build(), context(TODAY, "0.2"))))
                    .containsExactly("ELIGIBILITY_REQUIRED@eligibilityCode");
            assertThat(codesAndFields(rejected(
                            conversion(trial, 30, 1)
                                    .discount("PROMO10")
                                    .crossgrade(Crossgrade.of(30, TODAY, "inv-1"))
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("DISCOUNTS_DO_NOT_STACK@discount");
        }

        @Test
        void onlyATrialStillInTheRenewalWindow() {
            accepted(conversion(trial("EESB", 10, TODAY.minusDays(60)), 10, 1).build(), context(TODAY, "0.2"));
            assertThat(codesAndFields(rejected(
                            conversion(trial("EESB", 10, TODAY.minusDays(61)), 10, 1)
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("NOT_RENEWABLE@license.expires");
            assertThat(codesAndFields(rejected(
                            conversion(license("EESB", 10, TODAY.plusDays(60)), 10, 1)
                                    .build(),
                            context(TODAY, "0.2"))))
                    .containsExactly("NOT_A_TRIAL@license.trial");
        }

        @Test
        void seatsYearsAndProductOfTheTrialAreChecked() {
            assertThat(codesAndFields(
                            rejected(conversion(trial("NOPE", 10, TODAY), 10, 1).build(), context(TODAY, "0.2"))))
                    .containsExactly("UNKNOWN_PRODUCT@license.product");
            assertThat(codesAndFields(
                            rejected(conversion(trial("EAVB", 10, TODAY), 4, 0).build(), context(TODAY, "0.2"))))
                    .containsExactlyInAnyOrder("SEATS_OUT_OF_RANGE@seats", "INVALID_REQUEST@years");
        }
    }

    @Test
    void everyRuleCodeOfTheSpecificationHasARequestThatBreaksIt() {
        QuoteContext ctx = context(TODAY, "0.2");
        CurrentLicense trial = CurrentLicense.builder()
                .product("EESB")
                .seats(10)
                .expires(TODAY)
                .trial(true)
                .build();
        List<QuoteRequest> requests = List.of(
                newLicense("EAVB", 0, 1).build(),
                newLicense("NOPE", 10, 1).build(),
                newLicense("EAVB", 4, 1).build(),
                newLicense("EAVB", 10, 4).build(),
                newLicense("EAVB", 10, 1).discount("XMAS").build(),
                newLicense("EAVB", 10, 1).discount("GOV").build(),
                newLicense("EAVB", 10, 1)
                        .discount("PROMO10")
                        .crossgrade(Crossgrade.of(10, TODAY, ""))
                        .build(),
                newLicense("EAVB", 10, 1)
                        .crossgrade(Crossgrade.of(1, TODAY.minusDays(61), "p"))
                        .build(),
                RenewalRequest.builder()
                        .license(license("EAVB", 10, TODAY.minusDays(61)))
                        .seats(10)
                        .years(0)
                        .build(),
                RenewalRequest.builder()
                        .license(license("EAVB", 10, TODAY.plusDays(1)))
                        .seats(10)
                        .years(0)
                        .build(),
                ProductChangeRequest.builder()
                        .license(license("EAVB", 10, TODAY))
                        .targetProduct("EMDS")
                        .seats(9)
                        .years(1)
                        .build(),
                TrialRequest.builder().product("ESBP").seats(10).months(1).build(),
                RenewalRequest.builder().license(trial).seats(10).years(1).build(),
                TrialConversionRequest.builder()
                        .license(license("EESB", 10, TODAY))
                        .seats(10)
                        .years(1)
                        .build());
        java.util.Set<ViolationCode> seen = java.util.EnumSet.noneOf(ViolationCode.class);
        for (QuoteRequest request : requests) {
            rejected(request, ctx).forEach(v -> seen.add(v.code()));
        }
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        ViolationCode.INVALID_REQUEST,
                        ViolationCode.UNKNOWN_PRODUCT,
                        ViolationCode.SEATS_OUT_OF_RANGE,
                        ViolationCode.PERIOD_NOT_OFFERED,
                        ViolationCode.UNKNOWN_DISCOUNT,
                        ViolationCode.ELIGIBILITY_REQUIRED,
                        ViolationCode.DISCOUNTS_DO_NOT_STACK,
                        ViolationCode.CROSSGRADE_PROOF_REQUIRED,
                        ViolationCode.CROSSGRADE_COVERAGE,
                        ViolationCode.CROSSGRADE_EXPIRED,
                        ViolationCode.NOT_RENEWABLE,
                        ViolationCode.LICENSE_EXPIRED,
                        ViolationCode.NO_CHANGE,
                        ViolationCode.SEATS_CANNOT_DECREASE,
                        ViolationCode.PRODUCT_CHANGE_NOT_OFFERED,
                        ViolationCode.TRIAL_NOT_OFFERED,
                        ViolationCode.NOT_ALLOWED_FOR_TRIAL,
                        ViolationCode.NOT_A_TRIAL);
        assertThat(PRICING.catalog()).isSameAs(CATALOG);
    }
}
