package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Partner/Status, Search/Licenses and License/Detail. */
class DataCallsTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-24T10:00:00Z"));
    private EsetSandbox sandbox;
    private WireClient client;

    @BeforeEach
    void start() {
        sandbox = EsetSandbox.builder().seed(11).licenses(250).clock(clock).start();
        client = new WireClient(sandbox);
        client.login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void partnerStatusIsTheDemoPartner() {
        WireClient.Reply reply = client.post("/api/Partner/Status", WireClient.object());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("partnerId").asString()).isEqualTo("ESET-P-104233");
        assertThat(reply.body().path("companyName").asString()).isEqualTo("Sync IT Trial GmbH");
        assertThat(reply.body().path("email").asString()).isEqualTo("admin@syncit.example");
        assertThat(reply.body().path("level").asString()).isEqualTo("GOLD");
        assertThat(reply.body().path("margin").decimalValue()).isEqualByComparingTo("0.25");
    }

    @Test
    void pagesCoverEveryLicenseOnceInPublicIdOrder() {
        List<String> ids = new ArrayList<>();
        int skip = 0;
        while (true) {
            WireClient.Reply page = client.post(
                    "/api/Search/Licenses",
                    WireClient.object().put("skip", skip).put("take", 100));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("totalCount").asInt()).isEqualTo(250);
            JsonNode items = page.body().path("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(item -> ids.add(item.path("publicLicenseId").asString()));
            skip += items.size();
        }

        assertThat(ids).hasSize(250).doesNotHaveDuplicates().isSorted();
        assertThat(ids).allMatch(id -> id.matches("[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}"));
    }

    @Test
    void takeOver100AndBadPagingAre400() {
        for (WireClient.Reply reply : List.of(
                client.post(
                        "/api/Search/Licenses",
                        WireClient.object().put("skip", 0).put("take", 101)),
                client.post(
                        "/api/Search/Licenses",
                        WireClient.object().put("skip", 0).put("take", 0)),
                client.post(
                        "/api/Search/Licenses",
                        WireClient.object().put("skip", -1).put("take", 10)),
                client.post(
                        "/api/Search/Licenses",
                        WireClient.object().put("skip", 0).put("take", 10).put("modifiedSince", "yesterday")))) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo(4);
        }
    }

    @Test
    void modifiedSinceReturnsOnlyWhatChangedAtOrAfterIt() {
        Instant before = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        client.login();
        String renewed = sandbox.licenses().stream()
                .filter(license -> !license.expires()
                        .isBefore(clock.instant().atZone(clock.getZone()).toLocalDate()))
                .findFirst()
                .orElseThrow()
                .id()
                .value();
        WireClient.Reply renewal = client.order(
                "/api/License/Renew",
                WireClient.object()
                        .put("publicLicenseId", renewed)
                        .put("seats", 10)
                        .put("years", 1)
                        .set("skus", WireClient.JSON.createArrayNode().add("EAVB-R1B5")),
                "renew-1");
        assertThat(renewal.status()).isEqualTo(200);

        WireClient.Reply changed = client.post(
                "/api/Search/Licenses",
                WireClient.object()
                        .put("skip", 0)
                        .put("take", 100)
                        .put("modifiedSince", clock.instant().toString()));
        WireClient.Reply all = client.post(
                "/api/Search/Licenses",
                WireClient.object()
                        .put("skip", 0)
                        .put("take", 100)
                        .put("modifiedSince", before.minus(Duration.ofDays(400)).toString()));

        assertThat(changed.body().path("totalCount").asInt()).isEqualTo(1);
        assertThat(changed.body().path("items").get(0).path("publicLicenseId").asString())
                .isEqualTo(renewed);
        assertThat(changed.body().path("items").get(0).path("modified").asString())
                .isEqualTo(clock.instant().toString());
        assertThat(all.body().path("totalCount").asInt()).isEqualTo(250);
    }

    @Test
    void detailAnswersTheLicenseWithItsCustomer() {
        String id = sandbox.licenses().get(17).id().value();

        WireClient.Reply reply =
                client.post("/api/License/Detail", WireClient.object().put("publicLicenseId", id));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode license = reply.body();
        assertThat(license.path("publicLicenseId").asString()).isEqualTo(id);
        assertThat(license.path("licenseKey").asString()).matches("([A-Z2-9]{4}-){4}[A-Z2-9]{4}");
        assertThat(license.path("customer").path("email").asString()).contains("@");
        assertThat(license.path("customer").path("country").asString()).isIn("DE", "FR", "CH", "AT");
        for (String field : List.of(
                "productCode",
                "productName",
                "seats",
                "usedSeats",
                "state",
                "trial",
                "issued",
                "expires",
                "modified")) {
            assertThat(license.has(field)).as(field).isTrue();
        }
    }

    @Test
    void detailOfAnUnknownLicenseIs404() {
        WireClient.Reply reply =
                client.post("/api/License/Detail", WireClient.object().put("publicLicenseId", "ZZZ-ZZZ-ZZZ"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(6);
        assertThat(reply.body().path("message").asString()).contains("ZZZ-ZZZ-ZZZ");
    }

    @Test
    void everyAnswerHasItsOwnRequestId() {
        Set<String> ids = new HashSet<>();
        ids.add(client.post("/api/Partner/Status", WireClient.object())
                .header("X-Request-Id")
                .orElseThrow());
        ids.add(client.post("/api/License/Detail", WireClient.object())
                .header("X-Request-Id")
                .orElseThrow());
        ids.add(client.post("/api/No/Such", WireClient.object())
                .header("X-Request-Id")
                .orElseThrow());
        ids.add(client.post("/api/Token/Get", WireClient.object())
                .header("X-Request-Id")
                .orElseThrow());

        assertThat(ids).hasSize(4);
    }

    @Test
    void unknownCallIs404AndTheBodyMustBeJson() {
        assertThat(client.post("/api/No/Such", WireClient.object()).status()).isEqualTo(404);
        WireClient.Reply notAnObject = client.post("/api/License/Detail", WireClient.JSON.createArrayNode());
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.code()).isEqualTo(4);
    }

    @Test
    void withdrawnAccessIs403Code5OnEveryDataCallButNotOnLogin() {
        sandbox.setAccessGranted(false);

        for (String call : List.of("/api/Partner/Status", "/api/Search/Licenses", "/api/License/Detail")) {
            WireClient.Reply reply = client.post(call, WireClient.object());
            assertThat(reply.status()).as(call).isEqualTo(403);
            assertThat(reply.code()).as(call).isEqualTo(5);
        }
        WireClient.Reply order = client.order("/api/License/Order", WireClient.newOrder("EESB", 10, 1), "k-403");
        assertThat(order.status()).isEqualTo(403);
        assertThat(client.login().status()).isEqualTo(200);

        sandbox.setAccessGranted(true);
        assertThat(client.post("/api/Partner/Status", WireClient.object()).status())
                .isEqualTo(200);
    }
}
