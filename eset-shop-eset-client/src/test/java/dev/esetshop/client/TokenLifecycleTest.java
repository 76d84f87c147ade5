package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token/Get on first use, Token/Renew a margin before expiry, a new login when refused, one resend on 401. */
class TokenLifecycleTest {

    private static final int THREADS = 16;

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();
    private final EsetPartnerApi client = eset.client(time).build();

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void renewsTenSecondsBeforeExpiryOfAMinuteToken() {
        client.partnerStatus();
        time.advance(Duration.ofSeconds(49));
        client.partnerStatus();
        assertThat(eset.count("Token/Renew")).isZero();

        time.advance(Duration.ofSeconds(2));
        client.partnerStatus();

        assertThat(eset.count("Token/Get")).isEqualTo(1);
        assertThat(eset.count("Token/Renew")).isEqualTo(1);
        assertThat(eset.requests("Token/Renew").get(0).body()).isEqualTo("{\"refreshToken\":\"refreshtok1-s3cr3t\"}");
        assertThat(eset.requests("Partner/Status"))
                .extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer tok1-s3cr3t", "Bearer tok1-s3cr3t", "Bearer tok2-s3cr3t");
    }

    @Test
    void aShortTokenIsRenewedAFifthOfItsLifeEarly() {
        eset.tokenLifetime(Duration.ofSeconds(20));
        client.partnerStatus();
        time.advance(Duration.ofMillis(15_900));
        client.partnerStatus();
        assertThat(eset.count("Token/Renew")).isZero();

        time.advance(Duration.ofMillis(200));
        client.partnerStatus();
        assertThat(eset.count("Token/Renew")).isEqualTo(1);
    }

    @Test
    void aConfiguredMarginIsUsedWhenSmallerThanAFifth() {
        EsetPartnerApi early =
                eset.client(time).tokenRenewalMargin(Duration.ofSeconds(2)).build();
        early.partnerStatus();
        time.advance(Duration.ofSeconds(57));
        early.partnerStatus();
        assertThat(eset.count("Token/Renew")).isZero();

        time.advance(Duration.ofSeconds(2));
        early.partnerStatus();
        assertThat(eset.count("Token/Renew")).isEqualTo(1);
    }

    @Test
    void aRefusedRenewalLogsInAgain() {
        client.partnerStatus();
        eset.revokeTokens();
        time.advance(Duration.ofSeconds(55));

        assertThat(client.partnerStatus().partnerId()).isEqualTo("P-100");

        assertThat(eset.count("Token/Renew")).isEqualTo(1);
        assertThat(eset.count("Token/Get")).isEqualTo(2);
    }

    @Test
    void anExpiredTokenMeansANewLoginNotARenewal() {
        client.partnerStatus();
        time.advance(Duration.ofMinutes(5));
        client.partnerStatus();

        assertThat(eset.count("Token/Renew")).isZero();
        assertThat(eset.count("Token/Get")).isEqualTo(2);
    }

    @Test
    void a401LogsInAgainAndResendsOnce() {
        client.partnerStatus();
        eset.revokeTokens();

        assertThat(client.partnerStatus().partnerId()).isEqualTo("P-100");

        assertThat(eset.count("Token/Get")).isEqualTo(2);
        assertThat(eset.requests("Partner/Status"))
                .extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer tok1-s3cr3t", "Bearer tok1-s3cr3t", "Bearer tok2-s3cr3t");
    }

    @Test
    void manyThreadsDueForRenewalCauseExactlyOneRenewal() throws Exception {
        client.partnerStatus();
        time.advance(Duration.ofSeconds(55));

        runConcurrently(client::partnerStatus);

        assertThat(eset.count("Token/Renew")).isEqualTo(1);
        assertThat(eset.count("Token/Get")).isEqualTo(1);
        assertThat(eset.count("Partner/Status")).isEqualTo(THREADS + 1);
    }

    @Test
    void manyThreadsWithoutATokenCauseExactlyOneLogin() throws Exception {
        runConcurrently(client::partnerStatus);

        assertThat(eset.count("Token/Get")).isEqualTo(1);
        assertThat(eset.count("Partner/Status")).isEqualTo(THREADS);
    }

    private static void runConcurrently(Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    call.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
