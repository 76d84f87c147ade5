package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.esetshop.client.CircuitBreakerSettings;
import dev.esetshop.client.EsetClientListener;
import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.EsetRetry;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.core.error.CircuitOpenException;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.core.error.RateLimitedException;
import dev.esetshop.core.error.TransportException;
import dev.esetshop.core.error.UnauthorizedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 1,000 keyed orders through the SDK's client against a sandbox that fails 30 % of requests, loses 10 % of order
 * answers after the commit, cuts 2 % of connections, rate-limits in bursts and lets tokens live 2 seconds: every
 * key ends with exactly one license, none lost, none doubled. Time is a fake clock that ticks with every reading and
 * jumps on every wait, so the test never waits.
 */
class ChaosTest {

    private static final int ORDERS = 1000;
    private static final int INITIAL_LICENSES = 25;
    private static final List<String> PRODUCTS = List.of("EAVB", "EESB", "ESBP", "ESB", "EMDS");
    private static final EndCustomer CUSTOMER = EndCustomer.builder()
            .organization("Fiduciaire Léman SA")
            .firstName("Céline")
            .lastName("Favre")
            .email("celine.favre@fiduciaire-leman.ch")
            .country("CH")
            .build();

    @Test
    void everyKeyedOrderEndsWithExactlyOneLicense() {
        TestClock clock = TestClock.ticking(Instant.parse("2026-11-24T10:00:00Z"), Duration.ofMillis(1));
        SandboxFaults chaos = SandboxFaults.builder()
                .failureRate(0.3)
                .loseRate(0.1)
                .cutConnectionRate(0.02)
                .rateLimit(RateLimitFault.perWindow(40, Duration.ofSeconds(1)))
                .tokenTtl(Duration.ofSeconds(2))
                .sessionTtl(Duration.ofSeconds(30))
                .build();
        AtomicInteger retries = new AtomicInteger();
        Map<String, Integer> reasons = new java.util.concurrent.ConcurrentHashMap<>();
        try (EsetSandbox sandbox = EsetSandbox.builder()
                .seed(2026)
                .licenses(INITIAL_LICENSES)
                .clock(clock)
                .faults(chaos)
                .start()) {
            EsetPartnerApi client = EsetPartnerClient.builder()
                    .baseUri(sandbox.baseUri())
                    .credentials(sandbox.username(), sandbox.password())
                    .clock(clock)
                    .waiter(clock::advance)
                    .requestTimeout(Duration.ofSeconds(10))
                    .retry(RetrySettings.builder()
                            .maxAttempts(12)
                            .baseDelay(Duration.ofMillis(1))
                            .maxDelay(Duration.ofMillis(50))
                            .maxRetryAfter(Duration.ofSeconds(2))
                            .totalBudget(Duration.ofMinutes(10))
                            .jitterSeed(2026)
                            .build())
                    .circuitBreaker(CircuitBreakerSettings.builder()
                            .slidingWindowSize(100)
                            .failureRatePercent(100)
                            .openDuration(Duration.ofMillis(100))
                            .build())
                    .rateLimit(RateLimitSettings.perSecond(100_000))
                    .eventListener(new EsetClientListener() {
                        @Override
                        public void onRetry(EsetRetry retry) {
                            retries.incrementAndGet();
                            reasons.merge(
                                    retry.reason()
                                            .replaceAll("[0-9]+ ?ms|[0-9.]+ ?s\\b", "")
                                            .strip(),
                                    1,
                                    Integer::sum);
                        }
                    })
                    .build();

            Map<String, OrderReceipt> receipts = new LinkedHashMap<>();
            int resends = 0;
            for (int i = 0; i < ORDERS; i++) {
                String key = String.format("chaos-%04d", i);
                NewLicenseOrder order = order(i);
                for (int attempt = 1; !receipts.containsKey(key); attempt++) {
                    try {
                        receipts.put(key, client.order(order, IdempotencyKey.of(key)));
                    } catch (TransportException
                            | EsetUnavailableException
                            | RateLimitedException
                            | CircuitOpenException
                            | UnauthorizedException unknownOutcome) {
                        // What the SDK's reconcile does: the outcome is unknown, so resend with the same key.
                        if (attempt == 10) {
                            fail("order " + key + " still unanswered after 10 resends", unknownOutcome);
                        }
                        resends++;
                        clock.advance(Duration.ofSeconds(1));
                    } catch (EsetApiException refused) {
                        fail("order " + key + " refused", refused);
                    }
                }
            }

            Map<String, LicenseId> created = sandbox.licensesByIdempotencyKey();
            assertThat(created).hasSize(ORDERS).containsOnlyKeys(receipts.keySet());
            receipts.forEach(
                    (key, receipt) -> assertThat(receipt.license().id()).as(key).isEqualTo(created.get(key)));
            assertThat(new HashSet<>(created.values())).hasSize(ORDERS);
            assertThat(sandbox.licenseCount()).isEqualTo(INITIAL_LICENSES + ORDERS);
            assertThat(sandbox.ordersApplied()).isEqualTo(ORDERS);
            // The faults really happened: far more requests than orders, and the client retried.
            assertThat(sandbox.requestsReceived()).isGreaterThan(ORDERS * 14L / 10);
            assertThat(retries.get()).isGreaterThan(ORDERS / 3);
            assertThat(reasons).containsKeys("HTTP 429", "HTTP 500", "HTTP 502", "HTTP 503");
            assertThat(reasons.keySet()).anyMatch(reason -> reason.startsWith("no answer"));
            // Many 2-second token lifetimes and at least one 30-second session went by.
            assertThat(clock.elapsed()).isGreaterThan(Duration.ofSeconds(30));
            org.slf4j.LoggerFactory.getLogger(ChaosTest.class)
                    .info(
                            "chaos: {} orders, {} requests, {} client retries, {} resends, {} of fake time, reasons {}",
                            ORDERS,
                            sandbox.requestsReceived(),
                            retries.get(),
                            resends,
                            clock.elapsed(),
                            reasons);
        }
    }

    private static NewLicenseOrder order(int i) {
        String product = PRODUCTS.get(i % PRODUCTS.size());
        return NewLicenseOrder.builder()
                .sku(Sku.of(product + "-N1B5"))
                .productCode(ProductCode.of(product))
                .seats(5 + i % 6)
                .years(1 + i % 3)
                .customer(CUSTOMER)
                .customerReference("PO-" + i)
                .build();
    }
}
