package dev.esetshop.pricing.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.SampleCatalog;
import dev.esetshop.pricing.TrialRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The quote protocol: the shared conformance cases, the mapping of every field, and junk that must not throw. */
class QuoteProtocolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final QuoteProtocol PROTOCOL = QuoteProtocol.of(SampleCatalog.catalog());

    private static JsonNode answer(String request) {
        return JSON.readTree(PROTOCOL.answer(request));
    }

    private static List<String> codes(JsonNode result) {
        List<String> codes = new ArrayList<>();
        result.get("violations")
                .values()
                .forEach(v -> codes.add(
                        v.get("code").stringValue() + "@" + v.get("field").stringValue()));
        return codes;
    }

    @Test
    void everyConformanceCaseInArrayAndSingleMode() throws Exception {
        JsonNode cases = JSON.readTree(SampleCatalog.conformanceCases());
        List<JsonNode> requests = new ArrayList<>();
        cases.values().forEach(c -> requests.add(c.get("request")));
        JsonNode results = JSON.readTree(PROTOCOL.answer(JSON.writeValueAsString(requests)));
        assertThat(results.size()).isEqualTo(cases.size()).isEqualTo(32);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode expect = cases.get(i).get("expect");
            JsonNode got = results.get(i);
            String id = requests.get(i).get("id").stringValue();
            assertThat(got.get("id").stringValue()).as(id).isEqualTo(id);
            assertThat(got.get("accepted").booleanValue())
                    .as(id)
                    .isEqualTo(expect.get("accepted").booleanValue());
            if (expect.get("accepted").booleanValue()) {
                for (String field : List.of("currency", "streetPrice", "yourPrice", "expires")) {
                    assertThat(got.get(field)).as(id + " " + field).isEqualTo(expect.get(field));
                }
                assertThat(got.get("lines").size())
                        .as(id)
                        .isEqualTo(expect.get("lines").size());
                for (int l = 0; l < expect.get("lines").size(); l++) {
                    for (String field : List.of("sku", "seats", "streetPrice", "yourPrice")) {
                        assertThat(got.get("lines").get(l).get(field))
                                .as(id + " line " + l + " " + field)
                                .isEqualTo(expect.get("lines").get(l).get(field));
                    }
                }
            } else {
                Set<String> gotCodes = codes(got).stream()
                        .map(c -> c.substring(0, c.indexOf('@')))
                        .collect(Collectors.toSet());
                expect.get("codes")
                        .values()
                        .forEach(code -> assertThat(gotCodes).as(id).contains(code.stringValue()));
                got.get("violations")
                        .values()
                        .forEach(v -> assertThat(v.get("message").stringValue()).isNotBlank());
            }
        }
        JsonNode single = answer(JSON.writeValueAsString(requests.get(0)));
        assertThat(single.isObject()).isTrue();
        assertThat(single.get("yourPrice").stringValue()).isEqualTo("112.95");
    }

    @Test
    void acceptedLinesCarryKindAndTrace() {
        JsonNode result = answer(
                "{\"id\": \"r\", \"operation\": \"RENEWAL\", \"today\": \"2024-03-01\", \"margin\": \"0.20\","
                        + " \"seats\": 15, \"years\": 1, \"license\": {\"product\": \"EAVB\", \"seats\": 8, \"expires\": \"2024-09-01\"}}");
        JsonNode extension = result.get("lines").get(1);
        assertThat(extension.get("kind").stringValue()).isEqualTo("EXTENSION");
        assertThat(extension.get("trace").get("prorationDays").intValue()).isEqualTo(184);
        assertThat(extension.get("trace").get("action").stringValue()).isEqualTo("NEW");
        assertThat(result.get("lines").get(0).get("kind").stringValue()).isEqualTo("RENEWAL");
        assertThat(result.get("catalog").stringValue())
                .isEqualTo(SampleCatalog.catalog().fingerprint());
    }

    @Test
    void violationMessagesFollowTheRequestsLocale() {
        String request =
                "{\"operation\": \"NEW\", \"today\": \"2024-03-01\", \"margin\": \"0.2\", \"product\": \"NOPE\","
                        + " \"seats\": 10, \"years\": 1, \"locale\": \"%s\"}";
        assertThat(answer(String.format(request, "de"))
                        .get("violations")
                        .get(0)
                        .get("message")
                        .stringValue())
                .isEqualTo("Das Produkt NOPE ist nicht in der Preisliste.");
        assertThat(answer(String.format(request, "fr-CH"))
                        .get("violations")
                        .get(0)
                        .get("message")
                        .stringValue())
                .contains("NOPE")
                .doesNotContain("Preisliste")
                .doesNotContain("price list");
        assertThat(answer(String.format(request, "es"))
                        .get("violations")
                        .get(0)
                        .get("message")
                        .stringValue())
                .isEqualTo("The product NOPE is not in the price list.");
    }

    @Test
    void fieldsOfTheWrongTypeAreInvalidRequestsNamingTheField() {
        JsonNode result = answer("{\"id\": \"x\", \"operation\": \"NEW\", \"today\": \"2024-02-30\", \"margin\": 0.2,"
                + " \"product\": 7, \"seats\": \"6\", \"years\": 1.5, \"crossgrade\": [1], \"months\": 1}");
        assertThat(result.get("accepted").booleanValue()).isFalse();
        assertThat(result.get("id").stringValue()).isEqualTo("x");
        assertThat(codes(result))
                .containsExactlyInAnyOrder(
                        "INVALID_REQUEST@today",
                        "INVALID_REQUEST@margin",
                        "INVALID_REQUEST@product",
                        "INVALID_REQUEST@seats",
                        "INVALID_REQUEST@years",
                        "INVALID_REQUEST@crossgrade",
                        "INVALID_REQUEST@months");
        assertThat(codes(answer("{}")))
                .containsExactlyInAnyOrder(
                        "INVALID_REQUEST@operation", "INVALID_REQUEST@today", "INVALID_REQUEST@margin");
        assertThat(codes(answer("{\"operation\": \"BUY\", \"today\": \"2024-01-01\", \"margin\": \"0\"}")))
                .containsExactly("INVALID_REQUEST@operation");
        assertThat(
                        codes(
                                answer(
                                        "{\"operation\": \"RENEWAL\", \"today\": \"2024-01-01\", \"margin\": \"0\", \"seats\": 5,"
                                                + " \"years\": 99999999999, \"license\": {\"product\": 1, \"expires\": \"soon\", \"trial\": \"no\"}}")))
                .containsExactlyInAnyOrder(
                        "INVALID_REQUEST@years",
                        "INVALID_REQUEST@license.product",
                        "INVALID_REQUEST@license.seats",
                        "INVALID_REQUEST@license.expires",
                        "INVALID_REQUEST@license.trial");
    }

    @Test
    void elementsThatAreNotObjectsGetAResultEachAndIdsOfOtherTypesAreEchoed() {
        JsonNode results =
                answer("[1, \"x\", null, [], {\"id\": 42, \"operation\": \"TRIAL\", \"today\": \"2024-11-30\","
                        + " \"product\": \"EESB\", \"seats\": 25, \"months\": 3}]");
        assertThat(results.size()).isEqualTo(5);
        for (int i = 0; i < 4; i++) {
            assertThat(codes(results.get(i))).containsExactly("INVALID_REQUEST@request");
        }
        assertThat(results.get(4).get("id").intValue()).isEqualTo(42);
        assertThat(results.get(4).get("streetPrice").stringValue()).isEqualTo("0.00");
        assertThat(answer("[]").size()).isZero();
    }

    @Test
    void onlyTextThatIsNotJsonIsAnError() {
        for (String text : List.of("", "  ", "{", "{\"a\": }", "[1,", "{} []", "nope")) {
            assertThatThrownBy(() -> PROTOCOL.answer(text))
                    .as(text)
                    .isInstanceOf(QuoteProtocol.MalformedJsonException.class)
                    .hasMessageStartingWith("the request is")
                    .hasMessageNotContaining("jackson");
        }
    }

    @Test
    void decodeMapsEveryOperationOntoTheJavaTypes() {
        QuoteProtocol.Decoded decoded =
                PROTOCOL.decode("{\"id\": \"n\", \"operation\": \"NEW\", \"today\": \"2024-03-01\","
                        + " \"margin\": \"0.25\", \"product\": \"EESB\", \"seats\": 10, \"years\": 1, \"discount\": \"GOV\","
                        + " \"eligibilityCode\": \"G-1\", \"crossgrade\": {\"seats\": 6, \"expires\": \"2024-01-01\", \"proof\": \"inv\"},"
                        + " \"locale\": \"de\"}");
        assertThat(decoded)
                .isEqualTo(new QuoteProtocol.Decoded.Request(
                        NewLicenseRequest.builder()
                                .id("n")
                                .product("EESB")
                                .seats(10)
                                .years(1)
                                .discount("GOV")
                                .eligibilityCode("G-1")
                                .crossgrade(Crossgrade.of(6, LocalDate.of(2024, 1, 1), "inv"))
                                .build(),
                        QuoteContext.of(LocalDate.of(2024, 3, 1), new BigDecimal("0.25")),
                        Locale.GERMAN));
        QuoteProtocol.Decoded renewal =
                PROTOCOL.decode("{\"operation\": \"RENEWAL\", \"today\": \"2024-03-01\", \"margin\": \"0\","
                        + " \"seats\": 5, \"years\": 0, \"license\": {\"product\": \"EMDS\", \"seats\": 4, \"expires\": \"2024-06-23\","
                        + " \"discount\": \"EDU\", \"trial\": true}}");
        assertThat(renewal).isInstanceOf(QuoteProtocol.Decoded.Request.class);
        assertThat(((QuoteProtocol.Decoded.Request) renewal).request())
                .isEqualTo(RenewalRequest.builder()
                        .seats(5)
                        .years(0)
                        .license(CurrentLicense.builder()
                                .product("EMDS")
                                .seats(4)
                                .expires(LocalDate.of(2024, 6, 23))
                                .discount("EDU")
                                .trial(true)
                                .build())
                        .build());
        QuoteProtocol.Decoded trial =
                PROTOCOL.decode("{\"operation\": \"TRIAL\", \"today\": \"2024-03-01\", \"product\": \"EESB\","
                        + " \"seats\": 5, \"months\": 1, \"crossgrade\": {\"seats\": 5, \"expires\": \"2024-01-01\"}}");
        assertThat(((QuoteProtocol.Decoded.Request) trial).request())
                .isEqualTo(TrialRequest.builder()
                        .product("EESB")
                        .seats(5)
                        .months(1)
                        .crossgrade(Crossgrade.of(5, LocalDate.of(2024, 1, 1), ""))
                        .build());
        assertThat(((QuoteProtocol.Decoded.Request) trial).context().margin()).isEqualByComparingTo("0");
        QuoteProtocol.Decoded invalid = PROTOCOL.decode("{\"id\": \"bad\", \"operation\": \"PRODUCT_CHANGE\","
                + " \"today\": \"2024-03-01\", \"margin\": \"0.2\", \"product\": \"ESB\", \"seats\": 5, \"years\": 1,"
                + " \"discount\": \"GOV\"}");
        assertThat(invalid).isInstanceOfSatisfying(QuoteProtocol.Decoded.Invalid.class, i -> {
            assertThat(i.id()).contains("bad");
            assertThat(i.violations())
                    .extracting(v -> v.messageKey() + "@" + v.field())
                    .containsExactlyInAnyOrder(
                            "INVALID_REQUEST.unexpected@discount", "INVALID_REQUEST.missing@license");
        });
    }

    @Test
    void encodeWritesAmountsWithTheCurrencysMinorDigits() {
        Pricing pricing = PROTOCOL.pricing();
        String json = PROTOCOL.encode(
                pricing.quote(
                        NewLicenseRequest.builder()
                                .product("EAVB")
                                .seats(6)
                                .years(1)
                                .build(),
                        QuoteContext.of(LocalDate.of(2019, 6, 3), new BigDecimal("0.25"))),
                Locale.ENGLISH);
        JsonNode node = JSON.readTree(json);
        assertThat(node.get("streetPrice").stringValue()).isEqualTo("150.60");
        assertThat(node.get("lines").get(0).get("trace").get("unitPrice").stringValue())
                .isEqualTo("25.10");
        assertThat(node.has("id")).isFalse();
    }
}
