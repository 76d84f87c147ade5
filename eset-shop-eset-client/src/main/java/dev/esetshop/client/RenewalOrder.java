package dev.esetshop.client;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Sku;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/Renew}: renewal by years and/or extension by seats, with the SKUs of the quote's lines. */
@Value.Immutable
public interface RenewalOrder {
    LicenseId publicLicenseId();

    int seats();

    int years();

    List<Sku> skus();

    Optional<String> customerReference();

    /** A builder. */
    static ImmutableRenewalOrder.Builder builder() {
        return ImmutableRenewalOrder.builder();
    }
}
