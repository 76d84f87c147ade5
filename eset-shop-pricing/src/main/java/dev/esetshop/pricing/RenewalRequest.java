package dev.esetshop.pricing;

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
    static ImmutableRenewalRequest.Builder builder() {
        return ImmutableRenewalRequest.builder();
    }
}
