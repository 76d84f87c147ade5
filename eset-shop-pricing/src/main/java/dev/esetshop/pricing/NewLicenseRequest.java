package dev.esetshop.pricing;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.Operation;
import java.util.Optional;
import org.immutables.value.Value;

/** A new license: product, seats, years, and either a discount programme or a crossgrade. */
@Value.Immutable
public sealed interface NewLicenseRequest extends QuoteRequest permits ImmutableNewLicenseRequest {

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

    /**
     * Collects the values of a {@link NewLicenseRequest}. Only missing values fail {@link #build()}; the shop's rules
     * are checked when the request is quoted, and a request that breaks them gets violations.
     */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(NewLicenseRequest instance);

        /** Optional: the caller's id, echoed in the result. */
        Builder id(String id);

        /** Required: at least 1, within the product's seat range. */
        Builder seats(int seats);

        /** Required: a product code of the catalog. */
        Builder product(String product);

        /** Required: at least 1, a period the catalog prices for the product. */
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
        NewLicenseRequest build();
    }
}
