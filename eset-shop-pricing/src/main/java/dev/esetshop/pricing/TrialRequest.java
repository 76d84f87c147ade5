package dev.esetshop.pricing;

import dev.esetshop.core.Crossgrade;
import java.util.Optional;
import org.immutables.value.Value;

/** A free trial license of a product for some months. Discounts and crossgrades are refused on trials. */
@Value.Immutable
public non-sealed interface TrialRequest extends QuoteRequest {

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
    static ImmutableTrialRequest.Builder builder() {
        return ImmutableTrialRequest.builder();
    }
}
