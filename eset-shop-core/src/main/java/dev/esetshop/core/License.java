package dev.esetshop.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A license the reseller holds at ESET, with its end customer. The license key is a {@link Secret}. */
@Value.Immutable
public abstract sealed class License permits ImmutableLicense {
    /** Only the generated implementation extends it. */
    License() {}

    /** ESET's public license id. */
    public abstract LicenseId id();

    /** The license key, redacted in {@code toString()}. */
    @Value.Redacted
    public abstract Secret licenseKey();

    /** The product's code. */
    public abstract ProductCode productCode();

    /** The product's name as ESET calls it. */
    public abstract String productName();

    /** The seats the license covers. */
    public abstract Seats seats();

    /** The seats in use, as ESET last reported them. */
    public abstract int usedSeats();

    /** ESET's state of the license. */
    public abstract LicenseState state();

    /** True for a trial license. */
    public abstract boolean trial();

    /** The discount programme the license was bought under, if any (it applies again on renewal). */
    public abstract Optional<String> discount();

    /** The day the license was issued. */
    public abstract LocalDate issued();

    /** The last day the license is valid. */
    public abstract LocalDate expires();

    /** When ESET last changed the record. */
    public abstract Instant modified();

    /** The end customer. */
    public abstract EndCustomer customer();

    /**
     * ESET's number of the latest order this marketplace placed for the license (new, renewal, product change,
     * trial), as the license book keeps it; ESET's license list does not carry it, so a license only synced has none.
     */
    public abstract Optional<String> orderNumber();

    /** A builder; every value but the discount and the order number is required. */
    public static Builder builder() {
        return ImmutableLicense.builder();
    }

    @Value.Check
    void check() {
        if (usedSeats() < 0) {
            throw new IllegalArgumentException("usedSeats must not be negative: " + usedSeats());
        }
        if (expires().isBefore(issued())) {
            throw new IllegalArgumentException("license " + id() + " expires before it is issued");
        }
    }

    /** Collects the values of a {@link License}; {@link #build()} checks them. */
    public interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(License instance);

        /** Required. */
        Builder id(LicenseId id);

        /** Required. */
        Builder licenseKey(Secret licenseKey);

        /** Required. */
        Builder productCode(ProductCode productCode);

        /** Required. */
        Builder productName(String productName);

        /** Required. */
        Builder seats(Seats seats);

        /** Required; at least 0. */
        Builder usedSeats(int usedSeats);

        /** Required. */
        Builder state(LicenseState state);

        /** Required. */
        Builder trial(boolean trial);

        /** Optional: a license bought under no programme has none. */
        Builder discount(String discount);

        /** Required. */
        Builder issued(LocalDate issued);

        /** Required; not before {@link #issued(LocalDate)}. */
        Builder expires(LocalDate expires);

        /** Required. */
        Builder modified(Instant modified);

        /** Required. */
        Builder customer(EndCustomer customer);

        /** Optional: a license only synced from ESET has none. */
        Builder orderNumber(String orderNumber);

        /**
         * Builds the license; throws {@link IllegalStateException} when a required value is missing and
         * {@link IllegalArgumentException} when a rule is broken.
         */
        License build();
    }
}
