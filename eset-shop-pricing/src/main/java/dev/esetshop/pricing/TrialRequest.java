package dev.esetshop.pricing;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.Operation;
import java.util.Optional;
import org.immutables.value.Value;

/** A free trial license of a product for some months. Discounts and crossgrades are refused on trials. */
@Value.Immutable
public sealed interface TrialRequest extends QuoteRequest permits ImmutableTrialRequest {

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

    /**
     * Collects the values of a {@link TrialRequest}. Only missing values fail {@link #build()}; the shop's rules are
     * checked when the request is quoted, and a request that breaks them gets violations.
     */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(TrialRequest instance);

        /** Optional: the caller's id, echoed in the result. */
        Builder id(String id);

        /** Required: at least 1, within the product's seat range. */
        Builder seats(int seats);

        /** Required: a product code of the catalog. */
        Builder product(String product);

        /** Required: one of the trial lengths the product offers. */
        Builder months(int months);

        /** Refused on a trial. */
        Builder discount(String discount);

        /** Refused on a trial. */
        Builder crossgrade(Crossgrade crossgrade);

        /**
         * Builds the value.
         *
         * @return the request
         * @throws IllegalStateException when a required value is missing
         */
        TrialRequest build();
    }
}
