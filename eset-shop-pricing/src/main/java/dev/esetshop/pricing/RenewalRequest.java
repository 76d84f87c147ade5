package dev.esetshop.pricing;

import dev.esetshop.core.Operation;
import org.immutables.value.Value;

/** Renewal by whole years and/or extension by seats of an existing license. */
@Value.Immutable
public sealed interface RenewalRequest extends QuoteRequest permits ImmutableRenewalRequest {

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

    /**
     * Collects the values of a {@link RenewalRequest}. Only missing values fail {@link #build()}; the shop's rules
     * are checked when the request is quoted, and a request that breaks them gets violations.
     */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(RenewalRequest instance);

        /** Optional: the caller's id, echoed in the result. */
        Builder id(String id);

        /** Required: the seats after the operation, at least the license's; more add an extension line. */
        Builder seats(int seats);

        /** Required: not a trial, expired no longer ago than the catalog's renewal window. */
        Builder license(CurrentLicense license);

        /** Required: 0 for an extension only (then more seats than the license's), or a period the catalog prices. */
        Builder years(int years);

        /**
         * Builds the value.
         *
         * @return the request
         * @throws IllegalStateException when a required value is missing
         */
        RenewalRequest build();
    }
}
