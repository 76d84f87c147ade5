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
public sealed interface TrialConversionRequest extends QuoteRequest permits ImmutableTrialConversionRequest {

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

    /**
     * Collects the values of a {@link TrialConversionRequest}. Only missing values fail {@link #build()}; the shop's
     * rules are checked when the request is quoted, and a request that breaks them gets violations.
     */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(TrialConversionRequest instance);

        /** Optional: the caller's id, echoed in the result. */
        Builder id(String id);

        /** Required: the paid license's seats, within the product's seat range. */
        Builder seats(int seats);

        /** Required: a trial license, expired no longer ago than the catalog's renewal window. */
        Builder license(CurrentLicense license);

        /** Required: at least 1, whole years from today that the catalog prices for the product. */
        Builder years(int years);

        /** Optional: a programme of the catalog; not together with a crossgrade. */
        Builder discount(String discount);

        /** Required when the programme asks for proof of entitlement. */
        Builder eligibilityCode(String eligibilityCode);

        /** Optional: not together with a discount programme. */
        Builder crossgrade(Crossgrade crossgrade);

        /**
         * Builds the value.
         *
         * @return the request
         * @throws IllegalStateException when a required value is missing
         */
        TrialConversionRequest build();
    }
}
