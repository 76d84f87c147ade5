package dev.esetshop.pricing;

import dev.esetshop.core.Operation;
import java.util.Optional;
import org.immutables.value.Value;

/** Renewal by whole years and/or extension by seats of an existing license. */
@Value.Immutable
public non-sealed interface RenewalRequest extends QuoteRequest {

    /** The license renewed. */
    CurrentLicense license();

    /** Years added: 0 (extension only), 1, 2 or 3. */
    int years();

    @Override
    default Operation operation() {
        return Operation.RENEWAL;
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableRenewalRequest.builder();
    }

    /** Collects the values of a {@link RenewalRequest}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(RenewalRequest instance);

        /**
         * Sets {@link RenewalRequest#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(String id);

        /**
         * Sets {@link RenewalRequest#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(Optional<String> id);

        /**
         * Sets {@link RenewalRequest#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link RenewalRequest#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(CurrentLicense license);

        /**
         * Sets {@link RenewalRequest#years()}.
         *
         * @param years the value
         * @return this builder
         */
        Builder years(int years);

        /**
         * Builds the value.
         *
         * @return the RenewalRequest
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        RenewalRequest build();
    }
}
