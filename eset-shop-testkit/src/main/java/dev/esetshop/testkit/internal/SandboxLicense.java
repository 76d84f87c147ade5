package dev.esetshop.testkit.internal;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A license as the sandbox keeps it. A malformed record keeps valid data and breaks one field only on the wire, so
 * orders on it still work.
 */
public record SandboxLicense(
        String publicLicenseId,
        Secret licenseKey,
        String productCode,
        String productName,
        int seats,
        int usedSeats,
        String state,
        boolean trial,
        Optional<String> discount,
        LocalDate issued,
        LocalDate expires,
        Instant modified,
        EndCustomer customer,
        Optional<Malformation> malformation) {

    /** The field a malformed record breaks on the wire. */
    public enum Malformation {
        /** {@code "expires": "not-a-date"}. */
        EXPIRES_NOT_A_DATE,
        /** No {@code customer}. */
        CUSTOMER_MISSING,
        /** {@code "seats": "many"}. */
        SEATS_NOT_A_NUMBER
    }

    public SandboxLicense {
        Objects.requireNonNull(publicLicenseId, "publicLicenseId");
        Objects.requireNonNull(licenseKey, "licenseKey");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(malformation, "malformation");
        if (expires.isBefore(issued) || usedSeats > seats || usedSeats < 0 || seats < 1) {
            throw new IllegalArgumentException("inconsistent sandbox license " + publicLicenseId);
        }
    }

    SandboxLicense withOrder(
            String newProductCode, String newProductName, int newSeats, LocalDate newExpires, Instant now) {
        return new SandboxLicense(
                publicLicenseId,
                licenseKey,
                newProductCode,
                newProductName,
                newSeats,
                Math.min(usedSeats, newSeats),
                "NORMAL",
                false,
                discount,
                issued,
                newExpires,
                now,
                customer,
                malformation);
    }

    /** The trial as the paid license a conversion makes of it: same id, key, product, issue date and customer. */
    SandboxLicense converted(int newSeats, @Nullable String newDiscount, LocalDate newExpires, Instant now) {
        return new SandboxLicense(
                publicLicenseId,
                licenseKey,
                productCode,
                productName,
                newSeats,
                Math.min(usedSeats, newSeats),
                "NORMAL",
                false,
                Optional.ofNullable(newDiscount),
                issued,
                newExpires,
                now,
                customer,
                malformation);
    }

    /** The license in the SDK's vocabulary; empty for a malformed record (a client would quarantine it). */
    public Optional<License> toLicense() {
        if (malformation.isPresent()) {
            return Optional.empty();
        }
        License.Builder license = License.builder()
                .id(LicenseId.of(publicLicenseId))
                .licenseKey(licenseKey)
                .productCode(ProductCode.of(productCode))
                .productName(productName)
                .seats(Seats.of(seats))
                .usedSeats(usedSeats)
                .state(LicenseState.of(state))
                .trial(trial)
                .issued(issued)
                .expires(expires)
                .modified(modified)
                .customer(customer);
        discount.ifPresent(license::discount);
        return Optional.of(license.build());
    }
}
