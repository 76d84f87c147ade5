package dev.esetshop.pricing;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.Operation;
import java.util.Optional;
import org.immutables.value.Value;

/** A new license: product, seats, years, and either a discount programme or a crossgrade. */
@Value.Immutable
public non-sealed interface NewLicenseRequest extends QuoteRequest {

    /** The product code. */
    String product();

    /** Whole years. */
    int years();

    /** The discount programme's code (GOV, EDU, STD, ...). */
    Optional<String> discount();

    /** The proof of entitlement for the programme. */
    Optional<String> eligibilityCode();

    /** The old license of a crossgrade. */
    Optional<Crossgrade> crossgrade();

    @Override
    default Operation operation() {
        return Operation.NEW;
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableNewLicenseRequest.builder();
    }

    /** Collects the values of a {@link NewLicenseRequest}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(NewLicenseRequest instance);

        /**
         * Sets {@link NewLicenseRequest#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(String id);

        /**
         * Sets {@link NewLicenseRequest#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(Optional<String> id);

        /**
         * Sets {@link NewLicenseRequest#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link NewLicenseRequest#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(String product);

        /**
         * Sets {@link NewLicenseRequest#years()}.
         *
         * @param years the value
         * @return this builder
         */
        Builder years(int years);

        /**
         * Sets {@link NewLicenseRequest#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(String discount);

        /**
         * Sets {@link NewLicenseRequest#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(Optional<String> discount);

        /**
         * Sets {@link NewLicenseRequest#eligibilityCode()}.
         *
         * @param eligibilityCode the value
         * @return this builder
         */
        Builder eligibilityCode(String eligibilityCode);

        /**
         * Sets {@link NewLicenseRequest#eligibilityCode()}.
         *
         * @param eligibilityCode the value
         * @return this builder
         */
        Builder eligibilityCode(Optional<String> eligibilityCode);

        /**
         * Sets {@link NewLicenseRequest#crossgrade()}.
         *
         * @param crossgrade the value
         * @return this builder
         */
        Builder crossgrade(Crossgrade crossgrade);

        /**
         * Sets {@link NewLicenseRequest#crossgrade()}.
         *
         * @param crossgrade the value
         * @return this builder
         */
        Builder crossgrade(Optional<? extends Crossgrade> crossgrade);

        /**
         * Builds the value.
         *
         * @return the NewLicenseRequest
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        NewLicenseRequest build();
    }
}
