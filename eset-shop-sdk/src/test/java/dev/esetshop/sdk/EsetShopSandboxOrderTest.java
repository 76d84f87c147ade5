package dev.esetshop.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.License;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.SandboxProduct;
import dev.esetshop.testkit.TestClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders through the real client against the sandbox: every order kind ends as ESET answers it. */
class EsetShopSandboxOrderTest {

    private final TestClock clock = TestClock.at(Fixtures.NOW);
    private EsetSandbox sandbox;
    private EsetShop shop;

    @BeforeEach
    void start() {
        // the sandbox sells the test catalog's products, so the shop's quotes and ESET's rules meet
        sandbox = EsetSandbox.builder()
                .seed(3)
                .licenses(80)
                .clock(clock)
                .products(List.of(
                        product("AV", 5, 100, List.of(1, 3), List.of("SEC", "SUITE")),
                        product("SEC", 5, 100, List.of(1), List.of("SUITE")),
                        product("SUITE", 5, 50, List.of(), List.of()),
                        product("SMALL", 1, 10, List.of(), List.of("SUITE")),
                        product("ONE", 5, 100, List.of(3), List.of())))
                .start();
        shop = EsetShop.builder()
                .catalog(Catalog.fromClasspath("sdk-test-catalog.json"))
                .partnerApi(EsetPartnerClient.builder()
                        .baseUri(sandbox.baseUri())
                        .credentials(sandbox.username(), sandbox.password())
                        .retry(RetrySettings.builder().maxAttempts(1).build())
                        .build())
                .clock(clock)
                .build();
        shop.sync();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSeatsOnlyExtensionIsOfferedQuotedAndOrdered() {
        License license = running();
        AvailableActions actions = shop.availableActions(license);
        assertThat(actions.extend().applies())
                .as(actions.extend().violations().toString())
                .isTrue();
        QuoteRequest extension = RenewalRequest.builder()
                .from((RenewalRequest) actions.extend().example().orElseThrow())
                .seats(license.seats().count() + 2)
                .build();
        QuoteResult quoted = shop.quote(extension);
        assertThat(quoted.isAccepted()).as(quoted.toString()).isTrue();

        OrderResult result = shop.order(((QuoteResult.Accepted) quoted).quote(), license);

        assertThat(result).as(result.toString()).isInstanceOf(OrderResult.Ordered.class);
        License extended = ((OrderResult.Ordered) result).license();
        assertThat(extended.id()).isEqualTo(license.id());
        assertThat(extended.seats().count()).isEqualTo(license.seats().count() + 2);
        assertThat(extended.expires()).isEqualTo(license.expires());
        assertThat(shop.license(license.id()).orElseThrow().seats().count())
                .isEqualTo(license.seats().count() + 2);
    }

    @Test
    void esetsRefusalOfAnExtensionSaysTheRealReasonInTheUsersLanguageAndKeepsEsetsWords() {
        // the book still thinks the license runs: ESET knows better and refuses with 8/37
        License expiredAtEset = sandbox.licenses().stream()
                .filter(candidate -> candidate.productCode().value().equals("SUITE")
                        && !candidate.trial()
                        && candidate.expires().isBefore(today())
                        && candidate.seats().count() < 50)
                .findFirst()
                .orElseThrow();
        License stale = License.builder()
                .from(expiredAtEset)
                .expires(today().plusDays(90))
                .build();
        QuoteResult quoted = shop.quote(RenewalRequest.builder()
                .license(dev.esetshop.pricing.CurrentLicense.of(stale))
                .seats(stale.seats().count() + 1)
                .years(0)
                .build());

        OrderResult result = shop.order(((QuoteResult.Accepted) quoted).quote(), stale);

        OrderResult.Refused refused = (OrderResult.Refused) result;
        assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.ESET);
        assertThat(refused.errorCode()).contains(EsetRuleRefusedException.CODE);
        Violation violation = refused.violations().get(0);
        assertThat(violation.code()).isEqualTo(ViolationCode.LICENSE_EXPIRED);
        assertThat(violation.arguments().get(0)).isEqualTo("8/37");
        assertThat(violation.arguments().get(1)).contains(expiredAtEset.id().value(), "expired");
        assertThat(violation.message(Locale.GERMAN)).contains("die Lizenz ist abgelaufen", "ESET 8/37");
        assertThat(violation.message(Locale.FRENCH)).contains("la licence a expiré");
        assertThat(refused.detail().orElseThrow()).contains("expired on " + expiredAtEset.expires());
    }

    @Test
    void theEulaAcceptanceGoesToEsetWithNewAndTrialOrders() {
        for (QuoteRequest request : List.<QuoteRequest>of(
                dev.esetshop.pricing.NewLicenseRequest.builder()
                        .product("AV")
                        .seats(7)
                        .years(1)
                        .build(),
                dev.esetshop.pricing.TrialRequest.builder()
                        .product("AV")
                        .seats(5)
                        .months(3)
                        .build())) {
            QuoteResult quoted = shop.quote(request);
            assertThat(quoted.isAccepted()).as(quoted.toString()).isTrue();

            OrderResult result =
                    shop.order(((QuoteResult.Accepted) quoted).quote(), Fixtures.eula(), Fixtures.customer());

            License ordered = ((OrderResult.Ordered) result).license();
            assertThat(sandbox.eulaAccepted(ordered.id()))
                    .as(request.operation().name())
                    .contains(Fixtures.eula());
        }
    }

    private License running() {
        return shop.renewableLicenses(LicenseFilter.builder().build()).stream()
                .filter(license -> license.productCode().value().equals("AV")
                        && !license.trial()
                        && license.expires().isAfter(today().plusDays(30))
                        && license.seats().count() < 90)
                .findFirst()
                .orElseThrow();
    }

    private LocalDate today() {
        return shop.today();
    }

    private static SandboxProduct product(String code, int min, int max, List<Integer> trials, List<String> to) {
        return SandboxProduct.builder()
                .code(code)
                .name("Test " + code)
                .minSeats(min)
                .maxSeats(max)
                .trialMonths(trials)
                .changeTo(to)
                .build();
    }
}
