package dev.esetshop.testkit;

import java.util.List;
import org.immutables.value.Value;

/** A product the sandbox sells: its seat range, the trial lengths it allows and the products it may change to. */
@Value.Immutable
public abstract sealed class SandboxProduct permits ImmutableSandboxProduct {
    /** Only the generated implementation extends it. */
    SandboxProduct() {}

    /** The product code, such as {@code EESB}. */
    public abstract String code();

    /** The product's name as ESET calls it. */
    public abstract String name();

    /** The fewest seats of an order. */
    public abstract int minSeats();

    /** The most seats of an order. */
    public abstract int maxSeats();

    /** The trial lengths in months; empty when the product has no trial. */
    public abstract List<Integer> trialMonths();

    /** The codes of the products a license of this one may change to. */
    public abstract List<String> changeTo();

    /** A builder. */
    public static Builder builder() {
        return ImmutableSandboxProduct.builder();
    }

    /** ESET's business products as the conformance catalog has them: EAVB, EESB, ESBP, ESB, EMDS. */
    public static List<SandboxProduct> defaults() {
        return List.of(
                of("EAVB", "ESET Endpoint Antivirus", 5, 1000, List.of(1, 3), List.of("EESB", "ESB")),
                of("EESB", "ESET Endpoint Security", 5, 1000, List.of(1, 3), List.of("ESB")),
                of("ESBP", "ESET Small Business Security Pack", 5, 25, List.of(), List.of("ESB")),
                of("ESB", "ESET Secure Business", 5, 1000, List.of(1, 3), List.of()),
                of("EMDS", "ESET Multi-Device Security", 5, 10, List.of(1), List.of()));
    }

    private static SandboxProduct of(
            String code, String name, int minSeats, int maxSeats, List<Integer> trialMonths, List<String> changeTo) {
        return builder()
                .code(code)
                .name(name)
                .minSeats(minSeats)
                .maxSeats(maxSeats)
                .trialMonths(trialMonths)
                .changeTo(changeTo)
                .build();
    }

    /** Refuses inconsistent values when the value is built. */
    @Value.Check
    void check() {
        if (minSeats() < 1 || maxSeats() < minSeats()) {
            throw new IllegalArgumentException(
                    "product " + code() + " needs 1 <= minSeats <= maxSeats: " + minSeats() + ".." + maxSeats());
        }
        if (trialMonths().stream().anyMatch(months -> months < 1)) {
            throw new IllegalArgumentException("product " + code() + " has a trial length under one month");
        }
    }

    /** Collects the values of a {@link SandboxProduct}; {@link #build()} checks them. */
    public interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(SandboxProduct instance);

        /** Required. */
        Builder code(String code);

        /** Required. */
        Builder name(String name);

        /** Required; at least 1. */
        Builder minSeats(int minSeats);

        /** Required; at least the minimum. */
        Builder maxSeats(int maxSeats);

        /** Each at least 1. */
        Builder addTrialMonths(int element);

        /** Each at least 1. */
        Builder addTrialMonths(int... elements);

        /** Each at least 1. */
        Builder trialMonths(Iterable<Integer> elements);

        /** Each at least 1. */
        Builder addAllTrialMonths(Iterable<Integer> elements);

        Builder addChangeTo(String element);

        Builder addChangeTo(String... elements);

        Builder changeTo(Iterable<String> elements);

        Builder addAllChangeTo(Iterable<String> elements);

        /**
         * Builds the product; throws {@link IllegalStateException} when a required value is missing, {@link
         * IllegalArgumentException} when a value breaks its rule.
         */
        SandboxProduct build();
    }
}
