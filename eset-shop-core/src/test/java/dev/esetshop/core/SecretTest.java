package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void neverShowsItsTextExceptThroughReveal() {
        Secret secret = Secret.of("AB12-CD34-EF56-GH78-IJ90");
        assertThat(secret.toString()).isEqualTo("******").doesNotContain("AB12");
        assertThat(String.valueOf(secret)).doesNotContain("AB12");
        assertThat(secret.reveal()).isEqualTo("AB12-CD34-EF56-GH78-IJ90");
        assertThat(secret.masked(4)).isEqualTo("********************IJ90");
    }

    @Test
    void comparesByContent() {
        assertThat(Secret.of("x1")).isEqualTo(Secret.of("x1")).isNotEqualTo(Secret.of("x2"));
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLicensesToStringHidesItsKey() {
        License license = License.builder()
                .id(LicenseId.of("3AB-7KQ-XD2"))
                .licenseKey(Secret.of("SECR-ETKE-Y123-4567-89AB"))
                .productCode(ProductCode.of("EAVB"))
                .productName("ESET Endpoint Antivirus")
                .seats(Seats.of(10))
                .usedSeats(3)
                .state(LicenseState.NORMAL)
                .trial(false)
                .issued(LocalDate.of(2024, 1, 1))
                .expires(LocalDate.of(2025, 1, 1))
                .modified(Instant.parse("2024-01-01T10:00:00Z"))
                .customer(EndCustomer.builder()
                        .organization("Muster AG")
                        .firstName("Anna")
                        .lastName("Muster")
                        .email("anna@muster.example")
                        .build())
                .build();
        assertThat(license.toString()).contains("3AB-7KQ-XD2").doesNotContain("SECR-ETKE");
    }
}
