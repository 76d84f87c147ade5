package dev.esetshop.core;

import java.time.LocalDate;
import org.immutables.value.Value;

/** The old license (another product or vendor) a crossgrade replaces, with the proof that it exists. */
@Value.Immutable
public interface Crossgrade {

    /** The old license's seats. */
    int seats();

    /** The old license's last valid day. */
    LocalDate expires();

    /** The proof reference (an invoice number, a license id); blank means no proof. */
    String proof();

    /** A crossgrade. */
    static Crossgrade of(int seats, LocalDate expires, String proof) {
        return ImmutableCrossgrade.builder()
                .seats(seats)
                .expires(expires)
                .proof(proof)
                .build();
    }
}
