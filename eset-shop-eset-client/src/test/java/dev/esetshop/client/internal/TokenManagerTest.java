package dev.esetshop.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.FakeTime;
import dev.esetshop.client.internal.WireJson.TokenGrant;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.EsetApiException.Failure;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.core.error.UnauthorizedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The token manager alone, with a counting endpoint whose renewal can be held in flight. */
class TokenManagerTest {

    private static final int THREADS = 12;

    private final FakeTime time = FakeTime.at2026();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger renewals = new AtomicInteger();
    private volatile CountDownLatch holdRenewal = new CountDownLatch(0);
    private volatile boolean refuseRenewal;
    private volatile boolean renewalUnavailable;

    private final TokenManager.Endpoint endpoint = new TokenManager.Endpoint() {
        @Override
        public TokenGrant login() {
            int n = logins.incrementAndGet();
            return grant("login" + n);
        }

        @Override
        public TokenGrant renew(Secret refreshToken) {
            renewals.incrementAndGet();
            if (renewalUnavailable) {
                throw new EsetUnavailableException("down", Failure.of(503, 6));
            }
            if (refuseRenewal) {
                throw new UnauthorizedException("session ended", Failure.of(401, 1));
            }
            try {
                holdRenewal.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return grant("renewed" + renewals.get());
        }
    };

    private final TokenManager tokens = new TokenManager(endpoint, time, Duration.ofSeconds(10));

    private static TokenGrant grant(String name) {
        return new TokenGrant(Secret.of(name), Secret.of("refresh-" + name), Duration.ofSeconds(60));
    }

    @Test
    void whileOneRenewalIsInFlightTheOthersKeepTheValidToken() throws Exception {
        assertThat(tokens.accessToken().reveal()).isEqualTo("login1");
        time.advance(Duration.ofSeconds(55));
        holdRenewal = new CountDownLatch(1);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<Secret> renewer = pool.submit(tokens::accessToken);
            while (renewals.get() == 0) {
                Thread.onSpinWait();
            }
            List<Future<Secret>> others = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                others.add(pool.submit(tokens::accessToken));
            }
            for (Future<Secret> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS).reveal()).isEqualTo("login1");
            }
            holdRenewal.countDown();
            assertThat(renewer.get(10, TimeUnit.SECONDS).reveal()).isEqualTo("renewed1");
        } finally {
            pool.shutdownNow();
        }
        assertThat(renewals.get()).isEqualTo(1);
        assertThat(tokens.accessToken().reveal()).isEqualTo("renewed1");
        assertThat(logins.get()).isEqualTo(1);
    }

    @Test
    void aRefusedRenewalFallsBackToALogin() {
        tokens.accessToken();
        time.advance(Duration.ofSeconds(52));
        refuseRenewal = true;

        assertThat(tokens.accessToken().reveal()).isEqualTo("login2");
        assertThat(renewals.get()).isEqualTo(1);
    }

    @Test
    void aFailedEarlyRenewalKeepsTheValidTokenAndIsTriedAgain() {
        tokens.accessToken();
        time.advance(Duration.ofSeconds(52));
        renewalUnavailable = true;

        assertThat(tokens.accessToken().reveal()).isEqualTo("login1");
        renewalUnavailable = false;
        assertThat(tokens.accessToken().reveal()).isEqualTo("renewed2");
        assertThat(renewals.get()).isEqualTo(2);
        assertThat(logins.get()).isEqualTo(1);
    }

    @Test
    void aFailedLoginFailsTheCall() {
        TokenManager failing = new TokenManager(
                new TokenManager.Endpoint() {
                    @Override
                    public TokenGrant login() {
                        throw new EsetUnavailableException("down", Failure.of(503, 6));
                    }

                    @Override
                    public TokenGrant renew(Secret refreshToken) {
                        throw new AssertionError("no token to renew");
                    }
                },
                time,
                Duration.ofSeconds(10));

        assertThatThrownBy(failing::accessToken).isInstanceOf(EsetUnavailableException.class);
    }

    @Test
    void aRejectedTokenIsReplacedOnceEvenIfManyReportIt() {
        Secret first = tokens.accessToken();
        tokens.rejected(first);
        Secret second = tokens.accessToken();
        tokens.rejected(first);

        assertThat(second.reveal()).isEqualTo("login2");
        assertThat(tokens.accessToken()).isEqualTo(second);
        assertThat(logins.get()).isEqualTo(2);
    }
}
