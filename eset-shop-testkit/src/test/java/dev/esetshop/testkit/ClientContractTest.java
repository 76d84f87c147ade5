package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.testkit.contract.EsetPartnerApiContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SDK's client runs the partner API contract against the sandbox: the two sides of the protocol agree. */
class ClientContractTest extends EsetPartnerApiContract {

    @Override
    protected EsetPartnerApi newPartnerApi(EsetSandbox sandbox, TestClock clock) {
        return sandboxClient(sandbox, clock);
    }

    @Test
    void theClientKeepsItsTokenAliveOnTheSandboxClock() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api().partnerStatus().partnerId());
            clock().advance(Duration.ofSeconds(50));
        }
        clock().advance(Duration.ofMinutes(31));
        ids.add(api().partnerStatus().partnerId());

        assertThat(ids).containsOnly("ESET-P-104233").hasSize(6);
    }

    @Test
    void lazyPagingNeedsOneLoginAndOneRequestPerPageRead() {
        long before = sandbox().requestsReceived();
        try (var pages = api().pages(50)) {
            assertThat(pages.limit(2).count()).isEqualTo(2);
        }
        assertThat(sandbox().requestsReceived() - before).isLessThanOrEqualTo(3);
    }
}
