package dev.esetshop.sdk.internal;

import dev.esetshop.core.License;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.ProductChangeRequest;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.TrialConversionRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.Product;
import dev.esetshop.sdk.AvailableActions;
import dev.esetshop.sdk.AvailableActions.Action;
import dev.esetshop.sdk.AvailableActions.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which actions apply to a license today. An action applies when one of its smallest requests quotes accepted; when
 * none does, the reason is what pricing says of the first one, so the shop never states a rule of its own.
 */
public final class ActionAdvisor {

    /** The years a renewal may add. */
    private static final int[] RENEWAL_YEARS = {1, 2, 3};

    private final Catalog catalog;
    private final Pricing pricing;
    private final ShopValues values;

    /** An advisor over the catalog and its pricing, making its answers with {@code values}. */
    public ActionAdvisor(Catalog catalog, Pricing pricing, ShopValues values) {
        this.catalog = catalog;
        this.pricing = pricing;
        this.values = values;
    }

    /** The actions of the license under the context. */
    public AvailableActions actions(License license, QuoteContext context) {
        CurrentLicense current = CurrentLicense.of(license);
        return values.actions(
                license.id(),
                first(Action.RENEW, renewals(current), context),
                first(Action.EXTEND, List.of(extension(current)), context),
                changes(current, context),
                first(Action.CONVERT_TRIAL, conversions(current), context));
    }

    /** The smallest conversions of a trial: its seats, 1, 2 or 3 years, no programme. */
    public static List<QuoteRequest> conversions(CurrentLicense current) {
        List<QuoteRequest> requests = new ArrayList<>();
        for (int years : RENEWAL_YEARS) {
            requests.add(TrialConversionRequest.builder()
                    .license(current)
                    .seats(current.seats())
                    .years(years)
                    .build());
        }
        return requests;
    }

    /** The smallest renewals: same seats, 1, 2 or 3 years. */
    public static List<QuoteRequest> renewals(CurrentLicense current) {
        List<QuoteRequest> requests = new ArrayList<>();
        for (int years : RENEWAL_YEARS) {
            requests.add(renewal(current, years));
        }
        return requests;
    }

    /** A renewal of the license with its seats for the years. */
    public static QuoteRequest renewal(CurrentLicense current, int years) {
        return RenewalRequest.builder()
                .license(current)
                .seats(current.seats())
                .years(years)
                .build();
    }

    /** The smallest extension: one seat more, no years. */
    public static QuoteRequest extension(CurrentLicense current) {
        return RenewalRequest.builder()
                .license(current)
                .seats(current.seats() + 1)
                .years(0)
                .build();
    }

    /** The smallest changes to one target: at least the current seats and the target's minimum, 1 to 3 years. */
    public List<QuoteRequest> changes(CurrentLicense current, String target) {
        int seats = Math.max(
                current.seats(), catalog.product(target).map(Product::minSeats).orElse(current.seats()));
        List<QuoteRequest> requests = new ArrayList<>();
        for (int years : RENEWAL_YEARS) {
            requests.add(ProductChangeRequest.builder()
                    .license(current)
                    .targetProduct(target)
                    .seats(seats)
                    .years(years)
                    .build());
        }
        return requests;
    }

    private Option changes(CurrentLicense current, QuoteContext context) {
        List<String> targets = catalog.product(current.product())
                .map(product ->
                        product.changeTo().stream().map(ProductCode::value).toList())
                .orElse(List.of());
        if (targets.isEmpty()) {
            return refused(
                    Action.CHANGE_PRODUCT,
                    List.of(Violation.withKey(
                            ViolationCode.PRODUCT_CHANGE_NOT_OFFERED,
                            "PRODUCT_CHANGE_NOT_OFFERED.none",
                            "targetProduct",
                            current.product())));
        }
        Optional<QuoteRequest> example = Optional.empty();
        List<ProductCode> allowed = new ArrayList<>();
        List<Violation> firstRefusal = List.of();
        for (String target : targets) {
            Option option = first(Action.CHANGE_PRODUCT, changes(current, target), context);
            if (option.applies()) {
                allowed.add(ProductCode.of(target));
                if (example.isEmpty()) {
                    example = option.example();
                }
            } else if (firstRefusal.isEmpty()) {
                firstRefusal = option.violations();
            }
        }
        return values.option(
                Action.CHANGE_PRODUCT, example.isPresent() ? List.of() : firstRefusal, example.orElse(null), allowed);
    }

    private Option first(Action action, List<QuoteRequest> candidates, QuoteContext context) {
        List<Violation> firstRefusal = List.of();
        for (QuoteRequest candidate : candidates) {
            QuoteResult result = pricing.quote(candidate, context);
            if (result instanceof QuoteResult.Accepted) {
                return values.option(action, List.of(), candidate, List.of());
            }
            if (firstRefusal.isEmpty()) {
                firstRefusal = ((QuoteResult.Rejected) result).violations();
            }
        }
        return refused(action, firstRefusal);
    }

    private Option refused(Action action, List<Violation> violations) {
        return values.option(action, violations, null, List.of());
    }
}
