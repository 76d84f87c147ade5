package dev.esetshop.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.spring.EsetShopMonitor;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.TestClock;
import dev.esetshop.testkit.contract.EsetPartnerApiContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The starter's metering decorator runs the partner API contract: measuring changes no answer and no error. */
class MeteredPartnerApiContractTest extends EsetPartnerApiContract {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected EsetPartnerApi newPartnerApi(EsetSandbox sandbox, TestClock clock) {
        return new MeteredPartnerApi(sandboxClient(sandbox, clock), new EsetShopMonitor(registry, clock));
    }

    @Test
    void everyCallIsTimed() {
        api().partnerStatus();

        assertThat(registry.find(EsetShopMonitor.CALLS).timers()).isNotEmpty();
    }
}
