package dev.esetshop.sdk;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Violation;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.sdk.internal.ShopValues;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The shop's output values made by their generated classes, which stay package-private, for its internal code. */
final class GeneratedShopValues implements ShopValues {

    /** Stateless: one for every shop. */
    static final ShopValues INSTANCE = new GeneratedShopValues();

    private GeneratedShopValues() {}

    @Override
    public AvailableActions.Option option(
            AvailableActions.Action action,
            List<Violation> violations,
            @Nullable QuoteRequest example,
            List<ProductCode> targets) {
        return ImmutableOption.builder()
                .action(action)
                .violations(violations)
                .example(Optional.ofNullable(example))
                .targets(targets)
                .build();
    }

    @Override
    public AvailableActions actions(
            LicenseId license,
            AvailableActions.Option renew,
            AvailableActions.Option extend,
            AvailableActions.Option changeProduct,
            AvailableActions.Option convertTrial) {
        return ImmutableAvailableActions.builder()
                .license(license)
                .renew(renew)
                .extend(extend)
                .changeProduct(changeProduct)
                .convertTrial(convertTrial)
                .build();
    }
}
