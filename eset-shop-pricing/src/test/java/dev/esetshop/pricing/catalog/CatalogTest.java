package dev.esetshop.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.core.error.CatalogProblem;
import dev.esetshop.core.error.InvalidCatalogException;
import dev.esetshop.pricing.SampleCatalog;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the catalog format and every consistency rule of catalog.md. */
class CatalogTest {

    private static final String POLICY =
            "\"policy\": {\"crossgradeRate\": \"0.30\", \"crossgradeMinCoverage\": \"0.60\","
                    + " \"crossgradeMaxDaysExpired\": 60, \"renewalMaxDaysExpired\": 60}";

    private static Catalog load(String json) {
        return Catalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static List<String> problems(String json) {
        InvalidCatalogException e = catchThrowableOfType(InvalidCatalogException.class, () -> load(json));
        assertThat(e).as("an inconsistent catalog is refused").isNotNull();
        assertThat(e.code()).isEqualTo("INVALID_CATALOG");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("test.json"));
        return e.problems().stream().map(p -> p.entry() + "|" + p.field()).collect(Collectors.toList());
    }

    private static String product(String code, int min, int max, String changeTo) {
        return "{\"code\": \"" + code + "\", \"name\": \"" + code + " name\", \"minSeats\": " + min + ", \"maxSeats\": "
                + max + ", \"trialMonths\": [1], \"changeTo\": [" + changeTo + "]}";
    }

    private static String row(String sku, String product, String action, int years, int min, int max, String price) {
        return "{\"sku\": \"" + sku + "\", \"product\": \"" + product + "\", \"action\": \"" + action
                + "\", \"years\": " + years + ", \"minSeats\": " + min + ", \"maxSeats\": " + max + ", \"unitPrice\": "
                + price + "}";
    }

    private static String catalog(String currency, List<String> products, List<String> prices, List<String> discounts) {
        return "{\"currency\": " + currency + ", \"products\": [" + String.join(",", products) + "], \"prices\": ["
                + String.join(",", prices) + "], \"discounts\": [" + String.join(",", discounts) + "], " + POLICY + "}";
    }

