package dev.esetshop.sdk;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Violation;
import dev.esetshop.pricing.QuoteRequest;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a reseller can do with a license today ({@link EsetShop#availableActions(dev.esetshop.core.License)}): renew,
 * extend by seats, change product; each with whether it applies and, where not, the violations why.
 */
@Value.Immutable
public interface AvailableActions {

    /** An action on an existing license. */
    enum Action {
        /** Renew by whole years. */
        RENEW,
        /** Add seats without adding years ({@code years} 0). */
        EXTEND,
        /** Change to another product. */
        CHANGE_PRODUCT
    }

    /** The license. */
    LicenseId license();

    /** Renewal by years. */
    Option renew();

    /** Extension by seats. */
    Option extend();

    /** Change of product. */
    Option changeProduct();

    /** The three options, in the order RENEW, EXTEND, CHANGE_PRODUCT. */
    default List<Option> all() {
        return List.of(renew(), extend(), changeProduct());
    }

    /** One action: whether it applies and why not. */
    @Value.Immutable
    interface Option {

        /** The action. */
        Action action();

        /** The violations of the smallest request for the action; empty when it applies. */
        List<Violation> violations();

        /** A smallest request for the action that quotes accepted, as a starting point for the form. */
        Optional<QuoteRequest> example();

        /** For {@link Action#CHANGE_PRODUCT}: the products the license can change to today. */
        List<ProductCode> targets();

        /** True when the action applies today. */
        default boolean applies() {
            return violations().isEmpty();
        }

        /** A builder. */
        static ImmutableOption.Builder builder() {
            return ImmutableOption.builder();
        }

        @Value.Check
        default void check() {
            if (violations().isEmpty() == example().isEmpty()) {
                throw new IllegalArgumentException("an action applies with an example, or is refused with violations");
            }
        }
    }

    /** A builder. */
    static ImmutableAvailableActions.Builder builder() {
        return ImmutableAvailableActions.builder();
    }
}
