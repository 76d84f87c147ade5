package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** License/Order, Renew, ChangeProduct and Trial: effects, rule refusals and idempotency. */
class OrderCallsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private final TestClock clock = TestClock.at(NOW);
    private EsetSandbox sandbox;
    private WireClient client;

    @BeforeEach
    void start() {
        sandbox = EsetSandbox.builder().seed(5).licenses(60).clock(clock).start();
        client = new WireClient(sandbox);
        client.login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void orderCreatesALicenseForTheCustomer() {
        ObjectNode order =
                WireClient.newOrder("EESB", 25, 2).put("discount", "EDU").put("customerReference", "PO-1");

        WireClient.Reply reply = client.order("/api/License/Order", order, "key-new-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("orderNumber").asString()).startsWith("ORD-");
        JsonNode license = reply.body().path("license");
        assertThat(license.path("productCode").asString()).isEqualTo("EESB");
        assertThat(license.path("productName").asString()).isEqualTo("ESET Endpoint Security");
        assertThat(license.path("seats").asInt()).isEqualTo(25);
        assertThat(license.path("usedSeats").asInt()).isZero();
        assertThat(license.path("state").asString()).isEqualTo("NORMAL");
        assertThat(license.path("trial").asBoolean()).isFalse();
        assertThat(license.path("discount").asString()).isEqualTo("EDU");
        assertThat(license.path("issued").asString()).isEqualTo(TODAY.toString());
        assertThat(license.path("expires").asString())
                .isEqualTo(TODAY.plusYears(2).toString());
        assertThat(license.path("modified").asString()).isEqualTo(NOW.toString());
        assertThat(license.path("customer").path("lastName").asString()).isEqualTo("Müller");
        assertThat(sandbox.licenseCount()).isEqualTo(61);
        assertThat(sandbox.ordersApplied()).isEqualTo(1);
        assertThat(sandbox.licensesByIdempotencyKey())
                .containsEntry(
                        "key-new-1",
                        LicenseId.of(license.path("publicLicenseId").asString()));
    }

    @Test
    void theSameKeyAndBodyGiveTheFirstAnswerAgainWithoutASecondLicense() {
        ObjectNode order = WireClient.newOrder("EAVB", 10, 1);

        WireClient.Reply first = client.order("/api/License/Order", order, "key-replay");
        WireClient.Reply second = client.order("/api/License/Order", order, "key-replay");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
        assertThat(sandbox.licenseCount()).isEqualTo(61);
        assertThat(sandbox.ordersApplied()).isEqualTo(1);
    }

    @Test
    void concurrentSendsOfOneKeyCreateOneLicense() throws Exception {
        ObjectNode order = WireClient.newOrder("ESB", 50, 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<WireClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(pool.submit(() -> client.order("/api/License/Order", order, "key-race")));
            }
            Set<JsonNode> bodies = new HashSet<>();
            for (Future<WireClient.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                bodies.add(reply.get().body());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(sandbox.ordersApplied()).isEqualTo(1);
        assertThat(sandbox.licenseCount()).isEqualTo(61);
    }

    @Test
    void theSameKeyWithAnotherBodyIs409() {
        client.order("/api/License/Order", WireClient.newOrder("EAVB", 10, 1), "key-conflict");

        WireClient.Reply reply = client.order("/api/License/Order", WireClient.newOrder("EAVB", 11, 1), "key-conflict");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo(7);
        assertThat(sandbox.licenseCount()).isEqualTo(61);
    }

    @Test
    void anOrderWithoutOrWithAnOverlongKeyIs400() {
        WireClient.Reply missing =
                client.send("/api/License/Order", WireClient.newOrder("EAVB", 10, 1), Optional.empty());
        WireClient.Reply overlong =
                client.order("/api/License/Order", WireClient.newOrder("EAVB", 10, 1), "k".repeat(65));
        WireClient.Reply longest =
                client.order("/api/License/Order", WireClient.newOrder("EAVB", 10, 1), "k".repeat(64));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo(4);
        assertThat(missing.subCode()).isEqualTo(1);
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.subCode()).isEqualTo(2);
        assertThat(longest.status()).isEqualTo(200);
        assertThat(sandbox.ordersApplied()).isEqualTo(1);
    }

    @Test
    void ruleRefusalsCarryTheSubCodesOfTheSpec() {
        assertRefused(client.order("/api/License/Order", WireClient.newOrder("EAVB", 0, 1), "r1"), 18);
        assertRefused(client.order("/api/License/Order", WireClient.newOrder("XYZ", 10, 1), "r2"), 27);
        assertRefused(client.order("/api/License/Order", WireClient.newOrder("EMDS", 11, 1), "r3"), 30);
        assertRefused(client.order("/api/License/Order", WireClient.newOrder("EAVB", 4, 1), "r4"), 30);
        assertRefused(client.order("/api/License/Order", WireClient.newOrder("EAVB", 10, 4), "r5"), 30);
        assertThat(sandbox.ordersApplied()).isZero();
        assertThat(sandbox.licenseCount()).isEqualTo(60);
    }

    @Test
    void theEulaAcceptanceIsKeptWithTheOrderAndAMalformedOneIs400() {
        ObjectNode order = WireClient.newOrder("EESB", 5, 1);
        order.putObject("eula")
                .put("version", "2025-01")
                .put("acceptedBy", "anna@muster.example")
                .put("acceptedAt", "2026-03-10T08:00:00Z");
        WireClient.Reply reply = client.order("/api/License/Order", order, "with-eula");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(sandbox.eulaAccepted(LicenseId.of(
                        reply.body().path("license").path("publicLicenseId").asString())))
                .contains(EulaAcceptance.of(
                        "2025-01", "anna@muster.example", java.time.Instant.parse("2026-03-10T08:00:00Z")));

        ObjectNode broken = WireClient.newOrder("EESB", 5, 1);
        broken.putObject("eula").put("version", "2025-01").put("acceptedBy", "anna@muster.example");
        WireClient.Reply refused = client.order("/api/License/Order", broken, "broken-eula");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("message").asString()).contains("acceptedAt");
        assertThat(sandbox.licenseCount()).isEqualTo(61);
    }

    @Test
    void anOrderWithoutCustomerIs400Code4() {
        ObjectNode order = WireClient.newOrder("EAVB", 10, 1);
        order.remove("customer");

        WireClient.Reply reply = client.order("/api/License/Order", order, "no-customer");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4);
        assertThat(reply.body().path("message").asString()).contains("customer");
    }

    @Test
    void renewalExtendsFromTheOldExpiryAndSetsSeats() {
        License license = valid(TODAY.plusDays(40));

        WireClient.Reply reply =
                client.order("/api/License/Renew", renewal(license.id().value(), 5, 2), "renew");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode renewed = reply.body().path("license");
        assertThat(renewed.path("publicLicenseId").asString())
                .isEqualTo(license.id().value());
        assertThat(renewed.path("expires").asString())
                .isEqualTo(license.expires().plusYears(2).toString());
        assertThat(renewed.path("seats").asInt()).isEqualTo(5);
        assertThat(renewed.path("usedSeats").asInt()).isLessThanOrEqualTo(5);
        assertThat(renewed.path("licenseKey").asString())
                .isEqualTo(license.licenseKey().reveal());
        assertThat(sandbox.licenseCount()).isEqualTo(60);
    }

    @Test
    void renewalOfALicenseExpiredLongAgoIsRefusedWith37AndOfAnUnknownOneIs404() {
        License expired = sandbox.licenses().stream()
                .filter(license -> license.expires().isBefore(TODAY.minusDays(60)))
                .findFirst()
                .orElseThrow();

        assertRefused(client.order("/api/License/Renew", renewal(expired.id().value(), 10, 1), "old"), 37);
        assertThat(client.order("/api/License/Renew", renewal("ZZZ-ZZZ-ZZZ", 10, 1), "none")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void renewalWithZeroYearsIsAnExtensionThatAddsSeatsUpToTheSameExpiry() {
        License license = valid(TODAY.plusDays(30), "EESB");
        int seats = license.seats().count() + 3;

        WireClient.Reply reply =
                client.order("/api/License/Renew", renewal(license.id().value(), seats, 0), "ext");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode extended = reply.body().path("license");
        assertThat(extended.path("seats").asInt()).isEqualTo(seats);
        assertThat(extended.path("expires").asString())
                .isEqualTo(license.expires().toString());
        assertThat(sandbox.licenseCount()).isEqualTo(60);
    }

    @Test
    void anExtensionThatAddsNoSeatsIs18AndOneOfAnExpiredLicenseIs37() {
        License license = valid(TODAY.plusDays(30), "EESB");
        License expired = sandbox.licenses().stream()
                .filter(candidate -> candidate.expires().isBefore(TODAY)
                        && !candidate.trial()
                        && candidate.expires().isAfter(TODAY.minusDays(60)))
                .findFirst()
                .orElseThrow();

        assertRefused(
                client.order(
                        "/api/License/Renew",
                        renewal(license.id().value(), license.seats().count(), 0),
                        "same"),
                18);
        assertRefused(
                client.order(
                        "/api/License/Renew",
                        renewal(expired.id().value(), expired.seats().count() + 1, 0),
                        "late"),
                37);
        assertThat(sandbox.ordersApplied()).isZero();
    }

    @Test
    void productChangeMovesTheLicenseToTheNewProduct() {
        License eavb = sandbox.licenses().stream()
                .filter(license -> license.productCode().value().equals("EAVB")
                        && license.expires().isAfter(TODAY.plusYears(1)))
                .findFirst()
                .orElseThrow();

        WireClient.Reply reply =
                client.order("/api/License/ChangeProduct", change(eavb.id().value(), "ESB", 30, 1), "change");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode changed = reply.body().path("license");
        assertThat(changed.path("productCode").asString()).isEqualTo("ESB");
        assertThat(changed.path("productName").asString()).isEqualTo("ESET Secure Business");
        assertThat(changed.path("seats").asInt()).isEqualTo(30);
        assertThat(LocalDate.parse(changed.path("expires").asString())).isAfterOrEqualTo(eavb.expires());
    }

    @Test
    void productChangeRefusals() {
        License esb = valid(TODAY, "ESB");
        License eavb = valid(TODAY, "EAVB");

        assertRefused(client.order("/api/License/ChangeProduct", change(esb.id().value(), "EAVB", 10, 1), "c1"), 45);
        assertRefused(
                client.order("/api/License/ChangeProduct", change(eavb.id().value(), "NOPE", 10, 1), "c2"), 27);
        assertRefused(
                client.order("/api/License/ChangeProduct", change(eavb.id().value(), "ESB", 0, 1), "c3"), 18);
        License expired = sandbox.licenses().stream()
                .filter(license -> license.expires().isBefore(TODAY))
                .findFirst()
                .orElseThrow();
        assertRefused(
                client.order("/api/License/ChangeProduct", change(expired.id().value(), "ESB", 10, 1), "c4"), 37);
    }

    @Test
    void trialCreatesATrialLicenseForItsMonths() {
        ObjectNode trial =
                WireClient.object().put("productCode", "EESB").put("seats", 5).put("months", 3);
        trial.set("customer", WireClient.customer());

        WireClient.Reply reply = client.order("/api/License/Trial", trial, "trial-1");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode license = reply.body().path("license");
        assertThat(license.path("trial").asBoolean()).isTrue();
        assertThat(license.path("expires").asString())
                .isEqualTo(TODAY.plusMonths(3).toString());
        assertThat(sandbox.licensesByIdempotencyKey()).containsKey("trial-1");
    }

    @Test
    void trialRefusals() {
        ObjectNode noTrial =
                WireClient.object().put("productCode", "ESBP").put("seats", 5).put("months", 1);
        noTrial.set("customer", WireClient.customer());
        ObjectNode wrongMonths = noTrial.deepCopy().put("productCode", "EMDS").put("months", 3);
        ObjectNode tooMany = noTrial.deepCopy().put("productCode", "EMDS").put("seats", 50);

        assertRefused(client.order("/api/License/Trial", noTrial, "t1"), 32);
        assertRefused(client.order("/api/License/Trial", wrongMonths, "t2"), 32);
        assertRefused(client.order("/api/License/Trial", tooMany, "t3"), 30);
    }

    @Test
    void convertTrialMakesTheTrialPaidUnderTheSameIdForTheYearsFromToday() {
        ObjectNode trial =
                WireClient.object().put("productCode", "EESB").put("seats", 5).put("months", 3);
        trial.set("customer", WireClient.customer());
        JsonNode created =
                client.order("/api/License/Trial", trial, "trial-2").body().path("license");
        clock.advance(Duration.ofDays(20));
        client.login();

        WireClient.Reply reply = client.order(
                "/api/License/ConvertTrial",
                conversion(created.path("publicLicenseId").asString(), 25),
                "convert-1");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode paid = reply.body().path("license");
        assertThat(paid.path("publicLicenseId").asString())
                .isEqualTo(created.path("publicLicenseId").asString());
        assertThat(paid.path("trial").asBoolean()).isFalse();
        assertThat(paid.path("seats").asInt()).isEqualTo(25);
        // the trial's remaining days are not added: the paid term runs from the day of the order
        assertThat(paid.path("expires").asString())
                .isEqualTo(TODAY.plusDays(20).plusYears(2).toString());
        assertThat(paid.path("modified").asString())
                .isNotEqualTo(created.path("modified").asString());
        assertThat(paid.path("customer")).isEqualTo(created.path("customer"));
        assertThat(client.order(
                                "/api/License/ConvertTrial",
                                conversion(created.path("publicLicenseId").asString(), 25),
                                "convert-1")
                        .body())
                .as("a replay under the key")
                .isEqualTo(reply.body());
        assertThat(sandbox.ordersApplied()).isEqualTo(2);
        assertThat(sandbox.eulaAccepted(
                        LicenseId.of(paid.path("publicLicenseId").asString())))
                .isPresent();
    }

    @Test
    void convertTrialRefusals() {
        License paid = valid(TODAY, "EAVB");
        ObjectNode trialOrder =
                WireClient.object().put("productCode", "EESB").put("seats", 5).put("months", 1);
        trialOrder.set("customer", WireClient.customer());
        String trial = client.order("/api/License/Trial", trialOrder, "trial-3")
                .body()
                .path("license")
                .path("publicLicenseId")
                .asString();
        ObjectNode withoutEula = conversion(trial, 10);
        withoutEula.remove("eula");

        assertRefused(
                client.order("/api/License/ConvertTrial", conversion(paid.id().value(), 10), "ct1"), 48);
        assertRefused(client.order("/api/License/ConvertTrial", conversion(trial, 5000), "ct2"), 30);
        assertThat(client.order("/api/License/ConvertTrial", withoutEula, "ct3").status())
                .isEqualTo(400);
        // ESET converts a trial up to 60 days after it expired, not one day later
        clock.advance(Duration.ofDays(31 + 61));
        client.login();
        assertRefused(client.order("/api/License/ConvertTrial", conversion(trial, 10), "ct4"), 37);
        assertThat(sandbox.ordersApplied()).as("the trial only").isEqualTo(1);
    }

    private static ObjectNode conversion(String publicLicenseId, int seats) {
        ObjectNode conversion = WireClient.object()
                .put("publicLicenseId", publicLicenseId)
                .put("sku", "EESB-N2B11")
                .put("seats", seats)
                .put("years", 2);
        conversion.set(
                "eula",
                WireClient.object()
                        .put("version", "2026-1")
                        .put("acceptedBy", "Erika Muster")
                        .put("acceptedAt", "2026-11-24T09:00:00Z"));
        return conversion;
    }

    private static void assertRefused(WireClient.Reply reply, int subCode) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(8);
        assertThat(reply.subCode()).isEqualTo(subCode);
        assertThat(reply.body().path("message").asString()).isNotBlank();
    }

    private License valid(LocalDate notBefore) {
        return sandbox.licenses().stream()
                .filter(license -> !license.expires().isBefore(notBefore))
                .findFirst()
                .orElseThrow();
    }

    private License valid(LocalDate notBefore, String product) {
        return sandbox.licenses().stream()
                .filter(license -> !license.expires().isBefore(notBefore)
                        && license.productCode().value().equals(product))
                .findFirst()
                .orElseThrow();
    }

    private static ObjectNode renewal(String id, int seats, int years) {
        ObjectNode renewal = WireClient.object()
                .put("publicLicenseId", id)
                .put("seats", seats)
                .put("years", years);
        renewal.set("skus", WireClient.JSON.valueToTree(List.of("SKU-R" + years)));
        return renewal;
    }

    private static ObjectNode change(String id, String product, int seats, int years) {
        return WireClient.object()
                .put("publicLicenseId", id)
                .put("productCode", product)
                .put("sku", product + "-C" + years)
                .put("seats", seats)
                .put("years", years);
    }
}
