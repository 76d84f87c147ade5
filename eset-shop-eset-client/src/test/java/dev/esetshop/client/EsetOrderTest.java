package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EsetOrderTest {

    private static final EndCustomer CUSTOMER = EndCustomer.builder()
            .organization("Käse & Co. \"AG\"")
            .firstName("Zoë")
            .lastName("Müller")
            .email("zoe@kaese.example")
            .country("")
            .build();

    private static final EulaAcceptance EULA =
            EulaAcceptance.of("2026-01", "Zoë Müller", Instant.parse("2026-03-01T10:15:30Z"));

    @Test
    void everyOrderReadsBackFromItsJsonEqual() {
        List<EsetOrder> orders = List.of(
                NewLicenseOrder.builder()
                        .sku(Sku.of("EAVB-N1B5"))
                        .productCode(ProductCode.of("EAVB"))
                        .seats(6)
                        .years(1)
                        .discount("GOV")
                        .eligibilityCode("GOV-77")
                        .crossgrade(Crossgrade.of(5, LocalDate.parse("2026-01-31"), "INV-2025-991"))
                        .customer(CUSTOMER)
                        .customerReference("")
                        .build(),
                RenewalOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .seats(7)
                        .years(1)
                        .skus(List.of(Sku.of("EAVB-E1B5"), Sku.of("EAVB-N1B5")))
                        .build(),
                ProductChangeOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .productCode(ProductCode.of("ESB"))
                        .sku(Sku.of("ESB-U1B11"))
                        .seats(12)
                        .years(1)
                        .customerReference("R-1")
                        .build(),
                TrialOrder.builder()
                        .productCode(ProductCode.of("EAVB"))
                        .seats(5)
                        .months(3)
                        .customer(CUSTOMER)
                        .build(),
                TrialConversionOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .sku(Sku.of("EAVB-N1B5"))
                        .seats(6)
                        .years(2)
                        .discount("GOV")
                        .eligibilityCode("")
                        .crossgrade(Crossgrade.of(5, LocalDate.parse("2026-01-31"), "INV-2025-991"))
                        .customerReference("")
                        .eula(EULA)
                        .build());

        assertThat(orders)
                .extracting(EsetOrder::operation)
                .containsExactly(
                        Operation.NEW,
                        Operation.RENEWAL,
                        Operation.PRODUCT_CHANGE,
                        Operation.TRIAL,
                        Operation.TRIAL_CONVERSION);
        // blank texts included: an order read back must be the same order, or a resend would look like another one
        assertThat(orders)
                .allSatisfy(order -> assertThat(EsetOrder.fromJson(order.operation(), order.toJson()))
                        .isEqualTo(order));
    }

    @Test
    void aConversionWithoutTheEulaAcceptanceDoesNotReadBack() {
        // ESET refuses a conversion without the acceptance, so a stored one without it is damaged, not valid
        assertThatThrownBy(() -> EsetOrder.fromJson(
                        Operation.TRIAL_CONVERSION,
                        "{\"publicLicenseId\":\"3AB-7KQ-XD2\",\"sku\":\"EAVB-N1B5\",\"seats\":6,\"years\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eula");
    }

    @Test
    void anUnreadableOrderNamesTheFieldNotItsValue() {
        assertThatThrownBy(() -> EsetOrder.fromJson(
                        Operation.TRIAL,
                        "{\"productCode\":\"EAVB\",\"seats\":\"secret-5\",\"months\":3,\"customer\":{}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seats")
                .hasMessageNotContaining("secret-5");
        assertThatThrownBy(() -> EsetOrder.fromJson(Operation.RENEWAL, "not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
