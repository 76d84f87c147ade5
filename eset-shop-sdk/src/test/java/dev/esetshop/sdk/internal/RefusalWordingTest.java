package dev.esetshop.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetApiException.Failure;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.LicenseNotFoundException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the reseller reads when ESET or the shop refuses an order: the real reason, in the reseller's language. */
class RefusalWordingTest {

    private static final Failure ANSWERED = Failure.of(400, "req-1", 1);

    @Test
    void eachEsetSubCodeBecomesItsOwnViolationWithEsetsCodesAndTextBesideIt() {
        assertThat(code(rule(18))).isEqualTo(ViolationCode.QUANTITY_NOT_ALLOWED);
        assertThat(code(rule(27))).isEqualTo(ViolationCode.PRODUCT_NOT_AVAILABLE);
        assertThat(code(rule(30))).isEqualTo(ViolationCode.SEATS_OUT_OF_RANGE);
        assertThat(code(rule(32))).isEqualTo(ViolationCode.TRIAL_NOT_OFFERED);
        assertThat(code(rule(37))).isEqualTo(ViolationCode.LICENSE_EXPIRED);
        assertThat(code(rule(45))).isEqualTo(ViolationCode.PRODUCT_CHANGE_NOT_OFFERED);
        assertThat(code(rule(51))).isEqualTo(ViolationCode.ESET_REFUSED);

        Violation expired = OrderPlacer.Refusals.violation(rule(37), null);
        assertThat(expired.arguments()).containsExactly("8/37", "ESET says 37");
        assertThat(expired.message(Locale.ENGLISH)).contains("the license has expired");
        assertThat(expired.message(Locale.GERMAN))
                .contains("die Lizenz ist abgelaufen")
                .doesNotContain("missing");
        assertThat(OrderPlacer.Refusals.violation(rule(18), null).message(Locale.FRENCH))
                .contains("cette quantité n'est pas autorisée");
        assertThat(OrderPlacer.Refusals.violation(rule(51), null).message(Locale.GERMAN))
                .contains("ESET 8/51");
    }

    @Test
    void refusalsOtherThanRulesSayWhatHappened() {
        Violation unknown = OrderPlacer.Refusals.violation(
                new LicenseNotFoundException("no such license", Failure.of(404, 1)), null);
        assertThat(unknown.code()).isEqualTo(ViolationCode.ESET_REFUSED);
        assertThat(unknown.message(Locale.GERMAN)).startsWith("ESET kennt diese Lizenz nicht");
        Violation conflict = OrderPlacer.Refusals.violation(
                new IdempotencyConflictException("key reused", Failure.of(409, 1)), null);
        assertThat(conflict.message(Locale.FRENCH)).contains("autre commande");
    }

    @Test
    void theEndCustomersMissingFieldsAreNamedInTheUsersLanguage() {
        EndCustomer blank = EndCustomer.builder()
                .organization("")
                .firstName("")
                .lastName("")
                .email("nope")
                .build();
        List<Violation> violations = OrderPreparation.customerViolations(blank);

        assertThat(violations).hasSize(4).allMatch(v -> v.code() == ViolationCode.END_CUSTOMER_INVALID);
        for (Violation violation : violations) {
            for (Locale locale : List.of(Locale.GERMAN, Locale.FRENCH)) {
                assertThat(violation.message(locale).toLowerCase(Locale.ROOT))
                        .doesNotContain("last name", "first name", "organization", "email");
            }
        }
        assertThat(violations)
                .extracting(v -> v.message(Locale.GERMAN))
                .contains(
                        "Der Nachname des Endkunden fehlt.",
                        "Die E-Mail-Adresse des Endkunden fehlt oder ist ungültig.");
        assertThat(violations)
                .extracting(v -> v.message(Locale.FRENCH))
                .contains("Le prénom du client final est manquant.");
    }

    private static ViolationCode code(EsetApiException refusal) {
        return OrderPlacer.Refusals.violation(refusal, null).code();
    }

    private static EsetRuleRefusedException rule(int subCode) {
        return new EsetRuleRefusedException("refused", 8, subCode, "ESET says " + subCode, ANSWERED);
    }
}
