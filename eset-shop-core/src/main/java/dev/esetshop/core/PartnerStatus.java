package dev.esetshop.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** The reseller as an ESET partner: id, company, level and margin, with the marketplace's view of it. */
@Value.Immutable
public interface PartnerStatus {

    /** ESET's partner id. */
    String partnerId();

    /** The partner's company name. */
    String companyName();

    /** The partner's email address at ESET. */
    String email();

    /** The partner level. */
    PartnerLevel level();

    /** The partner margin, a share in [0, 1): 0.25 is 25 %. */
    BigDecimal margin();

    /** The reseller's customer number at the marketplace, when the shop was given one. */
    Optional<String> marketplaceCustomerNumber();

    /** When the license book was last synced with ESET successfully; empty before the first sync. */
    Optional<Instant> lastSync();

    /** A builder. */
    static ImmutablePartnerStatus.Builder builder() {
        return ImmutablePartnerStatus.builder();
    }
}
