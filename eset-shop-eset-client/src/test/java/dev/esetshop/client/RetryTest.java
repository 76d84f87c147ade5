package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.StubEset.Reply;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.core.error.RateLimitedException;
import dev.esetshop.core.error.TransportException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Back-off with full jitter, Retry-After, attempt and time budgets, idempotent resends: all on fake time. */
class RetryTest {

    private static final Reply UNAVAILABLE = Reply.error(503, 99, 0, "maintenance");
    private static final Reply SERVER_ERROR = Reply.error(500, 0, 0, "boom");

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();
    private final List<String> retries = new ArrayList<>();
    private final EsetClientListener listener = new EsetClientListener() {
        @Override
        public void onRetry(EsetRetry retry) {
            retries.add(retry.call() + "#" + retry.attempt() + " " + retry.reason());
        }
    };

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void transientFailuresAreRetriedWithFullJitterBelowTheExponentialCeiling() {
        eset.script("Partner/Status", SERVER_ERROR, Reply.error(502, 0, 0, ""), Reply.error(504, 0, 0, ""));
        EsetPartnerApi client = eset.client(time).eventListener(listener).build();

        assertThat(client.partnerStatus().partnerId()).isEqualTo("P-100");

        assertThat(eset.count("Partner/Status")).isEqualTo(4);
        List<Duration> waits = time.waits();
        assertThat(waits).hasSize(3);
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).isBetween(Duration.ZERO, Duration.ofMillis(200L << i));
        }
        assertThat(retries)
                .containsExactly("Partner/Status#1 HTTP 500", "Partner/Status#2 HTTP 502", "Partner/Status#3 HTTP 504");
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        List<List<Duration>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            FakeTime fake = FakeTime.at2026();
            eset.script("Partner/Status", SERVER_ERROR, SERVER_ERROR, SERVER_ERROR);
            eset.client(fake)
                    .retry(RetrySettings.builder().jitterSeed(7L).build())
                    .build()
                    .partnerStatus();
            runs.add(fake.waits());
        }
        assertThat(runs.get(0)).hasSize(3).isEqualTo(runs.get(1));
    }

    @Test
    void jitterNeverExceedsTheCap() {
        RetrySettings settings = RetrySettings.builder()
                .maxAttempts(12)
                .baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(400))
                .totalBudget(Duration.ofHours(1))
                .jitterSeed(3L)
                .build();
        for (int i = 0; i < 11; i++) {
            eset.script("Partner/Status", SERVER_ERROR);
        }
        eset.client(time).retry(settings).build().partnerStatus();

        assertThat(time.waits()).hasSize(11).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMillis(400)));
        assertThat(time.waits().stream().distinct().count())
                .as("jittered, not constant")
                .isGreaterThan(1);
    }

    @Test
    void retryAfterIsObeyedOn503And429() {
        eset.script(
                "Partner/Status",
                UNAVAILABLE.retryAfter(Duration.ofSeconds(7)),
                Reply.error(429, 0, 0, "slow down").retryAfter(Duration.ofSeconds(3)));
        eset.client(time).build().partnerStatus();

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
    }

    @Test
    void retryAfterIsCapped() {
        eset.script("Partner/Status", UNAVAILABLE.retryAfter(Duration.ofSeconds(3600)));
        eset.client(time)
                .retry(RetrySettings.builder()
                        .maxRetryAfter(Duration.ofSeconds(5))
                        .build())
                .build()
                .partnerStatus();

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void afterTheLastAttemptAPersistent503IsUnavailableWithTheLastRequestId() {
        eset.on("Partner/Status", request -> UNAVAILABLE);
        EsetPartnerApi client = eset.client(time).build();

        assertThatThrownBy(client::partnerStatus).isInstanceOfSatisfying(EsetUnavailableException.class, e -> {
            assertThat(e.attempts()).isEqualTo(6);
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.requestId()).contains("req-" + eset.requests().size());
            assertThat(e.getMessage()).contains("maintenance", "try again later");
        });
        assertThat(eset.count("Partner/Status")).isEqualTo(6);
        assertThat(time.waits()).hasSize(5);
    }

    @Test
    void aPersistent429IsRateLimited() {
        eset.on("Partner/Status", request -> Reply.error(429, 0, 0, "").retryAfter(Duration.ofSeconds(1)));
        EsetPartnerApi client = eset.client(time).build();

        assertThatThrownBy(client::partnerStatus).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.attempts()).isEqualTo(6);
            assertThat(e.httpStatus()).isEqualTo(429);
        });
    }

    @Test
    void noRetryStartsThatWouldEndAfterTheTimeBudget() {
        eset.on("Partner/Status", request -> UNAVAILABLE.retryAfter(Duration.ofSeconds(12)));
        EsetPartnerApi client = eset.client(time)
                .retry(RetrySettings.builder()
                        .totalBudget(Duration.ofSeconds(30))
                        .build())
                .build();

        assertThatThrownBy(client::partnerStatus)
                .isInstanceOfSatisfying(
                        EsetUnavailableException.class,
                        e -> assertThat(e.attempts()).isEqualTo(3));
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(12));
    }

    @Test
    void aRefusalIsNotRetried() {
        eset.on("License/Detail", request -> Reply.error(400, 8, 37, "expired"));
        EsetPartnerApi client = eset.client(time).build();

        assertThatThrownBy(() -> client.licenseDetail(LicenseId.of("3AB-7KQ-XD2")))
                .isInstanceOf(EsetRuleRefusedException.class);
        assertThat(eset.count("License/Detail")).isEqualTo(1);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void aRetriedOrderResendsTheIdenticalBodyWithTheSameKey() {
        eset.script("License/Order", SERVER_ERROR, UNAVAILABLE.retryAfter(Duration.ofSeconds(1)));
        EsetPartnerApi client = eset.client(time).build();

        client.order(
                NewLicenseOrder.builder()
                        .sku(Sku.of("EAVB-N1B25"))
                        .productCode(ProductCode.of("EAVB"))
                        .seats(25)
                        .years(1)
                        .customer(ClientCallsTest.CUSTOMER)
                        .build(),
                IdempotencyKey.of("k-77"));

        List<StubEset.Received> sent = eset.requests("License/Order");
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(r -> r.header("Idempotency-Key")).containsOnly("k-77");
        assertThat(sent)
                .extracting(StubEset.Received::body)
                .containsOnly(sent.get(0).body());
    }

    @Test
    void aRefusedConnectionIsRetriedThenATransportError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        EsetPartnerApi client = eset.client(time)
                .baseUri(URI.create("http://127.0.0.1:" + port))
                .retry(RetrySettings.builder().maxAttempts(3).jitterSeed(1L).build())
                .build();

        assertThatThrownBy(client::partnerStatus).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.httpStatus()).isZero();
            assertThat(e.requestId()).isEmpty();
            assertThat(e.getCause()).isInstanceOf(IOException.class);
        });
        assertThat(time.waits()).hasSize(2);
    }

    @Test
    void aTimedOutAttemptIsRetried() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        eset.on("Partner/Status", request -> {
            if (eset.count("Partner/Status") == 1) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Reply.ok(Fixtures.PARTNER_JSON);
        });
        EsetPartnerApi client =
                eset.client(time).requestTimeout(Duration.ofMillis(150)).build();

        try {
            assertThat(client.partnerStatus().partnerId()).isEqualTo("P-100");
        } finally {
            release.countDown();
        }
        assertThat(eset.count("Partner/Status")).isEqualTo(2);
        assertThat(time.waits()).hasSize(1);
    }

    @Test
    void anInterruptedWaitEndsTheCallAndKeepsTheInterrupt() {
        eset.script("Partner/Status", SERVER_ERROR);
        EsetPartnerApi client = eset.client(time)
                .waiter(wait -> {
                    throw new InterruptedException("shutdown");
                })
                .build();

        try {
            assertThatThrownBy(client::partnerStatus).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.getMessage()).contains("interrupted");
                assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
            });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(eset.count("Partner/Status")).isEqualTo(1);
    }
}
