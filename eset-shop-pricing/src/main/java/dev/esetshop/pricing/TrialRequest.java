package dev.esetshop.pricing;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.Operation;
import java.util.Optional;
import org.immutables.value.Value;

/** A free trial license of a product for some months. Discounts and crossgrades are refused on trials. */
@Value.Immutable
public non-sealed interface TrialRequest extends QuoteRequest {

    /** The product code. */
    String product();

    /** The trial length in months. */
    int months();

    /** Always refused on a trial; kept so the refusal can name it. */
    Optional<String> discount();

    /** Always refused on a trial; kept so the refusal can name it. */
    Optional<Crossgrade> crossgrade();

    @Override
    default Operation operation() {
        return Operation.TRIAL;
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableTrialRequest.builder();
    }

    /** Collects the values of a {@link TrialRequest}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(TrialRequest instance);

        /**
         * Sets {@link TrialRequest#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(String id);

        /**
         * Sets {@link TrialRequest#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(Optional<String> id);

        /**
         * Sets {@link TrialRequest#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link TrialRequest#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(String product);

        /**
         * Sets {@link TrialRequest#months()}.
         *
         * @param months the value
         * @return this builder
         */
        Builder months(int months);

        /**
         * Sets {@link TrialRequest#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(String discount);

        /**
         * Sets {@link TrialRequest#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(Optional<String> discount);

        /**
         * Sets {@link TrialRequest#crossgrade()}.
         *
         * @param crossgrade the value
         * @return this builder
         */
        Builder crossgrade(Crossgrade crossgrade);

        /**
         * Sets {@link TrialRequest#crossgrade()}.
         *
         * @param crossgrade the value
         * @return this builder
         */
        Builder crossgrade(Optional<? extends Crossgrade> crossgrade);

        /**
         * Builds the value.
         *
         * @return the TrialRequest
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        TrialRequest build();
    }
}
