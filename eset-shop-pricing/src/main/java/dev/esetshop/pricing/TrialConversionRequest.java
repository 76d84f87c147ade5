package dev.esetshop.pricing;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.Operation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A trial license turned into a paid license under the same license id: priced exactly as a {@link NewLicenseRequest}
 * of the trial's product, seats and years, with a discount programme or a crossgrade as for NEW (never both). The
 * license must be a trial ({@code NOT_A_TRIAL} otherwise) and still convertible, expired no longer ago than the
 * catalog's renewal window ({@code NOT_RENEWABLE} otherwise); the paid license expires today plus the years.
 */
@Value.Immutable
public non-sealed interface TrialConversionRequest extends QuoteRequest {

    /** The trial license converted; its product is the paid license's product. */
    CurrentLicense license();

    /** Whole years of the paid license, from today. */
    int years();

    /** The discount programme's code (GOV, EDU, STD, ...). */
    Optional<String> discount();

    /** The proof of entitlement for the programme. */
    Optional<String> eligibilityCode();

    /** The old license of a crossgrade. */
    Optional<Crossgrade> crossgrade();

    @Override
    default Operation operation() {
        return Operation.TRIAL_CONVERSION;
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableTrialConversionRequest.builder();
    }

    /** Collects the values of a {@link TrialConversionRequest}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(TrialConversionRequest instance);

        /**
         * Sets {@link TrialConversionRequest#id()}.
         *
         * @param id the caller's id, echoed in the result
         * @return this builder
         */
        Builder id(String id);

        /**
         * Sets {@link TrialConversionRequest#id()}.
         *
         * @param id the caller's id, echoed in the result, or empty
         * @return this builder
         */
        Builder id(Optional<String> id);

        /**
         * Sets {@link TrialConversionRequest#seats()}: required, the paid license's seats.
         *
         * @param seats the seats after the conversion
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link TrialConversionRequest#license()}: required.
         *
         * @param license the trial license
         * @return this builder
         */
        Builder license(CurrentLicense license);

        /**
         * Sets {@link TrialConversionRequest#years()}: required, at least 1.
         *
         * @param years whole years from today
         * @return this builder
         */
        Builder years(int years);

        /**
         * Sets {@link TrialConversionRequest#discount()}.
         *
         * @param discount the programme's code
         * @return this builder
         */
        Builder discount(String discount);

        /**
         * Sets {@link TrialConversionRequest#discount()}.
         *
         * @param discount the programme's code, or empty
         * @return this builder
         */
        Builder discount(Optional<String> discount);

        /**
         * Sets {@link TrialConversionRequest#eligibilityCode()}.
         *
         * @param eligibilityCode the proof of entitlement
         * @return this builder
         */
        Builder eligibilityCode(String eligibilityCode);

        /**
         * Sets {@link TrialConversionRequest#eligibilityCode()}.
         *
         * @param eligibilityCode the proof of entitlement, or empty
         * @return this builder
         */
        Builder eligibilityCode(Optional<String> eligibilityCode);

        /**
         * Sets {@link TrialConversionRequest#crossgrade()}.
         *
         * @param crossgrade the old license of a crossgrade
         * @return this builder
         */
        Builder crossgrade(Crossgrade crossgrade);

        /**
         * Sets {@link TrialConversionRequest#crossgrade()}.
         *
         * @param crossgrade the old license of a crossgrade, or empty
         * @return this builder
         */
        Builder crossgrade(Optional<? extends Crossgrade> crossgrade);

        /**
         * Builds the value.
         *
         * @return the TrialConversionRequest
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        TrialConversionRequest build();
    }
}
