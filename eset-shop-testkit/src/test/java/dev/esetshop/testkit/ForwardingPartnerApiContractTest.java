package dev.esetshop.testkit;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.testkit.contract.EsetPartnerApiContract;

/**
 * The testkit's decorator base runs the partner API contract: a test's subclass that overrides nothing behaves as
 * the client it wraps, closing included.
 */
class ForwardingPartnerApiContractTest extends EsetPartnerApiContract {

    @Override
    protected EsetPartnerApi newPartnerApi(EsetSandbox sandbox, TestClock clock) {
        return new ForwardingPartnerApi(sandboxClient(sandbox, clock));
    }
}
