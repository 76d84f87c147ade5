package dev.esetshop.pricing;

import dev.esetshop.core.Crossgrade;
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
    static ImmutableNewLicenseRequest.Builder builder() {
        return ImmutableNewLicenseRequest.builder();
    }
}
