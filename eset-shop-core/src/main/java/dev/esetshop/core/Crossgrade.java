package dev.esetshop.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The old license (another product or vendor) a crossgrade replaces, with the proof that it exists. Whether its
 * values allow the crossgrade is a rule of the price list, checked when quoting.
 *
 * @param seats the old license's seats
 * @param expires the old license's last valid day
 * @param proof the proof reference (an invoice number, a license id); blank means no proof
 */
public record Crossgrade(int seats, LocalDate expires, String proof) {

    /** A crossgrade. */
    public Crossgrade {
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(proof, "proof");
    }

    /** A crossgrade; see {@link #Crossgrade(int, LocalDate, String)}. */
    public static Crossgrade of(int seats, LocalDate expires, String proof) {
        return new Crossgrade(seats, expires, proof);
    }
}
