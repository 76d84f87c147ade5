package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class EsetRefusalTest {

    @Test
    void eachSubCodeOfTheSpecHasItsOwnViolationCodeAndUnknownOnesAreOther() {
        assertThat(EsetRefusal.of(18).violationCode()).isEqualTo(ViolationCode.QUANTITY_NOT_ALLOWED);
        assertThat(EsetRefusal.of(27).violationCode()).isEqualTo(ViolationCode.PRODUCT_NOT_AVAILABLE);
        assertThat(EsetRefusal.of(30).violationCode()).isEqualTo(ViolationCode.SEATS_OUT_OF_RANGE);
        assertThat(EsetRefusal.of(32).violationCode()).isEqualTo(ViolationCode.TRIAL_NOT_OFFERED);
        assertThat(EsetRefusal.of(37).violationCode()).isEqualTo(ViolationCode.LICENSE_EXPIRED);
        assertThat(EsetRefusal.of(45).violationCode()).isEqualTo(ViolationCode.PRODUCT_CHANGE_NOT_OFFERED);
        assertThat(EsetRefusal.of(48).violationCode()).isEqualTo(ViolationCode.NOT_A_TRIAL);
        assertThat(EsetRefusal.of(51)).isEqualTo(EsetRefusal.OTHER);
        assertThat(EsetRefusal.of(-1)).isEqualTo(EsetRefusal.OTHER);
        assertThat(EsetRefusal.OTHER.violationCode()).isEqualTo(ViolationCode.ESET_REFUSED);
        assertThat(EsetRefusal.OTHER.subCode()).isEmpty();
        assertThat(EsetRefusal.LICENSE_EXPIRED.wireSubCode()).isEqualTo(37);
    }

    @Test
    void theViolationSaysTheReasonInTheUsersLanguageAndKeepsEsetsCodesAndText() {
        Violation violation = EsetRefusal.of(37).violation(8, 37, "License 3AB-7KQ-XD2 expired on 2021-05-03.");

        assertThat(violation.code()).isEqualTo(ViolationCode.LICENSE_EXPIRED);
        assertThat(violation.field()).isEqualTo("license");
        assertThat(violation.arguments()).containsExactly("8/37", "License 3AB-7KQ-XD2 expired on 2021-05-03.");
        assertThat(violation.message(Locale.ENGLISH)).contains("the license has expired", "ESET 8/37");
        assertThat(violation.message(Locale.GERMAN)).contains("die Lizenz ist abgelaufen", "ESET 8/37");
        assertThat(violation.message(Locale.FRENCH)).contains("la licence a expiré", "ESET 8/37");
        Violation unknown = EsetRefusal.of(51).violation(8, 51, "on hold");
        assertThat(unknown.code()).isEqualTo(ViolationCode.ESET_REFUSED);
        assertThat(unknown.message(Locale.GERMAN)).contains("ESET 8/51");
    }
}
