package dev.esetshop.sdk.remind;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The licenses due for a renewal reminder today: those with a renewal quote, and those whose renewal cannot be quoted
 * (reported with the violations, never thrown, so one license does not hold back the others' reminders).
 *
 * @param reminders the due reminders with their quotes, sorted by expiry, then license id
 * @param notQuoted the due licenses whose renewal could not be quoted
 */
public record RemindersDue(List<RenewalReminder> reminders, List<NotQuoted> notQuoted) {

    /** Copies the lists. */
    public RemindersDue {
        reminders = List.copyOf(reminders);
        notQuoted = List.copyOf(notQuoted);
    }

    /**
     * A due license whose renewal could not be quoted (its product left the catalog, no price row for its seats):
     * no reminder goes out for it.
     *
     * @param licenseId the license
     * @param expires its expiration
     * @param window the reminder window it is in
     * @param violations why its renewal cannot be quoted
     */
    public record NotQuoted(LicenseId licenseId, LocalDate expires, int window, List<Violation> violations) {

        /** Checks the values and copies the violations. */
        public NotQuoted {
            Objects.requireNonNull(licenseId, "licenseId");
            Objects.requireNonNull(expires, "expires");
            violations = List.copyOf(violations);
        }
    }
}
