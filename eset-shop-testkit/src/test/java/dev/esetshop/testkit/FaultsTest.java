package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each fault kind, and the fault sequence as a function of the seed. */
class FaultsTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-24T10:00:00Z"));

    private EsetSandbox sandbox(long seed, SandboxFaults faults) {
        return EsetSandbox.builder()
                .seed(seed)
                .licenses(20)
                .clock(clock)
                .faults(faults)
                .start();
    }

    @Test
    void aFailureRateOfOneAnswersOnlyTransientErrors() {
        try (EsetSandbox sandbox =
                sandbox(1, SandboxFaults.builder().failureRate(1).build())) {
            WireClient client = new WireClient(sandbox);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                WireClient.Reply reply = client.login();
                assertThat(reply.code()).isEqualTo(12);
                assertThat(reply.header("X-Request-Id")).isPresent();
                statuses.add(reply.status());
            }
            assertThat(statuses).containsOnly(500, 502, 503).contains(500, 502, 503);
        }
    }

    @Test
    void theSameSeedGivesTheSameFaultSequenceAndAnotherSeedAnother() {
        SandboxFaults faults = SandboxFaults.builder().failureRate(0.3).build();
        List<Integer> first = statuses(7, faults);
        List<Integer> second = statuses(7, faults);
        List<Integer> other = statuses(8, faults);

        assertThat(first).isEqualTo(second).isNotEqualTo(other);
        long failures = first.stream().filter(status -> status >= 500).count();
        assertThat(failures).isBetween(40L, 80L);
    }

    private List<Integer> statuses(long seed, SandboxFaults faults) {
        try (EsetSandbox sandbox = sandbox(seed, faults)) {
            WireClient client = new WireClient(sandbox);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                statuses.add(client.login().status());
            }
            return statuses;
        }
    }

    @Test
    void aCutConnectionGivesNoAnswerAndAppliesNothing() {
        try (EsetSandbox sandbox = sandbox(2, SandboxFaults.none())) {
            WireClient client = new WireClient(sandbox);
            client.login();
            sandbox.setFaults(SandboxFaults.builder().cutConnectionRate(1).build());

            assertThatThrownBy(() -> client.sendOrThrow(
                            "/api/License/Order", WireClient.newOrder("EAVB", 10, 1), Optional.of("cut-1")))
                    .isInstanceOf(IOException.class);
            assertThat(sandbox.ordersApplied()).isZero();
            assertThat(sandbox.licenseCount()).isEqualTo(20);
        }
    }

    @Test
    void aLostAnswerStillAppliesTheOrderOnceAndTheKeyRecoversIt() throws IOException {
        try (EsetSandbox sandbox = sandbox(3, SandboxFaults.none())) {
            WireClient client = new WireClient(sandbox);
            client.login();
            sandbox.setFaults(SandboxFaults.builder().loseRate(1).build());

            assertThatThrownBy(() -> client.sendOrThrow(
                            "/api/License/Order", WireClient.newOrder("EAVB", 10, 1), Optional.of("lost-1")))
                    .isInstanceOf(IOException.class);
            assertThat(sandbox.ordersApplied()).isEqualTo(1);
            assertThat(sandbox.licenseCount()).isEqualTo(21);
            // Reads are never lost: only order answers are.
            assertThat(client.post("/api/Partner/Status", WireClient.object()).status())
                    .isEqualTo(200);

            sandbox.setFaults(SandboxFaults.none());
            WireClient.Reply recovered =
                    client.sendOrThrow("/api/License/Order", WireClient.newOrder("EAVB", 10, 1), Optional.of("lost-1"));
            assertThat(recovered.status()).isEqualTo(200);
            assertThat(recovered.body().path("license").path("publicLicenseId").asString())
                    .isEqualTo(sandbox.licensesByIdempotencyKey().get("lost-1").value());
            assertThat(sandbox.ordersApplied()).isEqualTo(1);
            assertThat(sandbox.licenseCount()).isEqualTo(21);
        }
    }

    @Test
    void theRateLimitAnswers429WithRetryAfterUntilTheWindowEnds() {
        RateLimitFault limit = RateLimitFault.perWindow(3, Duration.ofSeconds(10));
        try (EsetSandbox sandbox =
                sandbox(4, SandboxFaults.builder().rateLimit(limit).build())) {
            WireClient client = new WireClient(sandbox);
            for (int i = 0; i < 3; i++) {
                assertThat(client.login().status()).isEqualTo(200);
            }
            WireClient.Reply limited = client.login();
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo(11);
            assertThat(limited.header("Retry-After")).contains("10");

            clock.advance(Duration.ofMillis(7500));
            assertThat(client.login().header("Retry-After")).contains("3");

            clock.advance(Duration.ofMillis(2500));
            assertThat(client.login().status()).isEqualTo(200);
        }
    }

    @Test
    void eachPartnerHasARateLimitOfItsOwn() {
        RateLimitFault limit = RateLimitFault.perWindow(3, Duration.ofSeconds(10));
        try (EsetSandbox sandbox = EsetSandbox.builder()
                .seed(6)
                .partners(3)
                .licenses(5)
                .clock(clock)
                .faults(SandboxFaults.builder().rateLimit(limit).build())
                .start()) {
            WireClient a = new WireClient(sandbox);
            WireClient b = new WireClient(sandbox);
            WireClient c = new WireClient(sandbox);
            assertThat(a.login(sandbox.username(1), sandbox.password(1).reveal())
                            .status())
                    .isEqualTo(200);
            assertThat(b.login(sandbox.username(2), sandbox.password(2).reveal())
                            .status())
                    .isEqualTo(200);
            assertThat(c.login().status()).isEqualTo(200);
            // partner 1 spends the rest of its budget on data calls, and its next call of any kind is refused
            for (int i = 0; i < 2; i++) {
                assertThat(a.post("/api/Partner/Status", WireClient.object()).status())
                        .isEqualTo(200);
            }
            WireClient.Reply limited = a.post("/api/Partner/Status", WireClient.object());
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo(11);
            assertThat(limited.header("Retry-After")).contains("10");
            assertThat(a.login(sandbox.username(1), sandbox.password(1).reveal())
                            .status())
                    .isEqualTo(429);

            // at the same instant partner 2 still has its own budget, and the first partner too
            for (int i = 0; i < 2; i++) {
                assertThat(b.post("/api/Partner/Status", WireClient.object()).status())
                        .isEqualTo(200);
                assertThat(c.post("/api/Partner/Status", WireClient.object()).status())
                        .isEqualTo(200);
            }
            assertThat(b.post("/api/Partner/Status", WireClient.object()).status())
                    .isEqualTo(429);
            assertThat(c.post("/api/Partner/Status", WireClient.object()).status())
                    .isEqualTo(429);

            clock.advance(Duration.ofSeconds(10));
            assertThat(a.post("/api/Partner/Status", WireClient.object()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void maintenanceAnswers503Code99WithRetryAfter() {
        try (EsetSandbox sandbox = sandbox(5, SandboxFaults.none())) {
            WireClient client = new WireClient(sandbox);
            sandbox.setMaintenance(true);

            WireClient.Reply reply = client.login();

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo(99);
            assertThat(reply.header("Retry-After")).contains("30");
            sandbox.setMaintenance(false);
            assertThat(client.login().status()).isEqualTo(200);
        }
    }

    @Test
    void aPartnerWithoutAccessFromTheStart() {
        SandboxPartner denied = SandboxPartner.builder()
                .from(SandboxPartner.demo())
                .accessGranted(false)
                .build();
        try (EsetSandbox sandbox =
                EsetSandbox.builder().partner(denied).licenses(3).start()) {
            WireClient client = new WireClient(sandbox);
            client.login();

            WireClient.Reply reply = client.post("/api/Partner/Status", WireClient.object());

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo(5);
            assertThat(reply.body().path("message").asString()).contains("ESET-P-104233", "grant");
        }
    }

    @Test
    void theOpenApiDocumentIsNeverFaulted() throws Exception {
        byte[] document = "{\"openapi\":\"3.1.0\"}".getBytes(StandardCharsets.UTF_8);
        try (EsetSandbox sandbox = EsetSandbox.builder()
                .faults(SandboxFaults.builder()
                        .failureRate(1)
                        .cutConnectionRate(1)
                        .build())
                .openApiDocument(() -> Optional.of(document))
                .start()) {
            sandbox.setMaintenance(true);
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(sandbox.baseUri().resolve(URI.create("/openapi.json")))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"openapi\":\"3.1.0\"}");
            assertThat(sandbox.requestsReceived()).isZero();
        }
    }

    @Test
    void latencyDelaysAnswersWhenConfigured() {
        try (EsetSandbox sandbox = sandbox(
                6, SandboxFaults.builder().latency(Duration.ofMillis(30)).build())) {
            WireClient client = new WireClient(sandbox);
            long start = System.nanoTime();
            client.login();
            client.login();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        }
    }
}
