package dev.esetshop.client.internal;

import dev.esetshop.client.internal.WireJson.TokenGrant;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetProtocolException;
import dev.esetshop.core.error.EsetRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token's life: {@code Token/Get} on first use, {@code Token/Renew} a margin before expiry, a new login
 * when the renewal is refused or the token was rejected. At most one token call is in flight: while a renewal runs,
 * threads keep using the still valid token; only threads without a valid token wait for it.
 */
final class TokenManager {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    /** The token calls, each already resilient. */
    interface Endpoint {
        TokenGrant login();

        TokenGrant renew(Secret refreshToken);
    }

    private record Current(Secret accessToken, Secret refreshToken, Instant renewAt, Instant expiresAt) {}

    private final Endpoint endpoint;
    private final Clock clock;
    private final Duration margin;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable Current current;

    TokenManager(Endpoint endpoint, Clock clock, Duration margin) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.margin = margin;
    }

    /** A token valid now, logging in or renewing first when needed. */
    Secret accessToken() {
        Current token = current;
        Instant now = clock.instant();
        if (token != null && now.isBefore(token.renewAt())) {
            return token.accessToken();
        }
        if (token != null && now.isBefore(token.expiresAt())) {
            // Due for renewal but still valid: one thread renews, the others go on with the old token.
            if (lock.tryLock()) {
                try {
                    return refresh(token).accessToken();
                } catch (EsetApiException e) {
                    // A failed early renewal is no reason to fail the call: the token still works, and the next
                    // call tries the renewal again.
                    LOG.debug("ESET token renewal failed ({}), using the current token until it expires", e.code());
                    return token.accessToken();
                } finally {
                    lock.unlock();
                }
            }
            return token.accessToken();
        }
        acquire();
        try {
            return refresh(token).accessToken();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for another thread's login no longer than the budget of the call this thread is making. */
    private void acquire() {
        Optional<Duration> budget = ResilientExchange.remainingBudget(clock);
        if (budget.isEmpty()) {
            lock.lock();
            return;
        }
        try {
            if (!lock.tryLock(ResilientExchange.nanos(budget.get()), TimeUnit.NANOSECONDS)) {
                throw EsetErrors.timedOut(EsetCall.TOKEN_GET, 1, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EsetErrors.interrupted(EsetCall.TOKEN_GET, 1, e);
        }
    }

    /** ESET rejected this token (401): the next {@link #accessToken()} logs in again, unless another thread did. */
    void rejected(Secret accessToken) {
        lock.lock();
        try {
            Current token = current;
            if (token != null && token.accessToken().equals(accessToken)) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs under the lock; {@code seen} is the state the caller saw, so a refresh another thread did counts. */
    private Current refresh(@Nullable Current seen) {
        Current token = current;
        Instant now = clock.instant();
        if (token != null && token != seen && now.isBefore(token.expiresAt())) {
            return token;
        }
        if (token != null && now.isBefore(token.renewAt())) {
            return token;
        }
        TokenGrant grant;
        if (token != null && now.isBefore(token.expiresAt())) {
            grant = renewOrLogin(token);
        } else {
            LOG.debug("logging in to ESET");
            grant = endpoint.login();
        }
        Current fresh = fromGrant(grant, clock.instant());
        current = fresh;
        return fresh;
    }

    private TokenGrant renewOrLogin(Current token) {
        LOG.debug("renewing the ESET token");
        try {
            return endpoint.renew(token.refreshToken());
        } catch (EsetRefusedException | EsetProtocolException e) {
            // ESET answered: the session has ended, or it refuses (or garbles) this refresh; a fresh login starts a
            // new one. A transient failure is not an answer and goes to the caller.
            LOG.debug("ESET refused the token renewal ({}), logging in again", e.code());
            return endpoint.login();
        }
    }

    private Current fromGrant(TokenGrant grant, Instant now) {
        Duration lifetime = grant.lifetime();
        Duration fifth = lifetime.dividedBy(5);
        Duration early = margin.compareTo(fifth) < 0 ? margin : fifth;
        Instant expiresAt = now.plus(lifetime);
        return new Current(grant.accessToken(), grant.refreshToken(), expiresAt.minus(early), expiresAt);
    }
}
