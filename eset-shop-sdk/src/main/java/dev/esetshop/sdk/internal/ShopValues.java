package dev.esetshop.sdk.internal;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Violation;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.sdk.AvailableActions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes the shop's output values whose generated classes stay package-private in the public package (a host reads
 * them, never builds them); the public entry point hands its one instance to the internal code that needs it.
 */
public interface ShopValues {

    /** An action's option: it applies with an example, or is refused with violations. */
    AvailableActions.Option option(
            AvailableActions.Action action,
            List<Violation> violations,
            @Nullable QuoteRequest example,
            List<ProductCode> targets);

    /** The four options of a license. */
    AvailableActions actions(
            LicenseId license,
            AvailableActions.Option renew,
            AvailableActions.Option extend,
            AvailableActions.Option changeProduct,
            AvailableActions.Option convertTrial);
}
