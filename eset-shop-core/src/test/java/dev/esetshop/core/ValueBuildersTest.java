package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
                        .build())
                .isEqualTo(License.builder().from(LICENSE).orderNumber("ORD-1").build());
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

    @Test
    void recordsAreCheckedWhenMadeThroughTheirConstructor() {
        assertThatThrownBy(() -> new EulaAcceptance("2024-1", " ", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation(ViolationCode.INVALID_REQUEST, "seats", "NO.SUCH.KEY", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO.SUCH.KEY");
        assertThatThrownBy(() -> new Crossgrade(5, null, "INV-1")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aViolationKeepsItsArgumentsAsGiven() {
        List<String> arguments = new ArrayList<>(List.of("2026-01-01"));
        Violation violation = new Violation(ViolationCode.LICENSE_EXPIRED, "license", "LICENSE_EXPIRED", arguments);
        arguments.clear();

        assertThat(violation.arguments()).containsExactly("2026-01-01");
        assertThat(violation).isEqualTo(Violation.of(ViolationCode.LICENSE_EXPIRED, "license", "2026-01-01"));
    }

    @Test
    void theWiderValuesHaveNoImplementationButTheGeneratedOne() {
        for (Class<?> type : List.of(License.class, EndCustomer.class, PartnerStatus.class, DiscountProgramme.class)) {
            assertThat(type.isSealed()).as(type.getSimpleName()).isTrue();
            assertThat(type.getPermittedSubclasses())
                    .extracting(Class::getSimpleName)
                    .containsExactly("Immutable" + type.getSimpleName());
        }
    }
}
