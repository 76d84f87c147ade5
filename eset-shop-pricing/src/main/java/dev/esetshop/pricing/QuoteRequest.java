package dev.esetshop.pricing;

import dev.esetshop.core.Operation;
import java.util.Optional;

/**
 * What a reseller asks a price for: one of the five operations of the shop. Requests only hold what was asked;
 * every rule (seat ranges, windows, programmes) is checked by {@link Pricing#quote(QuoteRequest, QuoteContext)},
 * which answers a bad request with violations, never with an exception.
 */
public sealed interface QuoteRequest
        permits NewLicenseRequest, RenewalRequest, ProductChangeRequest, TrialRequest, TrialConversionRequest {

    /** The caller's id for the request, echoed in the result. */
    Optional<String> id();

    /** The seat count after the operation. */
    int seats();

    /** The operation. */
    Operation operation();
}
