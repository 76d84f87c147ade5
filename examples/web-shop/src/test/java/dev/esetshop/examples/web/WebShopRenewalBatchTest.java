package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.RenewalBatch;
import dev.esetshop.testkit.EsetSandbox;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renewing ticked licenses from the license list: the confirmation page with each quote and the total first,
 * nothing ordered before the reseller orders; the order posted twice orders each license once.
 */
class WebShopRenewalBatchTest {

    private static final Pattern BATCH_KEY = Pattern.compile("name=\"batchKey\" value=\"([^\"]+)\"");

    private static RunningShop shop;
    private static EsetShop resellerA;
    private static EsetSandbox sandboxA;

    @BeforeAll
    static void start() {
        shop = new RunningShop();
        resellerA = shop.context.getBean(EsetShops.class).shop(DemoResellers.RESELLER_A);
        resellerA.sync();
        sandboxA = DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_A);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void theTickedLicensesAreQuotedWithTheTotalFirstAndADoublePostOrdersEachOnce() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        List<License> picked =
                resellerA.renewableLicenses(LicenseFilter.builder().limit(2).build());
        assertThat(picked).hasSize(2);
        String list = shop.get(client, "/licenses").body();
        picked.forEach(license -> assertThat(list)
                .contains("name=\"ids\" class=\"renew-pick\" value=\""
                        + license.id().value() + "\""));
        int before = sandboxA.ordersApplied();

        HttpResponse<String> confirm = shop.postForm(
                client,
                "/licenses/renew",
                "_csrf=" + RunningShop.csrf(list) + "&years=1&ids="
                        + picked.get(0).id().value() + "&ids="
                        + picked.get(1).id().value());

        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        RenewalBatch quoted = resellerA.quoteRenewals(picked, 1);
        // amounts as the page's English presentation shows them (€1,234.50)
        dev.esetshop.sdk.present.ShopPresentation present =
                dev.esetshop.sdk.present.ShopPresentation.of(java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC);
        String total = present.money(quoted.total());
        assertThat(confirm.body())
                .contains(
                        "id=\"total\">" + total + "<",
                        "Order 2 renewals for " + total,
                        picked.get(0).id().value(),
                        picked.get(1).id().value(),
                        present.money(quoted.renewals()
                                .get(0)
                                .accepted()
                                .orElseThrow()
                                .yourPrice()));
        assertThat(confirm.body()).doesNotContain("id=\"summary\"");
        assertThat(sandboxA.ordersApplied())
                .as("nothing is ordered before the reseller orders")
                .isEqualTo(before);

        Matcher key = BATCH_KEY.matcher(confirm.body());
        assertThat(key.find()).isTrue();
        String order = "_csrf=" + RunningShop.csrf(confirm.body()) + "&years=1&batchKey=" + key.group(1) + "&ids="
                + picked.get(0).id().value() + "&ids=" + picked.get(1).id().value();
        HttpResponse<String> ordered = shop.postForm(client, "/licenses/renew/order", order);
        HttpResponse<String> again = shop.postForm(client, "/licenses/renew/order", order);

        for (HttpResponse<String> answer : List.of(ordered, again)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body())
                    .contains("id=\"summary\">licenses 2, ordered 2, refused 0, pending 0, total ")
                    .doesNotContain("id=\"order-batch\"");
        }
        assertThat(sandboxA.ordersApplied()).isEqualTo(before + 2);
        IdempotencyKey batchKey = IdempotencyKey.of(key.group(1));
        assertThat(sandboxA.ordersByIdempotencyKey())
                .containsAllEntriesOf(picked.stream()
                        .collect(Collectors.toMap(
                                license -> RenewalBatch.orderKey(batchKey, license.id())
                                        .value(),
                                License::id)));
        picked.forEach(license -> assertThat(
                        resellerA.license(license.id()).orElseThrow().expires())
                .isEqualTo(license.expires().plusYears(1)));
    }

    @Test
    void theConfirmationSpeaksGermanAndFrenchAndATickIsNeeded() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        License license = resellerA
                .renewableLicenses(LicenseFilter.builder().limit(1).build())
                .get(0);
        String list = shop.get(client, "/licenses?lang=de").body();
        assertThat(list).contains("Die markierten Lizenzen verlängern um", "2 Jahre");
        HttpResponse<String> german = shop.postForm(
                client,
                "/licenses/renew",
                "_csrf=" + RunningShop.csrf(list) + "&years=2&ids="
                        + license.id().value());
        assertThat(german.body()).contains("Lizenzen verlängern", "um 2 Jahre verlängert", "1 Verlängerung für ");

        String french = shop.postForm(
                        client,
                        "/licenses/renew?lang=fr",
                        "_csrf=" + RunningShop.csrf(list) + "&years=1&ids="
                                + license.id().value())
                .body();
        assertThat(french)
                .contains("Renouveler des licences", "pour 1 an avec ses postes", "Commander 1 renouvellement");

        HttpResponse<String> none =
                shop.postForm(client, "/licenses/renew", "_csrf=" + RunningShop.csrf(list) + "&years=1");
        assertThat(none.statusCode()).isEqualTo(302);
        assertThat(none.headers().firstValue("Location").orElse("")).endsWith("/licenses?none");
    }

    @Test
    void anotherResellersLicenseOrAForgedKeyOrdersNothing() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        String token = RunningShop.csrf(shop.get(client, "/licenses").body());
        String theirs = DemoResellersTestSupport.someLicense(shop, DemoResellers.RESELLER_B);
        String mine = resellerA
                .renewableLicenses(LicenseFilter.builder().limit(1).build())
                .get(0)
                .id()
                .value();
        int before = sandboxA.ordersApplied();

        assertThat(shop.postForm(client, "/licenses/renew", "_csrf=" + token + "&years=1&ids=" + theirs)
                        .statusCode())
                .isEqualTo(404);
        assertThat(shop.postForm(
                                client,
                                "/licenses/renew/order",
                                "_csrf=" + token + "&years=1&batchKey=k1&ids=" + mine + "&ids=" + theirs)
                        .statusCode())
                .isEqualTo(404);
        assertThat(shop.postForm(
                                client,
                                "/licenses/renew/order",
                                "_csrf=" + token + "&years=1&batchKey=not+a+key&ids=" + mine)
                        .statusCode())
                .isEqualTo(400);
        assertThat(sandboxA.ordersApplied()).isEqualTo(before);
    }
}
