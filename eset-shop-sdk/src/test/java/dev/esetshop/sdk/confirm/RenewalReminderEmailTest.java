package dev.esetshop.sdk.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.present.ShopPresentation;
import dev.esetshop.sdk.remind.RenewalReminder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The renewal reminder e-mail in every shipped language, every due license in one mail, formatted for the locale. */
class RenewalReminderEmailTest {

    private static final Catalog CATALOG = Catalog.fromClasspath("sdk-test-catalog.json");
    private static final LocalDate TODAY = LocalDate.of(2027, 5, 4);

    private static RenewalReminder reminder(String id, String organisation, int seats, LocalDate expires, int window) {
        CurrentLicense current = CurrentLicense.builder()
                .product("AV")
                .seats(seats)
                .expires(expires)
                .build();
        Quote quote = ((QuoteResult.Accepted) Pricing.of(CATALOG)
                        .quote(
                                RenewalRequest.builder()
                                        .license(current)
                                        .seats(seats)
                                        .years(1)
                                        .build(),
                                QuoteContext.of(TODAY, new BigDecimal("0.20"))))
                .quote();
        return new RenewalReminder(
                RenewalReminder.eventIdFor(LicenseId.of(id), expires, window),
                LicenseId.of(id),
                ProductCode.of("AV"),
                "ESET Endpoint Antivirus",
                seats,
                expires,
                window,
                (int) java.time.temporal.ChronoUnit.DAYS.between(TODAY, expires),
                EndCustomer.builder()
                        .organization(organisation)
                        .firstName("Max")
                        .lastName("Muster")
                        .email("max@example.com")
                        .build(),
                quote);
    }

    private static final List<RenewalReminder> TWO = List.of(
            reminder("3AB-7KQ-XD2", "Holzbau <Eder> & Söhne", 8, LocalDate.of(2027, 6, 3), 30),
            reminder("4CD-8LM-YE3", "Muster GmbH", 60, TODAY.plusDays(1), 7));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Licenses due for renewal: 2 | 6/3/2027 | in 30 days | tomorrow | 60 seats | Total for all 2",
                "de | Lizenzen zur Verlängerung: 2 | 03.06.2027 | in 30 Tagen | morgen | 60 Lizenzen | Summe für alle 2",
                "fr | Licences à renouveler : 2 | 03/06/2027 | dans 30 jours | demain | 60 postes | Total pour les 2"
            })
    void everyDueLicenseIsInOneMailWithItsPriceAndExpiryInTheLocalesFormat(
            String language,
            String subject,
            String date,
            String daysLeft,
            String tomorrow,
            String seats,
            String total) {
        Locale locale = Locale.forLanguageTag(language);
        RenderedEmail email = RenewalReminderEmail.render(TWO, locale);

        ShopPresentation present = ShopPresentation.of(locale, java.time.ZoneOffset.UTC);
        String yourPrice = present.money(TWO.get(0).quote().yourPrice());
        String otherPrice = present.money(TWO.get(1).quote().yourPrice());
        String sum = present.money(
                TWO.get(0).quote().yourPrice().plus(TWO.get(1).quote().yourPrice()));
        assertThat(email.subject()).isEqualTo(subject);
        for (String body : List.of(email.text(), email.html())) {
            assertThat(body)
                    .contains(
                            date,
                            daysLeft,
                            tomorrow,
                            yourPrice,
                            otherPrice,
                            sum,
                            "3AB-7KQ-XD2",
                            "4CD-8LM-YE3",
                            "ESET Endpoint Antivirus (AV)");
            // no ISO date and no enum constant in a person's mail
            assertThat(body).doesNotContain("2027-06-03", "RENEWAL", " EUR");
        }
        assertThat(email.text()).contains(seats, total, "Holzbau <Eder> & Söhne");
        assertThat(email.html()).contains("Holzbau &lt;Eder&gt; &amp; Söhne").doesNotContain("<Eder>");
        if (!language.equals("en")) {
            // amounts with the locale's decimal comma, never Java's plain 952.56
            assertThat(email.text())
                    .doesNotContain(TWO.get(1).quote().yourPrice().toPlainString());
        }
    }

    @Test
    void aLocaleWithoutItsOwnTemplatesGetsEnglishAndAnEmptyRoundIsRefused() {
        assertThat(RenewalReminderEmail.render(TWO, Locale.JAPANESE).subject())
                .isEqualTo("Licenses due for renewal: 2");
        assertThat(RenewalReminderEmail.render(TWO.subList(1, 2), Locale.ENGLISH)
                        .text())
                .contains("tomorrow");
        assertThatThrownBy(() -> RenewalReminderEmail.render(List.of(), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
