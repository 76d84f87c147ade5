package dev.esetshop.spring;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.sdk.ResellerAccount;

/**
 * How the starter makes a reseller's ESET partner API. The default is an {@code EsetPartnerClient} on
 * {@code eset.shop.base-url} with the properties and the {@link EsetPartnerClientCustomizer} beans; a host defines
 * its own bean of this type to reach ESET another way (one endpoint per region, a sandbox per reseller). Whatever it
 * returns, the starter measures its calls.
 */
@FunctionalInterface
public interface EsetPartnerApiFactory {

    /**
     * The partner API of a reseller; the registry closes it when it closes.
     *
     * @param account the reseller's account from the host's directory
     * @return its partner API
     */
    EsetPartnerApi create(ResellerAccount account);
}