    @Test
    void theSampleCatalogLoadsWithItsFacts() {
        Catalog catalog = SampleCatalog.catalog();
        assertThat(catalog.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(catalog.products()).hasSize(5);
        assertThat(catalog.prices()).hasSize(210);
        assertThat(catalog.discount("GOV"))
                .get()
                .extracting(DiscountProgramme::eligibilityRequired)
                .isEqualTo(true);
        assertThat(catalog.discount("PROMO10"))
                .get()
                .extracting(DiscountProgramme::eligibilityRequired)
                .isEqualTo(false);
        assertThat(catalog.product("ESBP")).get().satisfies(p -> {
            assertThat(p.trialMonths()).isEmpty();
            assertThat(p.changeTo()).containsExactly(ProductCode.of("ESB"));
        });
        assertThat(catalog.policy().crossgradeMinCoverage()).isEqualByComparingTo("0.60");
        assertThat(catalog.fingerprint()).hasSize(64).matches("[0-9a-f]+");
        assertThat(catalog.product("nope")).isEmpty();
    }

    @Test
    void rowLookupFindsTheBandContainingTheSeats() {
        Catalog catalog = SampleCatalog.catalog();
        ProductCode eavb = ProductCode.of("EAVB");
        assertThat(catalog.row(eavb, PriceAction.NEW, 1, 5))
                .get()
                .extracting(r -> r.sku().value())
                .isEqualTo("EAVB-N1B5");
        assertThat(catalog.row(eavb, PriceAction.NEW, 1, 10))
                .get()
                .extracting(r -> r.sku().value())
                .isEqualTo("EAVB-N1B5");
        assertThat(catalog.row(eavb, PriceAction.NEW, 1, 11))
                .get()
                .extracting(r -> r.sku().value())
                .isEqualTo("EAVB-N1B11");
        assertThat(catalog.row(eavb, PriceAction.NEW, 1, 1000))
                .get()
                .extracting(r -> r.sku().value())
                .isEqualTo("EAVB-N1B1000");
        assertThat(catalog.row(eavb, PriceAction.NEW, 1, 4)).isEmpty();
        assertThat(catalog.row(eavb, PriceAction.NEW, 1, 1001)).isEmpty();
        assertThat(catalog.row(eavb, PriceAction.NEW, 4, 10)).isEmpty();
        assertThat(catalog.row(eavb, PriceAction.UPGRADE, 1, 10)).isEmpty();
        assertThat(catalog.row(ProductCode.of("NOPE"), PriceAction.NEW, 1, 10)).isEmpty();
    }

    @Test
    void rowLookupAgreesWithAScanOfEveryRow() {
        Catalog catalog = SampleCatalog.catalog();
        for (PriceRow expected : catalog.prices()) {
            for (int seats = expected.minSeats(); seats <= expected.maxSeats(); seats += 7) {
                assertThat(catalog.row(expected.product(), expected.action(), expected.years(), seats))
                        .contains(expected);
            }
        }
    }

    @Test
    void theFingerprintIgnoresOrderAndTrailingZerosButNotContent() throws Exception {
        Catalog catalog = SampleCatalog.catalog();
        List<PriceRow> shuffled = new ArrayList<>(catalog.prices());
        Collections.reverse(shuffled);
        Catalog reordered =
                Catalog.of(catalog.currency(), catalog.products(), shuffled, catalog.discounts(), catalog.policy());
        assertThat(reordered.fingerprint()).isEqualTo(catalog.fingerprint());
        String text = SampleCatalog.catalogJson();
        assertThat(load(text.replace("\"25.10\"", "\"25.1\"")).fingerprint()).isEqualTo(catalog.fingerprint());
        assertThat(load(text.replace("\"25.10\"", "\"25.11\"")).fingerprint()).isNotEqualTo(catalog.fingerprint());
    }

    @Test
    void namesPerLanguageFallBackToTheName() {
        Catalog catalog = SampleCatalog.catalog();
        DiscountProgramme gov = catalog.discount("GOV").orElseThrow();
        assertThat(gov.name(Locale.GERMAN)).isEqualTo("Öffentliche Verwaltung");
        assertThat(gov.name(Locale.CANADA_FRENCH)).isEqualTo("Administration publique");
        assertThat(gov.name(Locale.ITALIAN)).isEqualTo(gov.name()).isEqualTo("Government");
        Product eavb = catalog.product("EAVB").orElseThrow();
        assertThat(eavb.names()).isEmpty();
        assertThat(eavb.name(Locale.GERMAN)).isEqualTo(eavb.name());
        Catalog named = load(catalog(
                "\"EUR\"",
                List.of(product("A", 1, 10, "").replace("{", "{\"names\": {\"de\": \"Ein A\", \"fr\": \"Un A\"}, ")),
                List.of(row("A-1", "A", "NEW", 1, 1, 10, "\"9.5\"")),
                List.of()));
        assertThat(named.products().get(0).name(Locale.FRENCH)).isEqualTo("Un A");
        assertThat(named.products().get(0).name(Locale.ENGLISH))
                .isEqualTo(named.products().get(0).name());
    }

    @Test
    void namesMustBeNonBlankTextByLanguageCode() {
        String json = catalog(
                "\"EUR\"",
                List.of(
                        product("A", 1, 10, "").replace("{", "{\"names\": {\"German\": \"Ein A\", \"fr\": \" \"}, "),
                        product("B", 1, 10, "").replace("{", "{\"names\": [\"B\"], ")),
                List.of(row("A-1", "A", "NEW", 1, 1, 10, "\"9.5\""), row("B-1", "B", "NEW", 1, 1, 10, "\"9.5\"")),
                List.of("{\"code\": \"G\", \"name\": \"G\", \"rate\": \"0.1\", \"names\": {\"de\": 7}}"));
        assertThat(problems(json))
                .containsExactlyInAnyOrder(
                        "products[0]|names.German",
                        "products[0]|names.fr",
                        "products[1]|names",
                        "discounts[0]|names.de");
        assertThatThrownBy(() -> DiscountProgramme.builder()
                        .code("G")
                        .name("G")
                        .rate(BigDecimal.ONE.movePointLeft(1))
                        .eligibilityRequired(false)
                        .putNames("DE", "G")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'DE' is not a language code");
    }

    @Test
    void unknownFieldsAreIgnored() {
        Catalog catalog = load(catalog(
                        "\"CHF\"",
                        List.of(product("A", 1, 10, "").replace("{", "{\"colour\": \"red\", ")),
                        List.of(row("A-1", "A", "NEW", 1, 1, 10, "\"9.5\"")),
                        List.of())
                .replace("{\"currency\"", "{\"v\": 2, \"currency\""));
        assertThat(catalog.currency().getCurrencyCode()).isEqualTo("CHF");
        assertThat(catalog.prices())
                .singleElement()
                .extracting(PriceRow::unitPrice)
                .isEqualTo(new BigDecimal("9.5"));
    }

    @Test
    void everyProblemIsListedAtOnceWithEntryAndField() {
        String json = catalog(
                "\"EURO\"",
                List.of(product("A", 5, 3, "\"B\", \"A\""), product("C", 1, 10, ""), product("C", 1, 10, "")),
                List.of(
                        row("X", "C", "NEW", 1, 1, 5, "\"1.00\""),
                        row("X", "C", "NEW", 1, 5, 8, "\"1.00\""),
                        row("Y", "D", "NEW", 1, 1, 5, "\"1.00\""),
                        row("Z", "C", "OLD", 1, 1, 5, "\"1.00\""),
                        row("W", "C", "RENEWAL", 1, 1, 11, "\"-1\""),
                        row("V", "C", "RENEWAL", 2, 1, 5, "1.5"),
                        row("U", "C", "RENEWAL", 3, 1, 5, "\"0.1234567\""),
                        "{\"sku\": \"T\"}"),
                List.of(
                        "{\"code\": \"G\", \"name\": \"G\", \"rate\": \"1.00\"}",
                        "{\"code\": \"G\", \"name\": \"G2\", \"rate\": \"0.1\", \"eligibilityRequired\": \"yes\"}"));
        assertThat(problems(json))
                .containsExactlyInAnyOrder(
                        "|currency",
                        "products[0]|maxSeats",
                        "products[2]|code",
                        "prices[1]|sku",
                        "prices[1]|minSeats",
                        "prices[2]|product",
                        "prices[3]|action",
                        "prices[4]|unitPrice",
                        "prices[5]|unitPrice",
                        "prices[6]|unitPrice",
                        "prices[7]|product",
                        "prices[7]|action",
                        "prices[7]|years",
                        "prices[7]|minSeats",
                        "prices[7]|maxSeats",
                        "prices[7]|unitPrice",
                        "discounts[0]|rate",
                        "discounts[1]|eligibilityRequired");
    }

    @Test
    void changesMustNameOtherExistingProductsAndBandsStayInsideTheProduct() {
        String json = catalog(
                "\"EUR\"",
                List.of(product("A", 5, 10, "\"B\", \"A\""), product("C", 1, 10, "\"A\"")),
                List.of(row("X", "A", "NEW", 1, 1, 5, "\"1.00\""), row("Y", "A", "NEW", 1, 6, 11, "\"1.00\"")),
                List.of());
        assertThat(problems(json))
                .containsExactly(
                        "products[0]|changeTo[0]",
                        "products[0]|changeTo[1]",
                        "prices[0]|minSeats",
                        "prices[1]|maxSeats");
    }

    @Test
    void theDocumentMustHaveItsRequiredParts() {
        assertThat(problems("{}")).containsExactly("|currency", "|products", "|prices", "|policy");
        assertThat(
                        problems(
                                "{\"currency\": \"EUR\", \"products\": {}, \"prices\": [1], \"policy\": {\"crossgradeRate\": 0.3,"
                                        + " \"crossgradeMinCoverage\": \"1.5\", \"crossgradeMaxDaysExpired\": -1, \"renewalMaxDaysExpired\": \"60\"}}"))
                .containsExactly(
                        "|products",
                        "prices[0]|",
                        "policy|crossgradeRate",
                        "policy|crossgradeMinCoverage",
                        "policy|crossgradeMaxDaysExpired",
                        "policy|renewalMaxDaysExpired");
    }

    @Test
    void textThatIsNotJsonIsOneProblemNamingTheSource() {
        for (String text : List.of("", "{", "not json", "{} {}", "[1, 2]", "\"EUR\"")) {
            InvalidCatalogException e = catchThrowableOfType(InvalidCatalogException.class, () -> load(text));
            assertThat(e).as(text).isNotNull();
            assertThat(e.problems())
                    .singleElement()
                    .extracting(CatalogProblem::source)
                    .isEqualTo("test.json");
            assertThat(e.getMessage()).startsWith("The catalog is not usable").doesNotContain("tools.jackson");
        }
    }

    @Test
    void aMissingFileOrResourceIsOneProblem(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        InvalidCatalogException file = catchThrowableOfType(InvalidCatalogException.class, () -> Catalog.load(missing));
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(missing.toString());
            assertThat(p.message()).startsWith("cannot be read");
        });
        InvalidCatalogException resource = catchThrowableOfType(
                InvalidCatalogException.class, () -> Catalog.fromClasspath("no/such/catalog.json"));
        assertThat(resource.problems())
                .singleElement()
                .extracting(CatalogProblem::source)
                .isEqualTo("classpath:no/such/catalog.json");
    }

