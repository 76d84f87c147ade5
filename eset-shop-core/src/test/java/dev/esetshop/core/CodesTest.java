package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    void theConstructorChecksLikeTheFactory() {
        assertThat(new ResellerId("ACMP-100482")).isEqualTo(ResellerId.of("ACMP-100482"));
        assertThatThrownBy(() -> new LicenseId("3AB 7KQ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdempotencyKey("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Seats(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesOrderAndPrintAsTheirText() {
        List<Sku> skus = new ArrayList<>(List.of(Sku.of("EAVB-N2B5"), Sku.of("EAVB-N1B5"), Sku.of("EAVB-N10")));
        Collections.sort(skus);

        assertThat(skus).extracting(Sku::toString).containsExactly("EAVB-N10", "EAVB-N1B5", "EAVB-N2B5");
        assertThat(ResellerId.of("ACMP-1").compareTo(ResellerId.of("ACMP-2"))).isNegative();
        assertThat(LicenseId.of("3AB-7KQ-XD2")).hasToString("3AB-7KQ-XD2");
        assertThat(IdempotencyKey.of("order-1")).hasToString("order-1");
        assertThat(Seats.of(5)).hasToString("5");
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
