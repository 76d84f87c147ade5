package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.StubEset.Reply;
import dev.esetshop.core.EsetRefusal;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Secret;
import dev.esetshop.core.Sku;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetProtocolException;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.LicenseNotFoundException;
import dev.esetshop.core.error.UnauthorizedException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The error table of the protocol: each status becomes its typed exception with status, request id and attempts. */
class ErrorMappingTest {

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();
    private final EsetPartnerApi client = eset.client(time).build();
    private final LicenseId id = LicenseId.of("3AB-7KQ-XD2");

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void ruleRefusalKeepsCodeAndSubCode() {
        eset.on("License/Trial", request -> Reply.error(400, 8, 32, "trial not allowed"));

        assertThatThrownBy(() -> client.trial(
                        TrialOrder.builder()
                                .productCode(ProductCode.of("EAVB"))
                                .seats(5)
                                .months(1)
                                .customer(ClientCallsTest.CUSTOMER)
                                .build(),
                        IdempotencyKey.of("t-1")))
                .isInstanceOfSatisfying(EsetRuleRefusedException.class, e -> {
                    assertThat(e.esetCode()).isEqualTo(8);
                    assertThat(e.subCode()).isEqualTo(32);
                    assertThat(e.code()).isEqualTo("ESET_RULE_REFUSED");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.requestId()).contains(lastRequestId());
                    assertThat(e.getMessage()).contains("trial is not allowed", "trial not allowed", "8/32");
                });
    }

    @Test
    void aConversionOfALicenseThatIsNotATrialIsTheTypedRefusal() {
        eset.on("License/ConvertTrial", request -> Reply.error(400, 8, 48, "license is not a trial"));

        assertThatThrownBy(() -> client.convertTrial(
                        TrialConversionOrder.builder()
                                .publicLicenseId(id)
                                .sku(Sku.of("EAVB-N1B5"))
                                .seats(5)
                                .years(1)
                                .eula(EulaAcceptance.of(
                                        "2026-01", "Erika Muster", Instant.parse("2026-03-01T10:15:30Z")))
                                .build(),
                        IdempotencyKey.of("c-1")))
                .isInstanceOfSatisfying(EsetRuleRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(EsetRefusal.NOT_A_TRIAL);
                    assertThat(e.subCode()).isEqualTo(48);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("the license is not a trial", "8/48");
                });
        assertThat(eset.count("License/ConvertTrial")).isEqualTo(1);
    }

    @Test
    void accessNotGrantedSaysWhoMustGrantIt() {
        eset.on("Partner/Status", request -> Reply.error(403, 5, 0, "access not granted"));

        assertThatThrownBy(client::partnerStatus).isInstanceOfSatisfying(AccessNotGrantedException.class, e -> {
            assertThat(e.getMessage()).contains("ESET has not granted this marketplace access", "ask ESET");
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.requestId()).contains(lastRequestId());
        });
        assertThat(eset.count("Partner/Status")).isEqualTo(1);
    }

    @Test
    void anotherForbiddenIsUnauthorized() {
        eset.on("Partner/Status", request -> Reply.error(403, 6, 0, ""));

        assertThatThrownBy(client::partnerStatus).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void unknownLicenseIsNotFound() {
        eset.on("License/Detail", request -> Reply.error(404, 4, 0, "unknown"));

        assertThatThrownBy(() -> client.licenseDetail(id))
                .isInstanceOfSatisfying(
                        LicenseNotFoundException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    @Test
    void reusedKeyIsAConflict() {
        eset.on("License/Renew", request -> Reply.error(409, 7, 0, "key reused"));

        assertThatThrownBy(() -> client.renew(
                        RenewalOrder.builder()
                                .publicLicenseId(id)
                                .seats(1)
                                .years(1)
                                .build(),
                        IdempotencyKey.of("r-1")))
                .isInstanceOfSatisfying(
                        IdempotencyConflictException.class,
                        e -> assertThat(e.getMessage()).contains("new key"));
    }

    @Test
    void wrongPasswordIsUnauthorizedWithoutRetry() {
        EsetPartnerApi wrong = eset.client(time)
                .credentials(StubEset.USERNAME, Secret.of("wrong"))
                .build();

        assertThatThrownBy(wrong::partnerStatus).isInstanceOfSatisfying(UnauthorizedException.class, e -> {
            assertThat(e.getMessage()).contains("username or password");
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(eset.count("Token/Get")).isEqualTo(1);
        assertThat(eset.count("Partner/Status")).isZero();
    }

    @Test
    void aTokenRefusedEvenAfterLoggingInAgainIsUnauthorizedAfterTwoAttempts() {
        eset.on("Partner/Status", request -> Reply.error(401, 3, 0, "token expired"));

        assertThatThrownBy(client::partnerStatus)
                .isInstanceOfSatisfying(
                        UnauthorizedException.class,
                        e -> assertThat(e.attempts()).isEqualTo(2));
        assertThat(eset.count("Token/Get")).isEqualTo(2);
    }

    @Test
    void unreadableAnswersAreProtocolErrors() {
        eset.script("Partner/Status", Reply.ok("<html>proxy error</html>"));
        eset.script("License/Detail", Reply.ok("{\"publicLicenseId\":\"X\"}"));

        assertThatThrownBy(client::partnerStatus)
                .isInstanceOfSatisfying(
                        EsetProtocolException.class,
                        e -> assertThat(e.getMessage()).contains("not valid JSON"));
        assertThatThrownBy(() -> client.licenseDetail(id)).isInstanceOfSatisfying(EsetProtocolException.class, e -> {
            assertThat(e.getMessage()).contains("licenseKey");
            assertThat(e.httpStatus()).isEqualTo(200);
        });
    }

    @Test
    void anUnexpectedStatusIsAProtocolError() {
        eset.on("Partner/Status", request -> new Reply(418, "", java.util.Map.of()));

        assertThatThrownBy(client::partnerStatus)
                .isInstanceOfSatisfying(
                        EsetProtocolException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(418));
    }

    @Test
    void everyErrorIsAnEsetApiExceptionWithAStableCode() {
        eset.on("License/Detail", request -> Reply.error(404, 4, 0, ""));

        assertThatThrownBy(() -> client.licenseDetail(id))
                .isInstanceOfSatisfying(
                        EsetApiException.class, e -> assertThat(e.code()).isEqualTo("LICENSE_NOT_FOUND"));
    }

    private String lastRequestId() {
        return "req-" + eset.requests().size();
    }
}
