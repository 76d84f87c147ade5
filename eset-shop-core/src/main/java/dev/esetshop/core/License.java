package dev.esetshop.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A license the reseller holds at ESET, with its end customer. The license key is a {@link Secret}. */
@Value.Immutable
public abstract class License {
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

    /** A builder; every field but the discount is required. */
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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(License instance);

        /**
         * Sets {@link License#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(LicenseId id);

        /**
         * Sets {@link License#licenseKey()}.
         *
         * @param licenseKey the value
         * @return this builder
         */
        Builder licenseKey(Secret licenseKey);

        /**
         * Sets {@link License#productCode()}.
         *
         * @param productCode the value
         * @return this builder
         */
        Builder productCode(ProductCode productCode);

        /**
         * Sets {@link License#productName()}.
         *
         * @param productName the value
         * @return this builder
         */
        Builder productName(String productName);

        /**
         * Sets {@link License#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(Seats seats);

        /**
         * Sets {@link License#usedSeats()}.
         *
         * @param usedSeats the value
         * @return this builder
         */
        Builder usedSeats(int usedSeats);

        /**
         * Sets {@link License#state()}.
         *
         * @param state the value
         * @return this builder
         */
        Builder state(LicenseState state);

        /**
         * Sets {@link License#trial()}.
         *
         * @param trial the value
         * @return this builder
         */
        Builder trial(boolean trial);

        /**
         * Sets {@link License#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(String discount);

        /**
         * Sets {@link License#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(Optional<String> discount);

        /**
         * Sets {@link License#issued()}.
         *
         * @param issued the value
         * @return this builder
         */
        Builder issued(LocalDate issued);

        /**
         * Sets {@link License#expires()}.
         *
         * @param expires the value
         * @return this builder
         */
        Builder expires(LocalDate expires);

        /**
         * Sets {@link License#modified()}.
         *
         * @param modified the value
         * @return this builder
         */
        Builder modified(Instant modified);

        /**
         * Sets {@link License#customer()}.
         *
         * @param customer the value
         * @return this builder
         */
        Builder customer(EndCustomer customer);

        /**
         * Sets {@link License#orderNumber()}.
         *
         * @param orderNumber the value
         * @return this builder
         */
        Builder orderNumber(String orderNumber);

        /**
         * Sets {@link License#orderNumber()}.
         *
         * @param orderNumber the value
         * @return this builder
         */
        Builder orderNumber(Optional<String> orderNumber);

        /**
         * Builds the value.
         *
         * @return the License
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        License build();
    }
}
