package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every message, rendered in every language with the arguments the shop really passes: a German or French reader
 * never meets an English field name or placeholder inside a sentence.
 */
class LocalizedViolationsTest {

    /** English labels of fields and placeholders that must be translated, never passed into a DE/FR sentence. */
    private static final List<String> ENGLISH_LABELS = List.of(
            "last name",
            "first name",
            "organization",
            "email",
            "e-mail address",
            "another product",
            "any other product",
            "the license",
            "is missing",
            "not valid",
            "has expired",
            "quantity",
            "not available",
            "no trial",
            "refused");

    /**
     * Realistic arguments of each message key, as the pricing engine, the SDK and the ESET refusals fill them.
     * Protocol field names ({@code customer.email}) are the quote protocol's identifiers, shown as they are.
     */
    private static final Map<String, List<Object>> ARGUMENTS = new TreeMap<>(Map.ofEntries(
            Map.entry("INVALID_REQUEST", List.of("product")),
            Map.entry("INVALID_REQUEST.missing", List.of("product")),
            Map.entry("INVALID_REQUEST.negative", List.of("years")),
            Map.entry("INVALID_REQUEST.date", List.of("today")),
            Map.entry("INVALID_REQUEST.range", List.of("seats", -2147483648, 2147483647)),
            Map.entry("INVALID_REQUEST.operation", List.of("operation")),
            Map.entry("INVALID_REQUEST.unexpected", List.of("crossgrade")),
            Map.entry("INVALID_REQUEST.positive", List.of("months")),
            Map.entry("INVALID_REQUEST.margin", List.of("margin")),
            Map.entry("INVALID_REQUEST.wholeNumber", List.of("seats")),
            Map.entry("INVALID_REQUEST.text", List.of("id")),
            Map.entry("INVALID_REQUEST.object", List.of("request")),
            Map.entry("INVALID_REQUEST.flag", List.of("license.trial")),
            Map.entry("INVALID_REQUEST.calendar", List.of("months")),
            Map.entry("UNKNOWN_PRODUCT", List.of("EXYZ")),
            Map.entry("SEATS_OUT_OF_RANGE", List.of(2, "EESB", 5, 1000)),
            Map.entry("SEATS_OUT_OF_RANGE.eset", List.of("8/30", "Product EESB is sold for 5 to 1000 seats.")),
            Map.entry("PERIOD_NOT_OFFERED", List.of("EESB", "RENEWAL", 4, 25)),
            Map.entry("UNKNOWN_DISCOUNT", List.of("NGO")),
            Map.entry("ELIGIBILITY_REQUIRED", List.of("EDU")),
            Map.entry("DISCOUNTS_DO_NOT_STACK", List.of("GOV")),
            Map.entry("CROSSGRADE_PROOF_REQUIRED", List.of()),
            Map.entry("CROSSGRADE_COVERAGE", List.of(10, 50, 50, 25)),
            Map.entry("CROSSGRADE_EXPIRED", List.of("2021-01-31", 90)),
            Map.entry("NOT_RENEWABLE", List.of("2021-01-31", 60)),
            Map.entry("LICENSE_EXPIRED", List.of("2021-05-03")),
            Map.entry("LICENSE_EXPIRED.eset", List.of("8/37", "License 3AB-7KQ-XD2 expired on 2021-05-03.")),
            Map.entry("NO_CHANGE", List.of()),
            Map.entry("SEATS_CANNOT_DECREASE", List.of(45, 40)),
            Map.entry("PRODUCT_CHANGE_NOT_OFFERED", List.of("EESB", "EAVB")),
            Map.entry("PRODUCT_CHANGE_NOT_OFFERED.none", List.of("ESB")),
            Map.entry("PRODUCT_CHANGE_NOT_OFFERED.eset", List.of("8/45", "License of ESB cannot change to EAVB.")),
            Map.entry("TRIAL_NOT_OFFERED", List.of("ESBP", 3)),
            Map.entry("TRIAL_NOT_OFFERED.eset", List.of("8/32", "Product ESBP has no trial.")),
            Map.entry("NOT_ALLOWED_FOR_TRIAL", List.of()),
            Map.entry("NOT_A_TRIAL", List.of()),
            Map.entry("NOT_A_TRIAL.eset", List.of("8/48", "License 3AB-7KQ-XD2 is not a trial.")),
            Map.entry("EULA_REQUIRED", List.of()),
            Map.entry("END_CUSTOMER_INVALID", List.of()),
            Map.entry("END_CUSTOMER_INVALID.organization", List.of()),
            Map.entry("END_CUSTOMER_INVALID.firstName", List.of()),
            Map.entry("END_CUSTOMER_INVALID.lastName", List.of()),
            Map.entry("END_CUSTOMER_INVALID.email", List.of()),
            Map.entry("END_CUSTOMER_INVALID.tooLong", List.of("customer.vatId", 128)),
            Map.entry("END_CUSTOMER_INVALID.characters", List.of("customer.lastName")),
            Map.entry("REFERENCE_TOO_LONG", List.of(64)),
            Map.entry("QUOTE_OUTDATED", List.of("2026-11-24")),
            Map.entry("QUANTITY_NOT_ALLOWED", List.of("8/18", "An extension must add seats.")),
            Map.entry("PRODUCT_NOT_AVAILABLE", List.of("8/27", "Product EXYZ is not available.")),
            Map.entry("ESET_REFUSED", List.of("8/51", "Reseller account on hold.")),
            Map.entry("ESET_REFUSED.notFound", List.of("HTTP 404", "No license ZZZ-ZZZ-ZZZ.")),
            Map.entry("ESET_REFUSED.conflict", List.of("HTTP 409", "Idempotency key reused.")),
            Map.entry("ESET_REFUSED.noAccess", List.of("HTTP 403", "Access not granted."))));

    @Test
    void everyMessageKeyHasRealisticArgumentsHere() {
        assertThat(ARGUMENTS.keySet())
                .as("add the new key's realistic arguments to this test")
                .containsExactlyInAnyOrderElementsOf(ViolationMessages.keys());
    }

    @Test
    void germanAndFrenchMessagesHaveNoEnglishFieldNamesOrPlaceholders() {
        ARGUMENTS.forEach((key, arguments) -> {
            ViolationCode code = ViolationCode.valueOf(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
            Violation violation = Violation.withKey(code, key, "field", arguments.toArray());
            String english = violation.message(Locale.ENGLISH);
            assertThat(english).as(key).isNotBlank().doesNotContainPattern("\\{\\d}");
            for (Locale locale : Set.of(Locale.GERMAN, Locale.FRENCH)) {
                String message = violation.message(locale);
                assertThat(message)
                        .as("%s in %s", key, locale)
                        .isNotEqualTo(english)
                        .doesNotContainPattern("\\{\\d}");
                for (String label : ENGLISH_LABELS) {
                    assertThat(message.toLowerCase(Locale.ROOT))
                            .as("%s in %s: %s", key, locale, message)
                            .doesNotContain(label);
                }
            }
        });
    }

    @Test
    void everyViolationCodeRendersInEveryLanguage() {
        for (ViolationCode code : ViolationCode.values()) {
            List<Object> arguments = ARGUMENTS.get(code.name());
            Violation violation = Violation.of(code, "field", arguments.toArray());
            for (Locale locale : ViolationMessages.SUPPORTED) {
                assertThat(violation.message(locale))
                        .as("%s in %s", code, locale)
                        .isNotBlank();
            }
        }
    }
}
