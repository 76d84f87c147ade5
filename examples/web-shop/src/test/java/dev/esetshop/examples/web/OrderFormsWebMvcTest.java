package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ResellerId;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.present.ShopPresentation;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.SandboxPartner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19 §2: the order forms as a {@code @WebMvcTest} slice of {@link OrderPages} on a real shop over an ESET
 * sandbox, with a fixed clock. Each test stands alone: it syncs the reseller's book first and orders nothing another
 * test reads.
 */
@WebMvcTest(OrderPages.class)
@Import({SecurityConfig.class, WebConfig.class, QuoteJson.class, Resellers.class, OrderFormsWebMvcTest.Shop.class})
class OrderFormsWebMvcTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static final ResellerId RESELLER = ResellerId.of("reseller-a");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The reseller's shop on its own sandbox, a clock that does not move, and the confirmations it sends. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Shop {

        // the application's own clock bean stays; this fixed one is the one injected
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean(destroyMethod = "close")
        EsetSandbox sandbox(Clock clock) {
            return EsetSandbox.builder()
                    .seed(1001)
                    .licenses(30)
                    .partner(SandboxPartner.demo())
                    .clock(clock)
                    .start();
        }

        @Bean
        Catalog catalog() {
            return Catalog.sample();
        }

        @Bean
        List<OrderConfirmed> confirmations() {
            return Collections.synchronizedList(new ArrayList<>());
        }

        @Bean(destroyMethod = "close")
        EsetShops shops(EsetSandbox sandbox, Catalog catalog, Clock clock, List<OrderConfirmed> confirmations) {
            ResellerAccount account = ResellerAccount.of(sandbox.username(), sandbox.password());
            return EsetShops.builder()
                    .catalog(catalog)
                    .clock(clock)
                    .baseUri(sandbox.baseUri())
                    .addConfirmationListener(confirmations::add)
                    .directory(new ResellerDirectory() {
                        @Override
                        public Optional<ResellerAccount> account(ResellerId reseller) {
                            return reseller.equals(RESELLER) ? Optional.of(account) : Optional.empty();
                        }

                        @Override
                        public Iterable<ResellerId> resellers() {
                            return List.of(RESELLER);
                        }
                    })
                    .build();
        }
    }

    @Autowired
    private MockMvc mvc;

    @Autowired
    private EsetShops shops;

    @Autowired
    private EsetSandbox sandbox;

    @Autowired
    private List<OrderConfirmed> confirmations;

    private EsetShop shop;

    @BeforeEach
    void syncTheBook() {
        shop = shops.shop(RESELLER);
        shop.sync();
    }

    @Test
    void freshFormsShowNoViolationAndStartAtTheProductsMinimumWithItsRange() throws Exception {
        for (String path : List.of(
                "/order/new",
                "/order/trial",
                "/licenses/" + license("EAVB").id().value() + "/renew",
                "/licenses/" + license("EAVB").id().value() + "/change",
                "/licenses/" + license("EAVB").id().value() + "/convert")) {
            MvcResult page =
                    ok(mvc.perform(get(path).with(user(RESELLER.value()))).andReturn());
            assertThat(page.getModelAndView().getViewName()).isEqualTo("order-form");
            String html = page.getResponse().getContentAsString();
            assertThat(html)
                    .as(path)
                    .doesNotContainPattern("class=\"violations\"[^>]*>\\s*<li")
                    .contains("id=\"order\" disabled");
            assertThat(((FieldViolations) page.getModelAndView().getModel().get("violations")).any())
                    .isFalse();
        }
        String fresh = page("/order/new?lang=en");
        assertThat(fresh)
                .containsPattern("name=\"seats\" value=\"5\"")
                .contains("id=\"seat-range\" class=\"muted\">5 to 1,000 seats<", ">ESET Endpoint Antivirus</option>");
        assertThat(page("/order/new?lang=de"))
                .contains(
                        "5 bis 1.000 Plätze",
                        ">Öffentliche Verwaltung</option>",
                        "<option value=\"DE\">Deutschland</option>");
        assertThat(page("/order/new?lang=fr"))
                .contains("de 5 à 1", "000 postes", "<option value=\"DE\">Allemagne</option>");
    }

    @Test
    void oneCheckGivesEveryViolationAtOnceBesideItsFieldAndOrderableOnlyWhenItPasses() throws Exception {
        JsonNode broken = check("/order/new/check", "product=EAVB&seats=1&years=1");
        assertThat(fields(broken))
                .contains(
                        "seats",
                        "customer.organization",
                        "customer.firstName",
                        "customer.lastName",
                        "customer.email",
                        "eula");
        assertThat(broken.get("orderable").asBoolean()).isFalse();

        JsonNode complete = check(
                "/order/new/check",
                "product=EAVB&seats=6&years=1&organization=Probe+GmbH"
                        + "&firstName=Paula&lastName=Probe&email=paula%40probe.example&country=DE&eula=true");
        assertThat(complete.get("violations")).isEmpty();
        assertThat(complete.get("orderable").asBoolean()).isTrue();
        assertThat(complete.get("quote").get("accepted").asBoolean()).isTrue();
        assertThat(complete.get("lineLabels").get(0).asString()).isEqualTo("New license of ESET Endpoint Antivirus");

        // the quote is fine, only the order's own rules are not: the price is there, Order is not
        JsonNode noEula = check(
                "/order/new/check",
                "product=EAVB&seats=6&years=1&organization=Probe+GmbH"
                        + "&firstName=Paula&lastName=Probe&email=paula%40probe.example");
        assertThat(fields(noEula)).containsExactly("eula");
        assertThat(noEula.get("quote").get("accepted").asBoolean()).isTrue();
        assertThat(noEula.get("orderable").asBoolean()).isFalse();
    }

    @Test
    void aCrossgradeWithoutItsExpiryStillGetsTheEndCustomersAndTheEulasViolationsInTheSameRound() throws Exception {
        JsonNode answer = check(
                "/order/new/check",
                "product=EAVB&seats=6&years=1&crossgrade=true" + "&crossgradeSeats=6&crossgradeProof=INV-1");
        assertThat(fields(answer)).contains("crossgrade.expires", "customer.organization", "customer.email", "eula");
        assertThat(answer.get("orderable").asBoolean()).isFalse();
    }

    @Test
    void whatSpringCannotBindAndACountryNotInTheListAreViolationsThroughTheBindingResult() throws Exception {
        JsonNode answer = check("/order/new/check", "product=EAVB&seats=abc&years=1&country=Sc");
        assertThat(messages(answer, "seats")).containsExactly("Enter a whole number.");
        assertThat(messages(answer, "customer.country"))
                .containsExactly("Choose the end customer's country from the list.");

        MvcResult refused =
                ok(mvc.perform(request("/order/new", "product=EAVB&seats=abc&years=1&organization=X&country=Sc"))
                        .andReturn());
        assertThat(refused.getModelAndView().getViewName()).isEqualTo("order-form");
        BindingResult binding =
                (BindingResult) refused.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "form");
        assertThat(binding.getFieldErrors())
                .extracting(FieldError::getField)
                .contains("seats", "country", "firstName", "email", "eula")
                .doesNotContain("organization");
        assertThat(confirmations).isEmpty();
    }

    @Test
    void aRefusedSubmitShowsEveryViolationAndKeepsTheFormForThePrice() throws Exception {
        MvcResult refused = ok(mvc.perform(
                        request("/order/new", "product=EAVB&seats=6&years=1&organization=Probe+GmbH&firstName=Paula"))
                .andReturn());
        String html = refused.getResponse().getContentAsString();
        assertThat(html)
                .contains("data-submitted=\"true\"", "name=\"seats\" value=\"6\"")
                .containsPattern("data-field=\"customer.email\">\\s*<li>")
                .containsPattern("data-field=\"eula\">\\s*<li>");
    }

    @Test
    void theTrialFormOffersTheCatalogsMonthsForTheProductAndNoProgrammeOrCrossgrade() throws Exception {
        String trial = page("/order/trial?lang=en");
        assertThat(trial)
                .contains(
                        "<option value=\"1\" selected=\"selected\">1 month</option>",
                        "<option value=\"3\">3 months</option>",
                        "data-months=\"1,3\"",
                        "data-months=\"1\"")
                .doesNotContain("id=\"discount\"", "crossgrade", "id=\"reference\"", ">EAVB<")
                .doesNotContain("data-months=\"\"");
        JsonNode months = check(
                "/order/trial/check",
                "product=EMDS&seats=5&months=3&organization=T&firstName=T"
                        + "&lastName=T&email=t%40t.example&eula=true");
        assertThat(fields(months)).containsExactly("months");
    }

    @Test
    void theCrossgradeFieldsAreHiddenUntilCrossgradeIsTicked() throws Exception {
        assertThat(page("/order/new")).containsPattern("id=\"crossgrade-fields\" class=\"grid nested\" hidden");
        String ticked = postForm("/order/new", "product=EAVB&seats=6&years=1&crossgrade=true");
        assertThat(ticked).contains("id=\"crossgrade-fields\" class=\"grid nested\">");
    }

    @Test
    void licenseFormsShowTheCurrentLicenseTargetsByNameLabelledLinesAndACancel() throws Exception {
        License license = license("EAVB");
        String id = license.id().value();
        String renewal = page("/licenses/" + id + "/renew?lang=en");
        assertThat(renewal)
                .contains(
                        "id=\"current-product\">" + license.productName() + "<",
                        "id=\"current-seats\">" + license.seats().count() + "<",
                        "id=\"current-expires\">"
                                + ShopPresentation.of(Locale.ENGLISH, ZoneOffset.UTC)
                                        .date(license.expires())
                                + "<",
                        "id=\"current-order-number\">" + license.orderNumber().orElse("–") + "<",
                        "id=\"current-discount\">",
                        "id=\"cancel\"",
                        "href=\"/licenses/" + id + "\"");
        assertThat(page("/licenses/" + id + "/change"))
                .contains(">ESET Endpoint Security</option>", ">ESET Secure Business</option>")
                .doesNotContain(">EESB</option>");

        int more = license.seats().count() + 3;
        JsonNode quote = check("/licenses/" + id + "/renew/check", "seats=" + more + "&years=1");
        assertThat(quote.get("orderable").asBoolean()).as(quote.toString()).isTrue();
        List<String> labels = new ArrayList<>();
        quote.get("lineLabels").forEach(label -> labels.add(label.asString()));
        assertThat(labels)
                .containsExactly(
                        "Renewal of ESET Endpoint Antivirus",
                        "Extension of 3 seats until the current expiry, "
                                + ShopPresentation.of(Locale.ENGLISH, ZoneOffset.UTC)
                                        .date(license.expires()));
    }

    @Test
    void aProgrammesLineNamesTheDiscountAndItsRate() throws Exception {
        JsonNode quote = check("/order/new/check?lang=de", "product=EAVB&seats=6&years=1&discount=PROMO10");
        assertThat(quote.get("lineLabels").get(0).asString())
                .isEqualTo("Neue Lizenz für ESET Endpoint Antivirus · Programm Aktion 10 %, 10\u00a0% Rabatt");
    }

    @Test
    void theEndCustomerAcceptsTheEulaAndTheLogInIsRecordedBesideThem() throws Exception {
        String form = page("/order/new?lang=en");
        assertThat(form)
                .contains(
                        "id=\"eula-link\" href=\"" + OrderPages.DEFAULT_EULA_URL + "\"",
                        "end user license agreement ESET-EULA-2024",
                        "The end customer named above accepts",
                        "your log-in reseller-a is recorded beside it");
        MvcResult ordered = mvc.perform(request(
                        "/order/new",
                        "product=EAVB&seats=7&years=1&organization=Eula+AG"
                                + "&firstName=Erika&lastName=Muster&email=erika%40eula.example&country=CH&eula=true"))
                .andReturn();
        assertThat(ordered.getResponse().getStatus()).isEqualTo(302);
        assertThat(ordered.getResponse().getRedirectedUrl()).startsWith("/orders/");
        OrderConfirmed confirmed = confirmations.stream()
                .filter(event -> event.customer().organization().equals("Eula AG"))
                .findFirst()
                .orElseThrow();
        assertThat(confirmed.eula().orElseThrow().acceptedBy())
                .isEqualTo("Erika Muster <erika@eula.example>, recorded by reseller-a");
        assertThat(confirmed.eula().orElseThrow().acceptedAt()).isEqualTo(NOW);
        assertThat(confirmed.customer().country()).contains("CH");
    }

    private License license(String product) {
        return sandbox.licenses().stream()
                .filter(license -> license.productCode().value().equals(product)
                        && !license.trial()
                        && license.state() == LicenseState.NORMAL
                        && license.discount().isEmpty()
                        && license.expires().isAfter(TODAY.plusMonths(2)))
                .findFirst()
                .orElseThrow();
    }

    private String page(String path) throws Exception {
        return ok(mvc.perform(get(path).with(user(RESELLER.value()))).andReturn())
                .getResponse()
                .getContentAsString();
    }

    private String postForm(String path, String form) throws Exception {
        return ok(mvc.perform(request(path, form)).andReturn()).getResponse().getContentAsString();
    }

    /** The answer, after checking it is 200. */
    private static MvcResult ok(MvcResult answer) throws Exception {
        assertThat(answer.getResponse().getStatus())
                .as(answer.getResponse().getContentAsString())
                .isEqualTo(200);
        return answer;
    }

    private JsonNode check(String path, String form) throws Exception {
        MvcResult answer = ok(mvc.perform(request(path, form)).andReturn());
        return JSON.readTree(answer.getResponse().getContentAsString());
    }

    private static MockHttpServletRequestBuilder request(String path, String form) {
        return post(path)
                .with(user(RESELLER.value()))
                .with(csrf())
                .contentType("application/x-www-form-urlencoded")
                .content(form);
    }

    private static List<String> fields(JsonNode answer) {
        List<String> fields = new ArrayList<>();
        answer.get("violations")
                .forEach(violation -> fields.add(violation.get("field").asString()));
        return fields;
    }

    private static List<String> messages(JsonNode answer, String field) {
        List<String> messages = new ArrayList<>();
        answer.get("violations").forEach(violation -> {
            if (violation.get("field").asString().equals(field)) {
                messages.add(violation.get("message").asString());
            }
        });
        return messages;
    }
}
