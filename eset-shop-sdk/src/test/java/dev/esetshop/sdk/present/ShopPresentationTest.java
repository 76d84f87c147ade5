package dev.esetshop.sdk.present;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.Money;
import dev.esetshop.core.Operation;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.AvailableActions;
import dev.esetshop.sdk.order.JournalEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopPresentationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Catalog CATALOG = Catalog.sample();
    private static final ShopPresentation DE = ShopPresentation.of(Locale.GERMAN, BERLIN, CATALOG);
    private static final ShopPresentation FR = ShopPresentation.of(Locale.FRENCH, BERLIN, CATALOG);
    private static final ShopPresentation EN = ShopPresentation.of(Locale.ENGLISH, BERLIN, CATALOG);
    private static final char NBSP = '\u00A0';

    @Test
    void moneyHasTheSymbolTheSeparatorsAndNoBreakSpaces() {
        Money amount = Money.of("1234.56", EUR);
        assertThat(DE.money(amount)).isEqualTo("1.234,56" + NBSP + "€");
        // French grouping is a plain no-break space, not the JDK's narrow one (U+202F), which many fonts lack
        assertThat(FR.money(amount))
                .isEqualTo("1" + NBSP + "234,56" + NBSP + "€")
                .doesNotContain("\u202F");
        assertThat(EN.money(amount)).isEqualTo("€1,234.56");
        assertThat(DE.money(Money.of("150.6", EUR))).isEqualTo("150,60" + NBSP + "€");
        assertThat(DE.amount(amount)).isEqualTo("1.234,56");
    }

    @Test
    void datesHaveAFourDigitYearInTheLocalesOrder() {
        LocalDate date = LocalDate.of(2027, 12, 7);
        assertThat(DE.date(date)).isEqualTo("07.12.2027");
        assertThat(FR.date(date)).isEqualTo("07/12/2027");
        assertThat(EN.date(date)).isEqualTo("12/7/2027");
    }

    @Test
    void instantsAreShownInTheResellersZone() {
        // 23:30 UTC is already the next day in Berlin
        Instant instant = Instant.parse("2027-12-06T23:30:00Z");
        assertThat(DE.dateTime(instant)).isEqualTo("07.12.2027 00:30");
        assertThat(ShopPresentation.of(Locale.GERMAN, ZoneId.of("UTC")).dateTime(instant))
                .isEqualTo("06.12.2027 23:30");
    }

    @Test
    void monthsAreNamedCountsGroupedAndMarginsPercentages() {
        assertThat(DE.month(YearMonth.of(2027, 1))).isEqualTo("Januar 2027");
        assertThat(FR.month(YearMonth.of(2027, 1))).isEqualTo("janvier 2027");
        assertThat(EN.month(YearMonth.of(2027, 1))).isEqualTo("January 2027");
        assertThat(DE.count(1426)).isEqualTo("1.426");
        assertThat(FR.count(1426)).isEqualTo("1" + NBSP + "426");
        assertThat(EN.count(1426)).isEqualTo("1,426");
        assertThat(DE.percent(new BigDecimal("0.25"))).isEqualTo("25" + NBSP + "%");
        assertThat(EN.percent(new BigDecimal("0.25"))).isEqualTo("25%");
        assertThat(DE.seats(1426)).isEqualTo("1.426 Lizenzen");
        assertThat(DE.seats(1)).isEqualTo("1 Lizenz");
        assertThat(FR.seats(6)).isEqualTo("6 postes");
    }

    @Test
    void everyValueHasALabelInEveryLanguageAndNoneIsItsConstant() {
        for (ShopPresentation present : new ShopPresentation[] {EN, DE, FR}) {
            for (LicenseState.Known state : LicenseState.Known.values()) {
                assertThat(present.state(LicenseState.of(state.name()))).isNotEqualTo(state.name());
            }
            for (Operation operation : Operation.values()) {
                assertThat(present.operation(operation)).isNotEqualTo(operation.name());
            }
            for (PartnerLevel.Known level : PartnerLevel.Known.values()) {
                assertThat(present.partnerLevel(PartnerLevel.of(level.name()))).isNotEqualTo(level.name());
            }
            for (ViolationCode code : ViolationCode.values()) {
                assertThat(present.violationCode(code)).isNotEqualTo(code.name());
            }
            for (AvailableActions.Action action : AvailableActions.Action.values()) {
                assertThat(present.action(action)).isNotEqualTo(action.name());
            }
            for (dev.esetshop.pricing.QuoteLine.Kind kind : dev.esetshop.pricing.QuoteLine.Kind.values()) {
                assertThat(present.quoteLine(kind)).isNotEqualTo(kind.name());
            }
            for (JournalEntry.State state : JournalEntry.State.values()) {
                assertThat(present.orderState(state)).isNotEqualTo(state.name());
            }
        }
        assertThat(EN.labels().keySet())
                .isEqualTo(DE.labels().keySet())
                .isEqualTo(FR.labels().keySet());
        assertThat(DE.state(LicenseState.SUSPENDED)).isEqualTo("Gesperrt");
        assertThat(FR.partnerLevel(PartnerLevel.GOLD)).isEqualTo("Or");
        // a state ESET adds later reads as ESET sent it
        assertThat(DE.state(LicenseState.of("ARCHIVED"))).isEqualTo("ARCHIVED");
    }

    @Test
    void programmeAndProductNamesComeFromTheCatalogInTheLanguage() {
        assertThat(DE.discount("GOV")).isEqualTo("Öffentliche Verwaltung");
        assertThat(FR.discount("EDU")).isEqualTo("Éducation");
        assertThat(EN.discount("EDU")).isEqualTo("Education");
        assertThat(DE.discount(license(null))).isEqualTo("keines");
        assertThat(DE.discount(license("GOV"))).isEqualTo("Öffentliche Verwaltung");
        assertThat(DE.discount("GONE")).isEqualTo("GONE");
        assertThat(DE.product(ProductCode.of("EAVB"), "ESET's own name")).isEqualTo("ESET Endpoint Antivirus");
        assertThat(DE.product(ProductCode.of("ZZZZ"), "ESET's own name")).isEqualTo("ESET's own name");
    }

    @Test
    void aViolationsDatesAreLocalAndItsMessageInTheLanguage() {
        Violation expired = Violation.of(ViolationCode.CROSSGRADE_EXPIRED, "crossgrade.expires", "2027-01-05", 60);
        String message = DE.violation(expired);
        assertThat(message).contains("05.01.2027").doesNotContain("2027-01-05");
        assertThat(message).isNotEqualTo(FR.violation(expired));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "EXPIRED", "NORMAL"})
    void aLicenseWithoutActionsSaysWhy(String state) {
        assertThat(DE.noActionReason(LicenseState.of(state))).isNotBlank();
        assertThat(DE.noActionReason(LicenseState.SUSPENDED)).contains("gesperrt");
        assertThat(FR.noActionReason(LicenseState.EXPIRED)).contains("expiré");
    }

    @Test
    void germanSaysLizenzenForSeatsNeverPlaetze() {
        assertThat(DE.labels().values()).noneMatch(label -> label.contains("Plätze") || label.contains("Platz"));
        assertThat(FR.labels().values()).noneMatch(label -> label.contains("sièges") || label.contains("places"));
    }

    /** A license of the programme, or of none. */
    private static License license(@Nullable String discount) {
        License.Builder license = License.builder()
                .id(LicenseId.of("AAA-BBB-CCC"))
                .licenseKey(Secret.of("SECRET"))
                .productCode(ProductCode.of("EAVB"))
                .productName("ESET Endpoint Antivirus")
                .seats(Seats.of(5))
                .usedSeats(0)
                .state(LicenseState.NORMAL)
                .trial(false)
                .issued(LocalDate.of(2025, 1, 1))
                .expires(LocalDate.of(2026, 1, 1))
                .modified(Instant.parse("2025-01-01T00:00:00Z"))
                .customer(EndCustomer.builder()
                        .organization("Muster GmbH")
                        .firstName("Anna")
                        .lastName("Muster")
                        .email("anna@muster.example")
                        .build());
        if (discount != null) {
            license.discount(discount);
        }
        return license.build();
    }
}