    @Test
    void aCatalogLoadsFromTheClassPath() {
        Catalog catalog = Catalog.fromClasspath("dev/esetshop/pricing/catalog/tiny-catalog.json");
        assertThat(catalog.products()).extracting(p -> p.code().value()).containsExactly("T1");
        assertThat(catalog.row(ProductCode.of("T1"), PriceAction.NEW, 1, 3))
                .get()
                .extracting(PriceRow::sku)
                .isEqualTo(Sku.of("T1-N1"));
    }

    @Test
    void javaValuesAreCheckedLikeAFile() {
        Product a = Product.builder()
                .code(ProductCode.of("A"))
                .name("A")
                .minSeats(1)
                .maxSeats(10)
                .build();
        PriceRow r1 = PriceRow.builder()
                .sku(Sku.of("S"))
                .product(ProductCode.of("A"))
                .action(PriceAction.NEW)
                .years(1)
                .minSeats(1)
                .maxSeats(6)
                .unitPrice(BigDecimal.ONE)
                .build();
        PriceRow r2 = PriceRow.builder().from(r1).minSeats(5).maxSeats(10).build();
        InvalidCatalogException e = catchThrowableOfType(
                InvalidCatalogException.class,
                () -> Catalog.of(
                        Currency.getInstance("EUR"),
                        List.of(a, a),
                        List.of(r1, r2),
                        List.of(),
                        SampleCatalog.catalog().policy()));
        assertThat(e.problems())
                .extracting(p -> p.entry() + "|" + p.field())
                .containsExactly("products[1]|code", "prices[1]|sku", "prices[1]|minSeats");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo(Catalog.JAVA_SOURCE));
    }
}
