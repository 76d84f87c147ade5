package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.sdk.ResellerAccount;

/** Where the registry's resellers' partner APIs come from: the host's factory, or clients on a shared transport. */
public interface PartnerApis extends AutoCloseable {

    /** The reseller's partner API, which the registry closes with the reseller's shop. */
    EsetPartnerApi open(ResellerAccount account);

    /** Closes what the partner APIs shared, after they were closed. */
    @Override
    void close();
}
