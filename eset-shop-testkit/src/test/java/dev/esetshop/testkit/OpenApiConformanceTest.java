package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.EsetPartnerClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every answer the sandbox gives, success and each error class of every call, validates against the schemas of
 * the OpenAPI document the client publishes (and the sandbox serves at {@code /openapi.json}).
 */
class OpenApiConformanceTest {

    private static final List<String> CALLS = List.of(
            "/api/Token/Get",
            "/api/Token/Renew",
            "/api/Partner/Status",
            "/api/Search/Licenses",
            "/api/License/Detail",
            "/api/License/Order",
            "/api/License/Renew",
            "/api/License/ChangeProduct",
            "/api/License/Trial",
            "/api/License/ConvertTrial");

    private record Exchange(String path, WireClient.Reply reply) {}

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-24T10:00:00Z"));
    private final List<Exchange> exchanges = new ArrayList<>();
    private EsetSandbox sandbox;
    private WireClient client;
    private JsonNode document;

    @BeforeEach
    void start() throws Exception {
        sandbox = EsetSandbox.builder().seed(31).licenses(150).clock(clock).start();
        client = new WireClient(sandbox);
        HttpResponse<String> served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(sandbox.baseUri().resolve("/openapi.json"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(EsetPartnerClient.openApiDocument());
        document = WireClient.JSON.readTree(served.body());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theDocumentDescribesEveryCallTheSandboxServes() {
        List<String> paths = new ArrayList<>();
        document.path("paths").propertyNames().forEach(paths::add);

        assertThat(paths).containsExactlyInAnyOrderElementsOf(CALLS);
    }

    @Test
    void everyAnswerOfEveryCallValidates() {
        exerciseEveryCall();

        OpenApiSchemaValidator validator = new OpenApiSchemaValidator(document);
        Set<String> covered = new TreeSet<>();
        for (Exchange exchange : exchanges) {
            WireClient.Reply reply = exchange.reply();
            String what = exchange.path() + " " + reply.status() + " " + reply.body();
            assertThat(validator.validateResponse(exchange.path(), reply.status(), reply.body()))
                    .as(what)
                    .isEmpty();
            assertThat(reply.header("X-Request-Id")).as(what).isPresent();
            if (reply.status() == 429 || reply.code() == 99) {
                assertThat(reply.header("Retry-After")).as(what).get().matches(value -> value.matches("[0-9]+"));
            }
            covered.add(exchange.path() + " " + reply.status());
        }
        for (String call : CALLS) {
            assertThat(covered).as(call).contains(call + " 200");
        }
        assertThat(covered)
                .contains(
                        "/api/Token/Get 401",
                        "/api/Token/Renew 401",
                        "/api/Partner/Status 403",
                        "/api/License/Detail 404",
                        "/api/License/Order 409",
                        "/api/License/Order 400",
                        "/api/License/Renew 400",
                        "/api/License/ChangeProduct 400",
                        "/api/License/Trial 400",
                        "/api/License/ConvertTrial 400",
                        "/api/Search/Licenses 400",
                        "/api/Partner/Status 429",
                        "/api/Partner/Status 503");
    }

    private void exerciseEveryCall() {
        call("/api/Token/Get", WireClient.object().put("username", "nobody").put("password", "x"));
        exchanges.add(new Exchange("/api/Token/Get", client.login()));
        call("/api/Token/Renew", WireClient.object().put("refreshToken", "rt-unknown"));
        call("/api/Token/Renew", WireClient.object().put("refreshToken", client.refreshToken()));
        client.login();

        call("/api/Partner/Status", WireClient.object());
        call("/api/Search/Licenses", WireClient.object().put("skip", 0).put("take", 100));
        call(
                "/api/Search/Licenses",
                WireClient.object().put("skip", 100).put("take", 100).put("modifiedSince", "2025-01-01T00:00:00Z"));
        call("/api/Search/Licenses", WireClient.object().put("skip", 0).put("take", 500));
        String id = sandbox.licenses().get(0).id().value();
        call("/api/License/Detail", WireClient.object().put("publicLicenseId", id));
        call("/api/License/Detail", WireClient.object().put("publicLicenseId", "ZZZ-ZZZ-ZZZ"));

        ObjectNode order = WireClient.newOrder("EESB", 10, 1).put("discount", "GOV");
        order.set("customer", WireClient.customer().put("vatId", "DE123456789"));
        order("/api/License/Order", order, "oa-1");
        order("/api/License/Order", order, "oa-1");
        order("/api/License/Order", WireClient.newOrder("EESB", 11, 1), "oa-1");
        order("/api/License/Order", WireClient.newOrder("XXX", 10, 1), "oa-2");
        exchanges.add(new Exchange(
                "/api/License/Order",
                client.send("/api/License/Order", WireClient.newOrder("EESB", 10, 1), Optional.empty())));

        String newId = exchanges
                .get(exchanges.size() - 5)
                .reply()
                .body()
                .path("license")
                .path("publicLicenseId")
                .asString();
        ObjectNode renewal = WireClient.object()
                .put("publicLicenseId", newId)
                .put("seats", 20)
                .put("years", 2);
        renewal.set("skus", WireClient.JSON.createArrayNode().add("EESB-R2B11"));
        order("/api/License/Renew", renewal, "oa-3");
        order("/api/License/Renew", renewal.deepCopy().put("seats", -1), "oa-4");
        order("/api/License/Renew", renewal.deepCopy().put("publicLicenseId", "ZZZ-ZZZ-ZZZ"), "oa-5");

        ObjectNode change = WireClient.object()
                .put("publicLicenseId", newId)
                .put("productCode", "ESB")
                .put("sku", "ESB-C1B11")
                .put("seats", 20)
                .put("years", 1);
        order("/api/License/ChangeProduct", change, "oa-6");
        order("/api/License/ChangeProduct", change.deepCopy().put("productCode", "EAVB"), "oa-7");

        ObjectNode trial =
                WireClient.object().put("productCode", "EAVB").put("seats", 5).put("months", 1);
        trial.set("customer", WireClient.customer());
        order("/api/License/Trial", trial, "oa-8");
        order("/api/License/Trial", trial.deepCopy().put("months", 2), "oa-9");

        String trialId = exchanges
                .get(exchanges.size() - 2)
                .reply()
                .body()
                .path("license")
                .path("publicLicenseId")
                .asString();
        ObjectNode conversion = WireClient.object()
                .put("publicLicenseId", trialId)
                .put("sku", "EAVB-N1B11")
                .put("seats", 10)
                .put("years", 1);
        conversion.set(
                "eula",
                WireClient.object()
                        .put("version", "2026-1")
                        .put("acceptedBy", "Erika Muster")
                        .put("acceptedAt", "2026-11-24T09:00:00Z"));
        order("/api/License/ConvertTrial", conversion, "oa-10");
        order("/api/License/ConvertTrial", conversion, "oa-11");

        sandbox.setAccessGranted(false);
        call("/api/Partner/Status", WireClient.object());
        sandbox.setAccessGranted(true);
        sandbox.setMaintenance(true);
        call("/api/Partner/Status", WireClient.object());
        sandbox.setMaintenance(false);
        sandbox.setFaults(SandboxFaults.builder().failureRate(1).build());
        for (int i = 0; i < 6; i++) {
            call("/api/Partner/Status", WireClient.object());
        }
        sandbox.setFaults(
                SandboxFaults.builder().rateLimit(RateLimitFault.perSecond(1)).build());
        clock.advance(Duration.ofSeconds(1));
        call("/api/Partner/Status", WireClient.object());
        call("/api/Partner/Status", WireClient.object());
        sandbox.setFaults(SandboxFaults.none());
        clock.advance(Duration.ofMinutes(2));
        call("/api/Partner/Status", WireClient.object());
    }

    private void call(String path, JsonNode body) {
        exchanges.add(new Exchange(path, client.post(path, body)));
    }

    private void order(String path, JsonNode body, String key) {
        exchanges.add(new Exchange(path, client.order(path, body, key)));
    }
}
