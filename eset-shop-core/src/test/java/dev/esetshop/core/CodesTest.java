package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void acceptsPrintableCodes() {
        assertThat(ProductCode.of("EAVB").value()).isEqualTo("EAVB");
        assertThat(Sku.of("EAVB-N1B5").toString()).isEqualTo("EAVB-N1B5");
        assertThat(LicenseId.of("3AB-7KQ-XD2")).isEqualTo(LicenseId.of("3AB-7KQ-XD2"));
    }

    @Test
    void refusesBlankOrOverlongCodes() {
        assertThatThrownBy(() -> ProductCode.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProductCode.of("E AVB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sku.of("X".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ProductCode.isValid("EAVB\n")).isFalse();
        assertThat(ProductCode.isValid("EAVB")).isTrue();
    }

    @Test
    void seatsAreAtLeastOne() {
        assertThat(Seats.of(1).count()).isEqualTo(1);
        assertThatThrownBy(() -> Seats.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idempotencyKeysAreBoundedAndPlain() {
        assertThat(IdempotencyKey.of("order-2024:0001").value()).isEqualTo("order-2024:0001");
        assertThat(IdempotencyKey.of("k".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> IdempotencyKey.of("k".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
