package dev.esetshop.pricing;

import static dev.esetshop.pricing.Generators.between;
import static dev.esetshop.pricing.Generators.chance;
import static dev.esetshop.pricing.Generators.pick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.Money;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.ViolationMessages;
import dev.esetshop.pricing.Generators.World;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.PriceAction;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import dev.esetshop.pricing.protocol.QuoteProtocol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties of pricing over generated catalogs and requests (fixed seed, 1,000 examples each). Each test states
 * its property; examples are counted so a property that silently ran on nothing fails.
 */
class PricingPropertiesTest {

    private static final long SEED = 20_261_124L;
    private static final int EXAMPLES = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger TOTAL_EXAMPLES = new AtomicInteger();

    /** A world and one request against it. */
    record Case(World world, QuoteRequest request) {
        QuoteResult quote() {
            return Pricing.of(world.catalog()).quote(request, world.context());
        }
    }

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
    }

    private static Gen<Case> cases() {
        return in -> {
            World world = Generators.worlds().generate(in);
            return new Case(world, Generators.requests(world).generate(in));
        };
    }

    private static void counted(AtomicInteger examples) {
        assertThat(examples.get()).as("examples run").isGreaterThanOrEqualTo(EXAMPLES);
        TOTAL_EXAMPLES.addAndGet(examples.get());
    }

    @AfterAll
    static void everyPropertyRanItsExamples() {
        assertThat(TOTAL_EXAMPLES.get()).isGreaterThanOrEqualTo(EXAMPLES);
    }

    @Test
    void yourPriceIsAtMostTheStreetPriceWhichIsAtMostTheListPrice() {
        AtomicInteger examples = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        qt().forAll(cases()).checkAssert(c -> {
            examples.incrementAndGet();
            QuoteResult result = c.quote();
            if (result instanceof QuoteResult.Accepted) {
                accepted.incrementAndGet();
                for (QuoteLine line : ((QuoteResult.Accepted) result).quote().lines()) {
                    Money list = Money.rounded(
                            line.trace().listPrice(), line.streetPrice().currency());
                    assertThat(line.yourPrice()).isLessThanOrEqualTo(line.streetPrice());
                    assertThat(line.streetPrice()).isLessThanOrEqualTo(list);
                    assertThat(line.yourPrice().isNegative()).isFalse();
                }
            }
        });
        counted(examples);
        assertThat(accepted.get()).as("accepted quotes among the examples").isGreaterThan(EXAMPLES / 5);
    }

    @Test
    void atZeroMarginYourPriceIsTheStreetPrice() {
        AtomicInteger examples = new AtomicInteger();
        qt().forAll(cases()).checkAssert(c -> {
            examples.incrementAndGet();
            QuoteResult result = Pricing.of(c.world().catalog())
                    .quote(c.request(), QuoteContext.of(c.world().today(), BigDecimal.ZERO));
            if (result instanceof QuoteResult.Accepted) {
                Quote quote = ((QuoteResult.Accepted) result).quote();
                assertThat(quote.yourPrice()).isEqualTo(quote.streetPrice());
                quote.lines().forEach(line -> assertThat(line.yourPrice()).isEqualTo(line.streetPrice()));
            }
        });
        counted(examples);
    }

    @Test
    void totalsAreTheSumsOfTheRoundedLines() {
        AtomicInteger examples = new AtomicInteger();
        qt().forAll(cases()).checkAssert(c -> {
            examples.incrementAndGet();
            QuoteResult result = c.quote();
            if (result instanceof QuoteResult.Accepted) {
                Quote quote = ((QuoteResult.Accepted) result).quote();
                int digits = Money.minorDigits(quote.currency());
                BigDecimal street = BigDecimal.ZERO;
                BigDecimal yours = BigDecimal.ZERO;
                for (QuoteLine line : quote.lines()) {
                    assertThat(line.streetPrice().amount().scale()).isEqualTo(digits);
                    street = street.add(line.streetPrice().amount());
                    yours = yours.add(line.yourPrice().amount());
                }
                assertThat(quote.streetPrice().amount()).isEqualByComparingTo(street);
                assertThat(quote.yourPrice().amount()).isEqualByComparingTo(yours);
                assertThat(quote.streetPrice().amount().scale()).isEqualTo(digits);
                assertThat(quote.currency()).isEqualTo(c.world().catalog().currency());
            }
        });
        counted(examples);
    }

    @Test
    void theChosenRowsBandContainsTheResultingSeats() {
        AtomicInteger examples = new AtomicInteger();
        qt().forAll(cases()).checkAssert(c -> {
            examples.incrementAndGet();
            QuoteResult result = c.quote();
            if (result instanceof QuoteResult.Accepted) {
                int seats = c.request().seats();
                for (QuoteLine line : ((QuoteResult.Accepted) result).quote().lines()) {
                    assertThat(seats)
                            .isBetween(line.trace().bandMinSeats(), line.trace().bandMaxSeats());
                    PriceRow row = rowOf(c.world().catalog(), line.sku().value());
                    assertThat(row.contains(seats)).isTrue();
                    assertThat(row.unitPrice())
                            .isEqualByComparingTo(line.trace().unitPrice());
                    assertThat(line.seats())
                            .isEqualTo(
                                    line.kind() == QuoteLine.Kind.EXTENSION
                                            ? seats
                                                    - ((RenewalRequest) c.request())
                                                            .license()
                                                            .seats()
                                            : seats);
                }
            }
        });
        counted(examples);
    }

    private static PriceRow rowOf(Catalog catalog, String sku) {
        for (PriceRow row : catalog.prices()) {
            if (row.sku().value().equals(sku)) {
                return row;
            }
        }
        throw new AssertionError("no row " + sku);
    }

    /** A NEW request that only the crossgrade can break: known product, seats with a row, no programme. */
    record CrossgradeCase(World world, NewLicenseRequest request, Crossgrade crossgrade) {}

    private static Gen<CrossgradeCase> crossgradeCases() {
        return in -> {
            World world = Generators.worlds().generate(in);
            List<PriceRow> newRows = new ArrayList<>();
            for (PriceRow row : world.catalog().prices()) {
                if (row.action() == PriceAction.NEW) {
                    newRows.add(row);
                }
            }
            if (newRows.isEmpty()) {
                return new CrossgradeCase(world, null, null);
            }
            PriceRow row = pick(in, newRows);
            int seats = between(in, row.minSeats(), row.maxSeats());
            LocalDate today = world.today();
            int maxDays = world.catalog().policy().crossgradeMaxDaysExpired();
            Crossgrade crossgrade = Crossgrade.of(
                    between(in, 0, seats + 2),
                    today.plusDays(
                            between(in, -maxDays - 3, -maxDays + 3) + (chance(in, 30) ? between(in, 0, 400) : 0)),
                    chance(in, 15) ? " " : "invoice");
            NewLicenseRequest request = NewLicenseRequest.builder()
                    .product(row.product().value())
                    .seats(seats)
                    .years(row.years())
                    .crossgrade(crossgrade)
                    .build();
            return new CrossgradeCase(world, request, crossgrade);
        };
    }

    @Test
    void aCrossgradeIsAcceptedExactlyWhenProofCoverageAndDateWindowHold() {
        AtomicInteger examples = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        qt().forAll(crossgradeCases()).checkAssert(c -> {
            examples.incrementAndGet();
            if (c.request() == null) {
                return;
            }
            var policy = c.world().catalog().policy();
            Crossgrade old = c.crossgrade();
            // the rule stated independently: coverage as a fraction of integers, the window in calendar days
            BigDecimal coverage = policy.crossgradeMinCoverage();
            boolean covered = BigDecimal.valueOf(old.seats())
                            .movePointRight(coverage.scale())
                            .toBigInteger()
                            .compareTo(coverage.unscaledValue()
                                    .multiply(java.math.BigInteger.valueOf(
                                            c.request().seats())))
                    >= 0;
            boolean recent =
                    ChronoUnit.DAYS.between(old.expires(), c.world().today()) <= policy.crossgradeMaxDaysExpired();
            boolean proven = !old.proof().isBlank();
            QuoteResult result =
                    Pricing.of(c.world().catalog()).quote(c.request(), c.world().context());
            assertThat(result.isAccepted()).isEqualTo(covered && recent && proven);
            (result.isAccepted() ? accepted : refused).incrementAndGet();
            if (result instanceof QuoteResult.Rejected) {
                assertThat(((QuoteResult.Rejected) result).violations())
                        .extracting(Violation::code)
                        .isSubsetOf(
                                ViolationCode.CROSSGRADE_COVERAGE,
                                ViolationCode.CROSSGRADE_EXPIRED,
                                ViolationCode.CROSSGRADE_PROOF_REQUIRED);
            } else {
                QuoteLine line = ((QuoteResult.Accepted) result).quote().lines().get(0);
                assertThat(line.trace().discountSource()).isEqualTo(RuleTrace.DiscountSource.CROSSGRADE);
                assertThat(line.trace().discountRate()).isEqualByComparingTo(policy.crossgradeRate());
            }
        });
        counted(examples);
        assertThat(accepted.get()).isGreaterThan(EXAMPLES / 10);
        assertThat(refused.get()).isGreaterThan(EXAMPLES / 10);
    }

    @Test
    void aCrossgradeWithAProgrammeIsNeverAccepted() {
        AtomicInteger examples = new AtomicInteger();
        qt().forAll(crossgradeCases()).checkAssert(c -> {
            examples.incrementAndGet();
            if (c.request() == null) {
                return;
            }
            Catalog catalog = c.world().catalog();
            String programme = catalog.discounts().isEmpty()
                    ? "ANY"
                    : catalog.discounts().get(0).code();
            NewLicenseRequest both = NewLicenseRequest.builder()
                    .from(c.request())
                    .discount(programme)
                    .eligibilityCode("E-1")
                    .build();
            QuoteResult result = Pricing.of(catalog).quote(both, c.world().context());
            assertThat(result)
                    .isInstanceOfSatisfying(
                            QuoteResult.Rejected.class,
                            r -> assertThat(r.violations())
                                    .extracting(Violation::code)
                                    .contains(ViolationCode.DISCOUNTS_DO_NOT_STACK));
        });
        counted(examples);
    }

    @Test
    void aTrialConversionCostsWhatANewLicenseOfTheSameTermsCostsAndExpiresAsIt() {
        AtomicInteger examples = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        Gen<Object[]> conversions = in -> {
            World world = Generators.worlds().generate(in);
            Catalog catalog = world.catalog();
            String product = Generators.productCode(in, catalog);
            int seats = Generators.seats(in, catalog, product);
            // a trial still within the renewal window, so only NEW's own rules can refuse it
            CurrentLicense trial = CurrentLicense.builder()
                    .product(product)
                    .seats(between(in, 1, seats + 5))
                    .expires(
                            world.today().plusDays(between(in, -catalog.policy().renewalMaxDaysExpired(), 90)))
                    .trial(true)
                    .build();
            return new Object[] {world, Generators.conversion(in, catalog, world.today(), trial, seats)};
        };
        qt().forAll(conversions).checkAssert(pair -> {
            examples.incrementAndGet();
            World world = (World) pair[0];
            TrialConversionRequest conversion = (TrialConversionRequest) pair[1];
            NewLicenseRequest.Builder asNewBuilder = NewLicenseRequest.builder()
                    .product(conversion.license().product())
                    .seats(conversion.seats())
                    .years(conversion.years());
            conversion.discount().ifPresent(asNewBuilder::discount);
            conversion.eligibilityCode().ifPresent(asNewBuilder::eligibilityCode);
            conversion.crossgrade().ifPresent(asNewBuilder::crossgrade);
            NewLicenseRequest asNew = asNewBuilder.build();
            Pricing pricing = Pricing.of(world.catalog());
            QuoteResult converted = pricing.quote(conversion, world.context());
            QuoteResult bought = pricing.quote(asNew, world.context());
            if (bought instanceof QuoteResult.Accepted) {
                accepted.incrementAndGet();
                Quote n = ((QuoteResult.Accepted) bought).quote();
                assertThat(converted).isInstanceOfSatisfying(QuoteResult.Accepted.class, c -> {
                    assertThat(c.quote().streetPrice()).isEqualTo(n.streetPrice());
                    assertThat(c.quote().yourPrice()).isEqualTo(n.yourPrice());
                    assertThat(c.quote().expires()).isEqualTo(n.expires());
                    assertThat(c.quote().lines())
                            .extracting(QuoteLine::sku, QuoteLine::seats, QuoteLine::streetPrice, QuoteLine::yourPrice)
                            .containsExactlyElementsOf(n.lines().stream()
                                    .map(l -> tuple(l.sku(), l.seats(), l.streetPrice(), l.yourPrice()))
                                    .toList());
                });
            } else {
                List<ViolationCode> newCodes = ((QuoteResult.Rejected) bought)
                        .violations().stream().map(Violation::code).toList();
                assertThat(converted)
                        .isInstanceOfSatisfying(
                                QuoteResult.Rejected.class,
                                r -> assertThat(r.violations())
                                        .extracting(Violation::code)
                                        .containsExactlyInAnyOrderElementsOf(newCodes));
            }
            TrialConversionRequest ofAPaidLicense = TrialConversionRequest.builder()
                    .from(conversion)
                    .license(CurrentLicense.builder()
                            .from(conversion.license())
                            .trial(false)
                            .build())
                    .build();
            assertThat(pricing.quote(ofAPaidLicense, world.context()))
                    .isInstanceOfSatisfying(
                            QuoteResult.Rejected.class,
                            r -> assertThat(r.violations())
                                    .extracting(Violation::code)
                                    .contains(ViolationCode.NOT_A_TRIAL));
        });
        counted(examples);
        assertThat(accepted.get()).as("accepted conversions among the examples").isGreaterThan(EXAMPLES / 10);
    }

    private static final List<Integer> EDGE_INTS =
            List.of(Integer.MIN_VALUE, -1, 0, 1, 2, 3, 5, 12, 365, 1000, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);

    private static int junkInt(RandomnessSource in) {
        return chance(in, 50) ? pick(in, EDGE_INTS) : Generators.anyInt(in);
    }

    private static String junkText(RandomnessSource in, Catalog catalog) {
        switch (between(in, 0, 5)) {
            case 0:
                return "";
            case 1:
                return pick(in, List.of(" ", "\t\n", "\u00a0", "é€😀", "'{0}'", "{1}", "null", "GOV "));
            case 2:
                return pick(in, catalog.products()).code().value();
            case 3:
                return catalog.discounts().isEmpty()
                        ? "D0"
                        : pick(in, catalog.discounts()).code();
            default:
                StringBuilder text = new StringBuilder();
                int length = between(in, 1, 40);
                for (int i = 0; i < length; i++) {
                    text.appendCodePoint(between(in, 1, 0x2FFF));
                }
                return text.toString();
        }
    }

    private static LocalDate junkDate(RandomnessSource in) {
        switch (between(in, 0, 3)) {
            case 0:
                return pick(
                        in, List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(0, 1, 1), LocalDate.of(2024, 2, 29)));
            default:
                return LocalDate.ofEpochDay(between(in, -800_000, 800_000));
        }
    }

    private static BigDecimal junkMargin(RandomnessSource in) {
        switch (between(in, 0, 3)) {
            case 0:
                return pick(
                        in,
                        List.of(
                                BigDecimal.ONE,
                                BigDecimal.ONE.negate(),
                                new BigDecimal("0.999999999999999999999"),
                                new BigDecimal("1E+9999"),
                                new BigDecimal("-1E-9999"),
                                new BigDecimal("0.1E-30")));
            default:
                return Generators.share(in);
        }
    }

    /** Requests with junk in every field a Java caller can fill, under a junk context. */
    record JunkCase(World world, QuoteRequest request, QuoteContext context) {}

    private static Gen<JunkCase> junk() {
        return in -> {
            World world = Generators.worlds().generate(in);
            Catalog catalog = world.catalog();
            Optional<String> discount = chance(in, 50) ? Optional.of(junkText(in, catalog)) : Optional.empty();
            Optional<Crossgrade> crossgrade = chance(in, 50)
                    ? Optional.of(Crossgrade.of(junkInt(in), junkDate(in), junkText(in, catalog)))
                    : Optional.empty();
            CurrentLicense.Builder licenseBuilder = CurrentLicense.builder()
                    .product(junkText(in, catalog))
                    .seats(junkInt(in))
                    .expires(junkDate(in));
            if (chance(in, 50)) {
                licenseBuilder.discount(junkText(in, catalog));
            }
            CurrentLicense license = licenseBuilder.trial(chance(in, 50)).build();
            QuoteRequest request;
            switch (between(in, 0, 3)) {
                case 0:
                    NewLicenseRequest.Builder junkNew = NewLicenseRequest.builder()
                            .product(junkText(in, catalog))
                            .seats(junkInt(in))
                            .years(junkInt(in));
                    discount.ifPresent(junkNew::discount);
                    junkNew.eligibilityCode(junkText(in, catalog));
                    crossgrade.ifPresent(junkNew::crossgrade);
                    request = junkNew.id(junkText(in, catalog)).build();
                    break;
                case 1:
                    request = RenewalRequest.builder()
                            .license(license)
                            .seats(junkInt(in))
                            .years(junkInt(in))
                            .build();
                    break;
                case 2:
                    request = ProductChangeRequest.builder()
                            .license(license)
                            .targetProduct(junkText(in, catalog))
                            .seats(junkInt(in))
                            .years(junkInt(in))
                            .build();
                    break;
                default:
                    TrialRequest.Builder junkTrial = TrialRequest.builder()
                            .product(junkText(in, catalog))
                            .seats(junkInt(in))
                            .months(junkInt(in));
                    discount.ifPresent(junkTrial::discount);
                    crossgrade.ifPresent(junkTrial::crossgrade);
                    request = junkTrial.build();
                    break;
            }
            return new JunkCase(world, request, QuoteContext.of(junkDate(in), junkMargin(in)));
        };
    }

    @Test
    void anyRequestGetsAResultAndEveryViolationAMessageInEveryLanguage() {
        AtomicInteger examples = new AtomicInteger();
        AtomicInteger violations = new AtomicInteger();
        qt().forAll(junk()).checkAssert(c -> {
            examples.incrementAndGet();
            QuoteResult result = Pricing.of(c.world().catalog()).quote(c.request(), c.context());
            assertThat(result).isNotNull();
            assertThat(result.id()).isEqualTo(c.request().id());
            if (result instanceof QuoteResult.Rejected) {
                for (Violation violation : ((QuoteResult.Rejected) result).violations()) {
                    violations.incrementAndGet();
                    assertThat(violation.field()).isNotBlank();
                    for (Locale locale : ViolationMessages.SUPPORTED) {
                        String message = violation.message(locale);
                        assertThat(message).as(violation + " in " + locale).isNotBlank();
                        // a brace may come from the caller's own text; any other one is a placeholder left unfilled
                        String pattern = message;
                        for (String argument : violation.arguments()) {
                            pattern = pattern.replace(argument, "");
                        }
                        assertThat(pattern).as(violation + " in " + locale).doesNotContainPattern("\\{\\d");
                    }
                }
            } else {
                assertThat(((QuoteResult.Accepted) result).quote().expires()).isNotNull();
            }
        });
        counted(examples);
        assertThat(violations.get()).isGreaterThan(EXAMPLES);
    }

    private static JsonNode junkJson(RandomnessSource in, Catalog catalog, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (between(in, 0, depth > 2 ? 6 : 8)) {
            case 0:
                return nodes.nullNode();
            case 1:
                return nodes.booleanNode(chance(in, 50));
            case 2:
                return nodes.numberNode(junkInt(in));
            case 3:
                return nodes.numberNode(new BigDecimal(junkInt(in)).movePointLeft(between(in, 0, 30)));
            case 4:
                return nodes.stringNode(junkText(in, catalog));
            case 5:
                return nodes.stringNode(pick(
                        in,
                        List.of(
                                "2024-02-29",
                                "2024-02-30",
                                "NEW",
                                "RENEWAL",
                                "PRODUCT_CHANGE",
                                "TRIAL",
                                "TRIAL_CONVERSION",
                                "0.25",
                                "1",
                                "-0",
                                "1e3",
                                "de",
                                "fr")));
            case 6:
                return nodes.stringNode(junkDate(in).toString());
            case 7: {
                ArrayNode array = nodes.arrayNode();
                int size = between(in, 0, 3);
                for (int i = 0; i < size; i++) {
                    array.add(junkJson(in, catalog, depth + 1));
                }
                return array;
            }
            default:
                return junkObject(in, catalog, depth + 1);
        }
    }

    private static final List<String> FIELDS = List.of(
            "id",
            "operation",
            "today",
            "margin",
            "locale",
            "product",
            "seats",
            "years",
            "months",
            "discount",
            "eligibilityCode",
            "crossgrade",
            "license",
            "expires",
            "proof",
            "trial",
            "x");

    private static ObjectNode junkObject(RandomnessSource in, Catalog catalog, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        int size = between(in, 0, FIELDS.size());
        for (int i = 0; i < size; i++) {
            object.set(pick(in, FIELDS), junkJson(in, catalog, depth));
        }
        return object;
    }

    @Test
    void anyJsonThroughTheProtocolGetsOneResultPerRequest() {
        AtomicInteger examples = new AtomicInteger();
        Gen<Object[]> documents = in -> {
            World world = Generators.worlds().generate(in);
            ArrayNode requests = JsonNodeFactory.instance.arrayNode();
            int size = between(in, 1, 4);
            for (int i = 0; i < size; i++) {
                requests.add(chance(in, 85) ? junkObject(in, world.catalog(), 0) : junkJson(in, world.catalog(), 0));
            }
            return new Object[] {world, requests};
        };
        qt().forAll(documents).checkAssert(d -> {
            examples.incrementAndGet();
            World world = (World) d[0];
            // read back as a caller's parser would, so numbers compare by their JSON text
            ArrayNode requests = (ArrayNode) JSON.readTree(JSON.writeValueAsString(d[1]));
            QuoteProtocol protocol = QuoteProtocol.of(world.catalog());
            JsonNode results = JSON.readTree(protocol.answer(JSON.writeValueAsString(requests)));
            assertThat(results.size()).isEqualTo(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                JsonNode result = results.get(i);
                assertThat(result.get("accepted").isBoolean()).isTrue();
                JsonNode id = requests.get(i).isObject() ? requests.get(i).get("id") : null;
                if (id != null && !id.isNull() && !id.isContainer()) {
                    assertThat(result.get("id")).isEqualTo(id);
                }
                if (!result.get("accepted").booleanValue()) {
                    assertThat(result.get("violations").size()).isPositive();
                    result.get("violations")
                            .values()
                            .forEach(v ->
                                    assertThat(v.get("message").stringValue()).isNotBlank());
                }
                if (!requests.get(i).isArray()) {
                    // alone, an array element is a document of its own: an array would be answered with an array
                    JsonNode single = JSON.readTree(protocol.answer(JSON.writeValueAsString(requests.get(i))));
                    assertThat(single).isEqualTo(result);
                }
            }
        });
        counted(examples);
    }

    @Test
    void aQuoteDoesNotDependOnTheJvmsDefaultLocaleOrTimeZone() {
        AtomicInteger examples = new AtomicInteger();
        Locale[] locales = Locale.getAvailableLocales();
        String[] zones = TimeZone.getAvailableIDs();
        Gen<Object[]> cases = in -> new Object[] {
            cases().generate(in), locales[between(in, 0, locales.length - 1)], zones[between(in, 0, zones.length - 1)]
        };
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            qt().forAll(cases).checkAssert(d -> {
                examples.incrementAndGet();
                Case c = (Case) d[0];
                QuoteProtocol protocol = QuoteProtocol.of(c.world().catalog());
                Locale.setDefault(Locale.ROOT);
                TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
                QuoteResult baseline = c.quote();
                String baselineJson = protocol.encode(baseline, Locale.FRENCH);
                Locale.setDefault((Locale) d[1]);
                TimeZone.setDefault(TimeZone.getTimeZone((String) d[2]));
                QuoteResult result = c.quote();
                assertThat(result).isEqualTo(baseline);
                assertThat(protocol.encode(result, Locale.FRENCH)).isEqualTo(baselineJson);
            });
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        counted(examples);
    }

    @Test
    void everyProductOfAGeneratedCatalogHasItsRowsFoundByTheIndex() {
        AtomicInteger examples = new AtomicInteger();
        qt().forAll(
                        Generators.worlds(),
                        org.quicktheories.generators.SourceDSL.integers().between(0, 400))
                .checkAssert((w, seats) -> {
                    examples.incrementAndGet();
                    Catalog catalog = w.catalog();
                    for (Product product : catalog.products()) {
                        for (PriceAction action : PriceAction.values()) {
                            for (int years = 1; years <= 3; years++) {
                                PriceRow expected = null;
                                for (PriceRow row : catalog.prices()) {
                                    if (row.product().equals(product.code())
                                            && row.action() == action
                                            && row.years() == years
                                            && row.contains(seats)) {
                                        expected = row;
                                    }
                                }
                                assertThat(catalog.row(product.code(), action, years, seats))
                                        .isEqualTo(Optional.ofNullable(expected));
                            }
                        }
                    }
                });
        counted(examples);
    }
}
