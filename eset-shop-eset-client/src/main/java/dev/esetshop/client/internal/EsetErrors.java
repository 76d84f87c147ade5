package dev.esetshop.client.internal;

import dev.esetshop.client.internal.WireJson.ErrorBody;
import dev.esetshop.core.EsetRefusal;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.CircuitOpenException;
import dev.esetshop.core.error.ClientClosedException;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetApiException.Failure;
import dev.esetshop.core.error.EsetProtocolException;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.EsetTimeoutException;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.LicenseNotFoundException;
import dev.esetshop.core.error.RateLimitedException;
import dev.esetshop.core.error.ResponseTooLargeException;
import dev.esetshop.core.error.TransportException;
import dev.esetshop.core.error.UnauthorizedException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The error table of the wire protocol: an answer (or its absence) becomes one of core's typed exceptions. */
final class EsetErrors {

    /** ESET's error code for "this partner's data is not shared with the marketplace". */
    static final int ACCESS_NOT_GRANTED = 5;
    /** ESET's error code for maintenance. */
    static final int MAINTENANCE = 99;

    private static final int MAX_ESET_MESSAGE = 200;

    private EsetErrors() {}

    /** What is known of a call whose last answer had this status and, when the answer carried one, request id. */
    private static Failure failure(int httpStatus, @Nullable String requestId, int attempts) {
        return requestId == null ? Failure.of(httpStatus, attempts) : Failure.of(httpStatus, requestId, attempts);
    }

    /** What is known of a call that got no answer, with the exception that ended it when there was one. */
    private static Failure noAnswer(int attempts, @Nullable Throwable cause) {
        Failure failure = Failure.of(0, attempts);
        return cause == null ? failure : failure.withCause(cause);
    }

    /** A definitive refusal: an answer that retrying cannot change (4xx but 429). */
    static EsetApiException refused(EsetCall call, RawResponse response, int attempts) {
        ErrorBody error = WireJson.error(response.body());
        Failure failure = failure(response.status(), response.requestId(), attempts);
        String said = esetSaid(error);
        switch (response.status()) {
            case 400:
                return new EsetRuleRefusedException(
                        "ESET refused " + call + ": "
                                + EsetRefusal.of(error.subCode()).description() + said,
                        error.code(),
                        error.subCode(),
                        capped(error.message()),
                        failure);
            case 401:
                return call == EsetCall.TOKEN_GET
                        ? new UnauthorizedException(
                                "ESET refused the partner's username or password; check the ESET credentials"
                                        + " configured for this reseller" + said,
                                failure)
                        : new UnauthorizedException(
                                "ESET refused the access token for " + call + " even after logging in again; check"
                                        + " the ESET credentials configured for this reseller" + said,
                                failure);
            case 403:
                if (error.code() == ACCESS_NOT_GRANTED) {
                    return new AccessNotGrantedException(
                            "ESET has not granted this marketplace access to the partner's data; ask ESET (the ESET"
                                    + " team at the marketplace) to grant the marketplace access, then try again",
                            failure);
                }
                return new UnauthorizedException(
                        "ESET forbids " + call + " for these credentials (code " + error.code() + "); ask ESET"
                                + " which right the partner account lacks" + said,
                        failure);
            case 404:
                return new LicenseNotFoundException(
                        "ESET knows no such license; check the public license id" + said, failure);
            case 409:
                return new IdempotencyConflictException(
                        "ESET already received another order with this idempotency key; a new order needs a new"
                                + " key" + said,
                        failure);
            default:
                return new EsetProtocolException(
                        "ESET answered " + call + " with an unexpected HTTP " + response.status()
                                + "; report it with the request id" + said,
                        failure);
        }
    }

