package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The public builders ({@code X.Builder}, implemented by the hidden generated code) still validate at construction:
 * a value that breaks a rule cannot be built, not from scratch and not as a changed copy ({@code PublicApiTest} in
 * the sdk proves the checks are not API).
 */
class ValueBuildersTest {

    private static final EndCustomer CUSTOMER = EndCustomer.builder()
            .organization("Example Ltd")
            .firstName("Ada")
            .lastName("Lovelace")
            .email("ada@example.com")
            .build();

    private static final License LICENSE = License.builder()
            .id(LicenseId.of("3AB-9XK-2PQ"))
            .licenseKey(Secret.of("KEY-1234"))
            .productCode(ProductCode.of("EAVB"))
            .productName("ESET Endpoint Antivirus")
            .seats(Seats.of(10))
            .usedSeats(3)
            .state(LicenseState.NORMAL)
            .trial(false)
            .issued(LocalDate.of(2026, 1, 1))
            .expires(LocalDate.of(2027, 1, 1))
            .modified(Instant.parse("2026-01-01T10:00:00Z"))
            .customer(CUSTOMER)
            .build();

    @Test
    void aCopyFromTheBuilderEqualsTheOriginalAndChangesOnlyWhatItSets() {
        License copy = License.builder().from(LICENSE).build();
        License changed = License.builder()
                .from(LICENSE)
                .usedSeats(0)
                .orderNumber("ORD-1")
                .build();

        assertThat(copy).isEqualTo(LICENSE).hasSameHashCodeAs(LICENSE);
        assertThat(changed.usedSeats()).isZero();
        assertThat(changed.orderNumber()).contains("ORD-1");
        assertThat(License.builder()
                        .from(changed)
                        .usedSeats(LICENSE.usedSeats())
                        .orderNumber(Optional.empty())
                        .build())
                .isEqualTo(LICENSE);
    }

    @Test
    void aChangedCopyIsCheckedLikeANewValue() {
        assertThatThrownBy(() -> License.builder().from(LICENSE).usedSeats(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usedSeats");
        assertThatThrownBy(() -> License.builder()
                        .from(LICENSE)
                        .expires(LocalDate.of(2025, 12, 31))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expires before");
    }

    @Test
    void aMissingRequiredValueFailsTheBuildNamingIt() {
        assertThatThrownBy(() -> EndCustomer.builder()
                        .organization("Example Ltd")
                        .firstName("Ada")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lastName");
    }

    @Test
    void singleValueTypesAreCheckedWhenMade() {
        assertThatThrownBy(() -> Seats.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sku.of("has blank")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LicenseId.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
