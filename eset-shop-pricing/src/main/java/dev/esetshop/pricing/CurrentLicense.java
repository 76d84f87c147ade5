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
    static ImmutableCurrentLicense.Builder builder() {
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
}
