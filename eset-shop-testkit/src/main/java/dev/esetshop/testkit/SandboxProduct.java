package dev.esetshop.testkit;

import java.util.List;
import org.immutables.value.Value;

/** A product the sandbox sells: its seat range, the trial lengths it allows and the products it may change to. */
@Value.Immutable
public interface SandboxProduct {

    /** The product code, such as {@code EESB}. */
    String code();

    /** The product's name as ESET calls it. */
    String name();

    /** The fewest seats of an order. */
    int minSeats();

    /** The most seats of an order. */
    int maxSeats();

    /** The trial lengths in months; empty when the product has no trial. */
    List<Integer> trialMonths();

    /** The codes of the products a license of this one may change to. */
    List<String> changeTo();

    /** A builder. */
    static ImmutableSandboxProduct.Builder builder() {
        return ImmutableSandboxProduct.builder();
    }

    /** ESET's business products as the conformance catalog has them: EAVB, EESB, ESBP, ESB, EMDS. */
    static List<SandboxProduct> defaults() {
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
    default void check() {
        if (minSeats() < 1 || maxSeats() < minSeats()) {
            throw new IllegalArgumentException(
                    "product " + code() + " needs 1 <= minSeats <= maxSeats: " + minSeats() + ".." + maxSeats());
        }
        if (trialMonths().stream().anyMatch(months -> months < 1)) {
            throw new IllegalArgumentException("product " + code() + " has a trial length under one month");
        }
    }
}
