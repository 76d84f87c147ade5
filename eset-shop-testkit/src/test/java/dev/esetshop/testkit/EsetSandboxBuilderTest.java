package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder's validation and the value types' checks. */
class EsetSandboxBuilderTest {

    @Test
    void bindsToLoopbackOnAnEphemeralPort() {
        try (EsetSandbox sandbox = EsetSandbox.builder().start()) {
            assertThat(sandbox.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(sandbox.baseUri().getPort()).isPositive();
            assertThat(sandbox.licenseCount()).isZero();
            assertThat(sandbox.toString()).contains("127.0.0.1").doesNotContain("sandbox-demo");
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        EsetSandbox sandbox = EsetSandbox.builder().start();
        sandbox.close();
        sandbox.close();
        assertThat(sandbox.licenseCount()).isZero();
    }

    @Test
    void refusesBadOptions() {
        assertThatThrownBy(() -> EsetSandbox.builder().port(-1).start()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsetSandbox.builder().licenses(-1).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        EsetSandbox.builder().licenses(3).malformedRecords(4).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsetSandbox.builder().products(List.of()).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxFaults.builder().failureRate(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failureRate");
        assertThatThrownBy(() -> SandboxFaults.builder().loseRate(-0.1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        SandboxFaults.builder().cutConnectionRate(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxFaults.builder()
                        .tokenTtl(java.time.Duration.ZERO)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimitFault.perSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxProduct.builder()
                        .code("X")
                        .name("X")
                        .minSeats(10)
                        .maxSeats(5)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxPartner.builder()
                        .from(SandboxPartner.demo())
                        .margin(java.math.BigDecimal.ONE)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProductTableOfItsOwn() {
        SandboxProduct only = SandboxProduct.builder()
                .code("EPS")
                .name("ESET PROTECT Entry")
                .minSeats(1)
                .maxSeats(50)
                .addTrialMonths(1)
                .build();
        try (EsetSandbox sandbox =
                EsetSandbox.builder().products(List.of(only)).licenses(10).start()) {
            assertThat(sandbox.licenses())
                    .allMatch(license -> license.productCode().value().equals("EPS"));
            WireClient client = new WireClient(sandbox);
            client.login();
            assertThat(client.order("/api/License/Order", WireClient.newOrder("EAVB", 10, 1), "k")
                            .subCode())
                    .isEqualTo(27);
            assertThat(client.order("/api/License/Order", WireClient.newOrder("EPS", 1, 1), "k2")
                            .status())
                    .isEqualTo(200);
        }
    }
}
