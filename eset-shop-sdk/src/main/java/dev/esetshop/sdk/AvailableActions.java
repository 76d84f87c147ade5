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
 * extend by seats, change product, or (for a trial, which allows none of those) convert it to a paid license; each
 * with whether it applies and, where not, the violations why.
 */
@Value.Immutable
public abstract sealed class AvailableActions permits ImmutableAvailableActions {
    /** Only the generated implementation extends it. */
    AvailableActions() {}

    /** An action on an existing license. */
    public enum Action {
        /** Renew by whole years. */
        RENEW,
        /** Add seats without adding years ({@code years} 0). */
        EXTEND,
        /** Change to another product. */
        CHANGE_PRODUCT,
        /** Turn a trial into a paid license under the same license id ({@code TRIAL_CONVERSION}). */
        CONVERT_TRIAL
    }

    /** The license. */
    public abstract LicenseId license();

    /** Renewal by years. */
    public abstract Option renew();

    /** Extension by seats. */
    public abstract Option extend();

    /** Change of product. */
    public abstract Option changeProduct();

    /** Conversion of a trial to a paid license; refused with {@code NOT_A_TRIAL} for a paid license. */
    public abstract Option convertTrial();

    /** The four options, in the order RENEW, EXTEND, CHANGE_PRODUCT, CONVERT_TRIAL. */
    public List<Option> all() {
        return List.of(renew(), extend(), changeProduct(), convertTrial());
    }

    /** One action: whether it applies and why not. */
    @Value.Immutable
    public abstract static sealed class Option permits ImmutableOption {
        /** Only the generated implementation extends it. */
        Option() {}

        /** The action. */
        public abstract Action action();

        /** The violations of the smallest request for the action; empty when it applies. */
        public abstract List<Violation> violations();

        /** A smallest request for the action that quotes accepted, as a starting point for the form. */
        public abstract Optional<QuoteRequest> example();

        /** For {@link Action#CHANGE_PRODUCT}: the products the license can change to today. */
        public abstract List<ProductCode> targets();

        /** True when the action applies today. */
        public boolean applies() {
            return violations().isEmpty();
        }

        @Value.Check
        void check() {
            if (violations().isEmpty() == example().isEmpty()) {
                throw new IllegalArgumentException("an action applies with an example, or is refused with violations");
            }
        }
    }
}