    /** The attempts or the time budget ran out on a transient failure. */
    static EsetApiException exhausted(
            EsetCall call, @Nullable RawResponse last, @Nullable Throwable cause, int attempts) {
        if (last == null) {
            return new TransportException(
                    "No answer from ESET to " + call + " (connection failed or timed out); try again later; an"
                            + " order's outcome is unknown until it is resent with the same idempotency key",
                    noAnswer(attempts, cause));
        }
        RawResponse response = last;
        Failure failure = failure(response.status(), response.requestId(), attempts);
        if (response.status() == 429) {
            return new RateLimitedException(
                    "ESET kept rate limiting " + call + "; slow down and try again in a minute", failure);
        }
        ErrorBody error = WireJson.error(response.body());
        String what = error.code() == MAINTENANCE ? "is in maintenance" : "kept failing";
        return new EsetUnavailableException(
                "ESET " + what + " for " + call + "; try again later; an order's outcome is unknown until it is"
                        + " resent with the same idempotency key",
                failure);
    }

    /** The client's own rate limit would make the call wait longer than allowed. */
    static EsetApiException ownRateLimit(EsetCall call, Duration maxWait, @Nullable String requestId, int attempts) {
        return new RateLimitedException(
                "Too many calls to ESET from this client: " + call + " would wait longer than " + maxWait
                        + "; slow down and try again",
                failure(0, requestId, Math.max(1, attempts)));
    }

    /** The breaker is open: nothing was sent this time. */
    static EsetApiException circuitOpen(EsetCall call, @Nullable String requestId, int attempts) {
        return new CircuitOpenException(
                "ESET failed repeatedly, so the client pauses calls such as " + call + " for a while; try again"
                        + " in a minute",
                failure(0, requestId, Math.max(1, attempts)));
    }

    /** A success answer the client cannot read. */
    static EsetApiException unreadable(EsetCall call, RawResponse response, int attempts, String reason) {
        return new EsetProtocolException(
                "ESET's answer to " + call + " cannot be read (" + reason + "); report it with the request id",
                failure(response.status(), response.requestId(), attempts));
    }

    /** The waiting thread was interrupted. */
    static EsetApiException interrupted(EsetCall call, int attempts, InterruptedException cause) {
        return new TransportException(
                "The call " + call + " to ESET was interrupted; an order's outcome is unknown until it is resent"
                        + " with the same idempotency key",
                Failure.of(0, Math.max(1, attempts)).withCause(cause));
    }

    /** No whole answer within the attempt's timeout or the call's budget (a stalled or trickled answer). */
    static EsetApiException timedOut(EsetCall call, int attempts, @Nullable Throwable cause) {
        return new EsetTimeoutException(
                "ESET did not answer " + call + " in time (a stalled or trickled answer, or the time budget was"
                        + " spent); try again later; an order's outcome is unknown until it is resent with the same"
                        + " idempotency key",
                noAnswer(attempts, cause));
    }

    /** The answer passed the size cap; its bytes were dropped. */
    static EsetApiException tooLarge(EsetCall call, long limit, int attempts) {
        return new ResponseTooLargeException(
                "ESET's answer to " + call + " was larger than " + limit + " bytes, so the client stopped reading it;"
                        + " report it to ESET (or raise maxResponseSize if such answers are expected); an order's"
                        + " outcome is unknown until it is resent with the same idempotency key",
                Failure.of(0, attempts));
    }

    /** The request could not be built or handed to the HTTP client; the reason never quotes a header value. */
    static EsetApiException unsendable(EsetCall call, String reason, int attempts) {
        return new TransportException(
                "The call " + call + " could not be sent to ESET (" + reason + "); report it", Failure.of(0, attempts));
    }

    /** The client was closed: nothing was sent. */
    static ClientClosedException closed(EsetCall call) {
        return new ClientClosedException("The ESET client is closed, so " + call + " was not sent; build a new client");
    }

    private static String esetSaid(ErrorBody error) {
        String message = capped(error.message());
        return message.isEmpty() ? "" : " (ESET: " + message + ")";
    }

    private static String capped(String esetMessage) {
        // ESET's text is echoed for support, but masked: an error page can quote a URL with credentials or a token.
        String message = EsetText.masked(esetMessage).strip();
        return message.length() > MAX_ESET_MESSAGE ? message.substring(0, MAX_ESET_MESSAGE) + "..." : message;
    }
}
