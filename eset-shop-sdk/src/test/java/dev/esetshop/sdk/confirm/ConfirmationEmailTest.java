package dev.esetshop.sdk.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Money;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Secret;
import dev.esetshop.core.Sku;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfirmationEmailTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String KEY = "XK7P-9QRT-2MVB-84HZ";

    private static OrderConfirmed.Builder order() {
        return OrderConfirmed.builder()
                .eventId(OrderConfirmed.eventIdFor(IdempotencyKey.of("order-1")))
                .operation(Operation.NEW)
                .orderNumber("DEV803-19-130")
                .licenseId(LicenseId.of("3AB-7KQ-XD2"))
                .licenseKey(Secret.of(KEY))
                .product(ProductCode.of("EAVB"))
                .productName("ESET Endpoint Antivirus")
                .seats(6)
                .expires(LocalDate.of(2027, 6, 3))
                .trial(false)
                .customer(EndCustomer.builder()
                        .organization("Test GmbH")
                        .firstName("Max")
                        .lastName("Muster")
                        .email("test@test-gmbh.de")
                        .country("DE")
                        .build())
                .addLines(OrderConfirmed.Line.of(
                        Sku.of("EAVB-N1B5"), 6, Money.of("1234.50", EUR), Money.of("987.60", EUR)))
                .streetPrice(Money.of("1234.50", EUR))
                .yourPrice(Money.of("987.60", EUR));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Your license documents: ESET Endpoint Antivirus, order DEV803-19-130 | 6/3/2027 | €987.60"
                        + " | €1,234.50 | you can start deploying right away | License key",
                "de | Ihre Lizenzdokumente: ESET Endpoint Antivirus, Bestellung DEV803-19-130 | 03.06.2027 | 987,60\u00A0€"
                        + " | 1.234,50\u00A0€ | Sie können direkt mit der Installation starten | Lizenzschlüssel",
                "fr | Vos documents de licence : ESET Endpoint Antivirus, commande DEV803-19-130 | 03/06/2027"
                        + " | 987,60\u00A0€ | 1\u00A0234,50\u00A0€ | vous pouvez commencer à les déployer | Clé de licence"
            })
    void eachLanguageFillsEveryPlaceholder(
            String language,
            String subject,
            String date,
            String yourPrice,
            String streetPrice,
            String wording,
            String keyLabel) {
        RenderedEmail email = ConfirmationEmail.render(order().build(), Locale.forLanguageTag(language));

        assertThat(email.subject()).isEqualTo(subject);
        for (String part : new String[] {email.subject(), email.text(), email.html()}) {
            assertThat(part).doesNotContain("{{").doesNotContain("}}");
        }
        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body)
                    .contains(
                            wording,
                            keyLabel,
                            KEY,
                            "3AB-7KQ-XD2",
                            "DEV803-19-130",
                            "EAVB-N1B5",
                            "Test GmbH",
                            "Max Muster",
                            "test@test-gmbh.de",
                            date,
                            yourPrice,
                            streetPrice);
        }
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + language + "\">");
    }

    @Test
    void theKeyIsInTheBodiesOnlyNeverInASubjectOrToString() {
        OrderConfirmed event = order().build();
        RenderedEmail email = ConfirmationEmail.render(event, Locale.GERMAN);

        assertThat(email.text()).contains(KEY);
        assertThat(email.html()).contains(KEY);
        assertThat(email.subject()).doesNotContain(KEY);
        assertThat(email.toString()).doesNotContain(KEY).contains(email.subject());
        assertThat(event.toString()).doesNotContain(KEY);
        assertThat(event.lines().get(0).toString()).doesNotContain(KEY);
    }

    @Test
    void valuesAreEscapedInHtmlAndKeptVerbatimInText() {
        OrderConfirmed event = order().customer(EndCustomer.builder()
                        .organization("<script>alert(\"x\")</script> & Söhne 'KG'")
                        .firstName("Zoë")
                        .lastName("O'Brien")
                        .email("a&b@example.org")
                        .build())
                .build();

        RenderedEmail email = ConfirmationEmail.render(event, Locale.ENGLISH);

        assertThat(email.html())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Söhne &#39;KG&#39;")
                .contains("O&#39;Brien")
                .contains("mailto:a&amp;b@example.org");
        assertThat(email.text())
                .contains("<script>alert(\"x\")</script> & Söhne 'KG'")
                .contains("O'Brien");
    }

    @Test
    void aValueCannotBreakTheSubjectLine() {
        OrderConfirmed event =
                order().productName("Antivirus\r\nBcc: victim@example.org").build();

        String subject = ConfirmationEmail.render(event, Locale.ENGLISH).subject();

        assertThat(subject).doesNotContain("\r").doesNotContain("\n").contains("Antivirus Bcc: victim@example.org");
    }

    @Test
    void aTrialHasNoPricesAndSaysItIsATrial() {
        OrderConfirmed trial = order().operation(Operation.TRIAL)
                .trial(true)
                .lines(java.util.List.of())
                .streetPrice(Money.zero(EUR))
                .yourPrice(Money.zero(EUR))
                .build();

        RenderedEmail french = ConfirmationEmail.render(trial, Locale.FRENCH);
        RenderedEmail english = ConfirmationEmail.render(trial, Locale.ENGLISH);

        assertThat(french.text())
                .contains("Licence de test, numéro de commande ESET", "Il s'agit d'une licence de test.")
                .doesNotContain("Prix")
                .doesNotContain("Total");
        assertThat(english.html()).contains("This is a trial license.").doesNotContain("Street price");
    }

    @Test
    void theCustomerReferenceAppearsOnlyWhenGiven() {
        RenderedEmail without = ConfirmationEmail.render(order().build(), Locale.GERMAN);
        RenderedEmail with = ConfirmationEmail.render(
                order().operation(Operation.RENEWAL)
                        .customerReference("PO-2026-17")
                        .build(),
                Locale.GERMAN);

        assertThat(without.text()).doesNotContain("Bestellreferenz");
        assertThat(with.text())
                .contains("Verlängerung und Erweiterung, ESET-Bestellnummer", "Ihre Bestellreferenz: PO-2026-17");
        assertThat(with.html()).contains("Ihre Bestellreferenz: PO-2026-17");
    }

    @Test
    void theEulaAcceptanceAppearsInEveryLanguageWhenGiven() {
        var eula = dev.esetshop.core.EulaAcceptance.of(
                "2025-01", "Anna Muster", java.time.Instant.parse("2026-03-10T08:15:00Z"));
        OrderConfirmed event = order().eula(eula).build();

        assertThat(ConfirmationEmail.render(event, Locale.ENGLISH).text())
                .contains("EULA 2025-01 accepted by Anna Muster on 3/10/2026 8:15")
                .contains("AM UTC");
        assertThat(ConfirmationEmail.render(event, Locale.GERMAN).text())
                .contains("EULA 2025-01 akzeptiert von Anna Muster am 10.03.2026 08:15 UTC");
        assertThat(ConfirmationEmail.render(event, Locale.FRENCH).html())
                .contains("CLUF 2025-01 accepté par Anna Muster le 10/03/2026 08:15 UTC");
        assertThat(ConfirmationEmail.render(order().build(), Locale.ENGLISH).text())
                .doesNotContain("EULA");
    }

    @Test
    void everyOperationHasItsLabelInEveryLanguageAndAnUnshippedLanguageGetsEnglish() {
        RenderedEmail email = ConfirmationEmail.render(
                order().operation(Operation.PRODUCT_CHANGE).build(), Locale.ITALIAN);
        RenderedEmail swiss = ConfirmationEmail.render(order().build(), Locale.forLanguageTag("de-CH"));

        assertThat(email.subject()).startsWith("Your license documents");
        assertThat(email.text()).contains("Product change, ESET order number");
        assertThat(swiss.subject()).startsWith("Ihre Lizenzdokumente");
        // the operation is a closed set now: each one has a label in each language, never its constant's name
        for (Operation operation : Operation.values()) {
            for (Locale language : ConfirmationEmail.SUPPORTED) {
                assertThat(ConfirmationEmail.render(order().operation(operation).build(), language)
                                .text())
                        .as("%s in %s", operation, language)
                        .doesNotContain(operation.name() + ",");
            }
        }
    }

    @Test
    void theEventIdIsAStableUuidOfTheIdempotencyKey() {
        String first = OrderConfirmed.eventIdFor(IdempotencyKey.of("order-1"));

        assertThat(OrderConfirmed.eventIdFor(IdempotencyKey.of("order-1"))).isEqualTo(first);
        assertThat(UUID.fromString(first).toString()).isEqualTo(first);
        assertThat(OrderConfirmed.eventIdFor(IdempotencyKey.of("order-2"))).isNotEqualTo(first);
        assertThat(UUID.fromString(first).version()).isEqualTo(3);
    }

    @Test
    void htmlEscapingLeavesNoMarkupAndLosesNothing() {
        qt().withFixedSeed(20261124L)
                .withExamples(1000)
                .forAll(strings().allPossible().ofLengthBetween(0, 40))
                .check(text -> {
                    String escaped = ConfirmationEmail.escapeHtml(text);
                    return escaped.chars().noneMatch(c -> c == '<' || c == '>' || c == '"' || c == '\'')
                            && unescape(escaped).equals(text);
                });
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
