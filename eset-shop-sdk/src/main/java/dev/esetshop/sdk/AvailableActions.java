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
public abstract class AvailableActions {
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
    public abstract static class Option {
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

        /** A builder. */
        public static Builder builder() {
            return ImmutableOption.builder();
        }

        @Value.Check
        void check() {
            if (violations().isEmpty() == example().isEmpty()) {
                throw new IllegalArgumentException("an action applies with an example, or is refused with violations");
            }
        }

        /** Collects the values of a {@link Option}; {@link #build()} checks them. */
        public interface Builder {

            /**
             * Sets {@link Option#action()}.
             *
             * @param action the value
             * @return this builder
             */
            Builder action(AvailableActions.Action action);

            /**
             * Adds to {@link Option#violations()}.
             *
             * @param element the element
             * @return this builder
             */
            Builder addViolations(Violation element);

            /**
             * Adds to {@link Option#violations()}.
             *
             * @param elements the elements
             * @return this builder
             */
            Builder addViolations(Violation... elements);

            /**
             * Sets {@link Option#violations()}.
             *
             * @param elements the elements
             * @return this builder
             */
            Builder violations(Iterable<? extends Violation> elements);

            /**
             * Adds to {@link Option#violations()}.
             *
             * @param elements the elements
             * @return this builder
             */
            Builder addAllViolations(Iterable<? extends Violation> elements);

            /**
             * Sets {@link Option#example()}.
             *
             * @param example the value
             * @return this builder
             */
            Builder example(QuoteRequest example);

            /**
             * Sets {@link Option#example()}.
             *
             * @param example the value
             * @return this builder
             */
            Builder example(Optional<? extends QuoteRequest> example);

            /**
             * Adds to {@link Option#targets()}.
             *
             * @param element the element
             * @return this builder
             */
            Builder addTargets(ProductCode element);

            /**
             * Adds to {@link Option#targets()}.
             *
             * @param elements the elements
             * @return this builder
             */
            Builder addTargets(ProductCode... elements);

            /**
             * Sets {@link Option#targets()}.
             *
             * @param elements the elements
             * @return this builder
             */
            Builder targets(Iterable<? extends ProductCode> elements);

            /**
             * Adds to {@link Option#targets()}.
             *
             * @param elements the elements
             * @return this builder
             */
            Builder addAllTargets(Iterable<? extends ProductCode> elements);

            /**
             * Builds the value.
             *
             * @return the Option
             * @throws IllegalStateException when a required value is missing
             * @throws IllegalArgumentException when the values are not valid together
             */
            Option build();
        }
    }

    /** A builder. */
    public static Builder builder() {
        return ImmutableAvailableActions.builder();
    }

    /** Collects the values of a {@link AvailableActions}; {@link #build()} checks them. */
    public interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(AvailableActions instance);

        /**
         * Sets {@link AvailableActions#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(LicenseId license);

        /**
         * Sets {@link AvailableActions#renew()}.
         *
         * @param renew the value
         * @return this builder
         */
        Builder renew(AvailableActions.Option renew);

        /**
         * Sets {@link AvailableActions#extend()}.
         *
         * @param extend the value
         * @return this builder
         */
        Builder extend(AvailableActions.Option extend);

        /**
         * Sets {@link AvailableActions#changeProduct()}.
         *
         * @param changeProduct the value
         * @return this builder
         */
        Builder changeProduct(AvailableActions.Option changeProduct);

        /**
         * Sets {@link AvailableActions#convertTrial()}.
         *
         * @param convertTrial the value
         * @return this builder
         */
        Builder convertTrial(AvailableActions.Option convertTrial);

        /**
         * Builds the value.
         *
         * @return the AvailableActions
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        AvailableActions build();
    }
}
