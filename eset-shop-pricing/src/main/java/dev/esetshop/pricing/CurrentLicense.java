package dev.esetshop.pricing;

import dev.esetshop.core.License;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** The license a renewal or product change starts from: what pricing needs to know of it. */
@Value.Immutable
public interface CurrentLicense {

    /** The license's product code. */
    String product();

    /** Its seats today. */
    int seats();

    /** Its last valid day. */
    LocalDate expires();

    /** The discount programme it was bought under; it applies again. */
    Optional<String> discount();

    /** True for a trial license. */
    @Value.Default
    default boolean trial() {
        return false;
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableCurrentLicense.builder();
    }

    /** The pricing view of a license from the license book. */
    static CurrentLicense of(License license) {
        return builder()
                .product(license.productCode().value())
                .seats(license.seats().count())
                .expires(license.expires())
                .discount(license.discount())
                .trial(license.trial())
                .build();
    }

    /** Collects the values of a {@link CurrentLicense}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(CurrentLicense instance);

        /**
         * Sets {@link CurrentLicense#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(String product);

        /**
         * Sets {@link CurrentLicense#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link CurrentLicense#expires()}.
         *
         * @param expires the value
         * @return this builder
         */
        Builder expires(LocalDate expires);

        /**
         * Sets {@link CurrentLicense#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(String discount);

        /**
         * Sets {@link CurrentLicense#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(Optional<String> discount);

        /**
         * Sets {@link CurrentLicense#trial()}.
         *
         * @param trial the value
         * @return this builder
         */
        Builder trial(boolean trial);

        /**
         * Builds the value.
         *
         * @return the CurrentLicense
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        CurrentLicense build();
    }
}
