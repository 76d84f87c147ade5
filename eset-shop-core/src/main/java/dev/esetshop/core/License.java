package dev.esetshop.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A license the reseller holds at ESET, with its end customer. The license key is a {@link Secret}. */
@Value.Immutable
public interface License {

    /** ESET's public license id. */
    LicenseId id();

    /** The license key, redacted in {@code toString()}. */
    @Value.Redacted
    Secret licenseKey();

    /** The product's code. */
    ProductCode productCode();

    /** The product's name as ESET calls it. */
    String productName();

    /** The seats the license covers. */
    Seats seats();

    /** The seats in use, as ESET last reported them. */
    int usedSeats();

    /** ESET's state of the license. */
    LicenseState state();

    /** True for a trial license. */
    boolean trial();

    /** The discount programme the license was bought under, if any (it applies again on renewal). */
    Optional<String> discount();

    /** The day the license was issued. */
    LocalDate issued();

    /** The last day the license is valid. */
    LocalDate expires();

    /** When ESET last changed the record. */
    Instant modified();

    /** The end customer. */
    EndCustomer customer();

    /**
     * ESET's number of the latest order this marketplace placed for the license (new, renewal, product change,
     * trial), as the license book keeps it; ESET's license list does not carry it, so a license only synced has none.
     */
    Optional<String> orderNumber();

    /** A builder; every field but the discount is required. */
    static ImmutableLicense.Builder builder() {
        return ImmutableLicense.builder();
    }

    @Value.Check
    default void check() {
        if (usedSeats() < 0) {
            throw new IllegalArgumentException("usedSeats must not be negative: " + usedSeats());
        }
        if (expires().isBefore(issued())) {
            throw new IllegalArgumentException("license " + id() + " expires before it is issued");
        }
    }
}
