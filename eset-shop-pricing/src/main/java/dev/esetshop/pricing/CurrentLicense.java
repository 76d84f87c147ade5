package dev.esetshop.pricing;

import dev.esetshop.core.License;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** The license a renewal or product change starts from: what pricing needs to know of it. */
@Value.Immutable
public sealed interface CurrentLicense permits ImmutableCurrentLicense {

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
        Builder builder = builder()
                .product(license.productCode().value())
                .seats(license.seats().count())
                .expires(license.expires())
                .trial(license.trial());
        license.discount().ifPresent(builder::discount);
        return builder.build();
    }

    /**
     * Collects the values of a {@link CurrentLicense}. Only missing values fail {@link #build()}; the shop's rules
     * are checked when a request with the license is quoted.
     */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(CurrentLicense instance);

        /** Required: the license's product code. */
        Builder product(String product);

        /** Required: at least 1. */
        Builder seats(int seats);

        /** Required. */
        Builder expires(LocalDate expires);

        /** Optional: a programme of the catalog. */
        Builder discount(String discount);

        /** Default false. */
        Builder trial(boolean trial);

        /**
         * Builds the value.
         *
         * @return the license
         * @throws IllegalStateException when a required value is missing
         */
        CurrentLicense build();
    }
}
