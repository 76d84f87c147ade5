package dev.esetshop.client;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/ChangeProduct}: an active license moved to another product. */
@Value.Immutable
public interface ProductChangeOrder {
    LicenseId publicLicenseId();

    ProductCode productCode();

    Sku sku();

    int seats();

    int years();

    Optional<String> customerReference();

    /** A builder. */
    static ImmutableProductChangeOrder.Builder builder() {
        return ImmutableProductChangeOrder.builder();
    }
}
