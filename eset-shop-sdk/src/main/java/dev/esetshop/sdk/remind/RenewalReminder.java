package dev.esetshop.sdk.remind;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.pricing.Quote;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A license due for a renewal reminder, with its renewal quote (same seats, one year, today's catalog and margin).
 * A reminder holds no license key. Redelivered (after a listener failed, or a shop stopped before the reminder was
 * recorded delivered) with the same {@link #eventId()}, so a listener can drop duplicates.
 *
 * @param eventId a stable id for de-duplication, derived from the license id, its expiry and the window
 * @param licenseId the license's public id
 * @param product the license's product
 * @param productName the product's name
 * @param seats the license's seats (the renewal quote's seats)
 * @param expires the license's expiration
 * @param window the reminder window the license is in: the smallest configured number of days before expiry that
 *     its expiry falls within
 * @param daysLeft the days from today to the expiration (0 when it expires today)
 * @param customer the end customer
 * @param quote the renewal quote: one year, same seats, priced today
 */
public record RenewalReminder(
        String eventId,
        LicenseId licenseId,
        ProductCode product,
        String productName,
        int seats,
        LocalDate expires,
        int window,
        int daysLeft,
        EndCustomer customer,
        Quote quote) {

    /** Checks that no value is missing. */
    public RenewalReminder {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(licenseId, "licenseId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(quote, "quote");
    }

    /**
     * The event id of the reminder for a license expiring on a day, in a window: a name-based UUID, so every delivery
     * of the same reminder, before or after a restart and on any instance, carries the same id, while the license's
     * next expiry (after a renewal) gets reminders of its own.
     *
     * @param licenseId the license
     * @param expires its expiration
     * @param window the reminder window in days
     * @return the event id
     */
    public static String eventIdFor(LicenseId licenseId, LocalDate expires, int window) {
        Objects.requireNonNull(licenseId, "licenseId");
        Objects.requireNonNull(expires, "expires");
        String name = "eset-shop/renewal-reminder/" + licenseId.value() + "/" + expires + "/" + window;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
