package dev.esetshop.core;

import java.math.BigDecimal;
import org.immutables.value.Value;

/** A discount programme of the price list (GOV, EDU, STD, a promotion): a rate off the list price. */
@Value.Immutable
public interface DiscountProgramme {

    /** The programme's code, such as {@code GOV}. */
    String code();

    /** The programme's name for screens. */
    String name();

    /** The share taken off the list price, in [0, 1). */
    BigDecimal rate();

    /** True when an order under the programme needs an eligibility code (the proof of entitlement). */
    boolean eligibilityRequired();

    /** A builder. */
    static ImmutableDiscountProgramme.Builder builder() {
        return ImmutableDiscountProgramme.builder();
    }

    @Value.Check
    default void check() {
        if (rate().signum() < 0 || rate().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("discount rate of " + code() + " must be in [0, 1): " + rate());
        }
    }
}
