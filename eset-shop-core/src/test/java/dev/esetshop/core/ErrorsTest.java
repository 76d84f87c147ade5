package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.CatalogProblem;
import dev.esetshop.core.error.CircuitOpenException;
import dev.esetshop.core.error.ClientClosedException;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetOutcomeUnknownException;
import dev.esetshop.core.error.EsetProtocolException;
import dev.esetshop.core.error.EsetRefusedException;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.core.error.EsetTimeoutException;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.InvalidCatalogException;
import dev.esetshop.core.error.LicenseNotFoundException;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.core.error.RateLimitedException;
import dev.esetshop.core.error.ResponseTooLargeException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.core.error.TransportException;
import dev.esetshop.core.error.UnauthorizedException;
import dev.esetshop.core.error.UnknownResellerException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void apiErrorsCarryStatusRequestIdAndAttemptsInDataAndMessage() {
        EsetApiException error = new AccessNotGrantedException(
                "ESET has not granted access", EsetApiException.Failure.of(403, "req-42", 1));
        assertThat(error.code()).isEqualTo("ACCESS_NOT_GRANTED");
        assertThat(error.httpStatus()).isEqualTo(403);
        assertThat(error.requestId()).contains("req-42");
        assertThat(error.attempts()).isEqualTo(1);
        assertThat(error.getMessage()).contains("req-42").contains("HTTP 403").contains("1 attempt]");
    }

    @Test
    void ruleRefusalsKeepEsetsCodes() {
        EsetRuleRefusedException error =
                new EsetRuleRefusedException("quantity out of range", 8, 30, EsetApiException.Failure.of(400, 1));
        assertThat(error.esetCode()).isEqualTo(8);
        assertThat(error.subCode()).isEqualTo(30);
        assertThat(error.getMessage()).contains("8/30");
    }

    @Test
    void theHierarchyIsExhaustive() {
        EsetShopException error = new InvalidCatalogException(
                List.of(CatalogProblem.of("c.json", "prices[3]", "maxSeats", "bands overlap")));
        // Java 17 has no pattern switch; the sealed root still lets a caller cover every branch.
        String described = error instanceof EsetApiException api
                ? "api " + api.code()
                : error instanceof InvalidCatalogException catalog
                        ? "catalog " + catalog.problems().size()
                        : error instanceof StorageException ? "storage" : "partner mismatch";
        assertThat(EsetShopException.class.getPermittedSubclasses()).hasSize(6);
        assertThat(described).isEqualTo("catalog 1");
        assertThat(error.getMessage()).contains("c.json: prices[3].maxSeats: bands overlap");
    }

    @Test
    void esetsRefusalsAreAnswersThatRetryingCannotChange() {
        EsetApiException.Failure answered = EsetApiException.Failure.of(400, "req-1", 1);
        List<EsetRefusedException> refusals = List.of(
                new EsetRuleRefusedException("quantity out of range", 8, 30, answered),
                new AccessNotGrantedException("no access", answered),
                new LicenseNotFoundException("no such license", answered),
                new IdempotencyConflictException("key reused", answered),
                new UnauthorizedException("credentials refused", answered));

        assertThat(refusals)
                .allSatisfy(
                        error -> assertThat(error.retryable()).as(error.code()).isFalse());
        assertThat(refusals)
                .extracting(EsetShopException::code)
                .containsExactly(
                        "ESET_RULE_REFUSED",
                        "ACCESS_NOT_GRANTED",
                        "LICENSE_NOT_FOUND",
                        "IDEMPOTENCY_CONFLICT",
                        "UNAUTHORIZED");
        assertThat(permitted(EsetRefusedException.class))
                .containsExactlyInAnyOrderElementsOf(
                        refusals.stream().map(Object::getClass).toList());
    }

    @Test
    void anUnknownOrTransientOutcomeIsRetryable() {
        EsetApiException.Failure none = EsetApiException.Failure.of(0, 3);
        List<EsetOutcomeUnknownException> unknown = List.of(
                new TransportException("no answer", none),
                new EsetUnavailableException("maintenance", none),
                new RateLimitedException("429", none),
                new CircuitOpenException("paused", none),
                new EsetTimeoutException("stalled", none),
                new ResponseTooLargeException("too large", none),
                new EsetProtocolException("not JSON", none));

        assertThat(unknown)
                .allSatisfy(
                        error -> assertThat(error.retryable()).as(error.code()).isTrue());
        assertThat(unknown)
                .extracting(EsetShopException::code)
                .containsExactly(
                        "TRANSPORT",
                        "ESET_UNAVAILABLE",
                        "RATE_LIMITED",
                        "CIRCUIT_OPEN",
                        "ESET_TIMEOUT",
                        "ESET_RESPONSE_TOO_LARGE",
                        "ESET_BAD_RESPONSE");
        assertThat(permitted(EsetOutcomeUnknownException.class))
                .containsExactlyInAnyOrderElementsOf(
                        unknown.stream().map(Object::getClass).toList());
        assertThat(permitted(EsetApiException.class))
                .containsExactlyInAnyOrder(EsetRefusedException.class, EsetOutcomeUnknownException.class);
    }

    @Test
    void conditionsOfThisSideAreNotAmongEsetsAnswers() {
        ClientClosedException closed = new ClientClosedException("closed; build a new client");
        assertThat(closed).isNotInstanceOf(EsetApiException.class);
        assertThat(closed.code()).isEqualTo("CLIENT_CLOSED");
        assertThat(closed.requestId()).isEmpty();
        assertThat(closed.retryable()).isFalse();
        assertThat(new StorageException("database down").retryable()).isTrue();
        assertThat(new InvalidCatalogException(List.of(CatalogProblem.of("c.json", "", "", "empty"))).retryable())
                .isFalse();
        assertThat(new PartnerMismatchException("journal", "P1", "P2").retryable())
                .isFalse();
        assertThat(new UnknownResellerException("r-1").retryable()).isFalse();
    }

    private static List<Class<?>> permitted(Class<?> sealed) {
        return Arrays.asList(sealed.getPermittedSubclasses());
    }
}
