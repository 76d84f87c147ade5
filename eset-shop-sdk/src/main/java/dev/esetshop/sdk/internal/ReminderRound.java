package dev.esetshop.sdk.internal;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.sdk.remind.ReminderJournal;
import dev.esetshop.sdk.remind.ReminderReport;
import dev.esetshop.sdk.remind.RemindersDue;
import dev.esetshop.sdk.remind.RenewalReminder;
import dev.esetshop.sdk.remind.RenewalReminderListener;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renewal reminders of one shop: which licenses are due (the smallest window their expiry falls within), each with
 * its renewal quote, and a round that claims the due reminders in the reminder journal, tells every listener once
 * with all of them, and marks them delivered only after every listener returned. A listener that throws makes the
 * round release its claims, so the next round delivers the same reminders (same event ids) again; a reminder marked
 * delivered is never claimed again, and a claim held by another shop keeps this one out.
 */
public final class ReminderRound {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderRound.class);

    private final ReminderJournal journal;
    private final List<RenewalReminderListener> listeners;
    private final List<Integer> windows;
    private final Clock clock;
    private final String owner;
    private final Duration lease;

    /**
     * A round's machinery.
     *
     * @param windows the reminder windows in days before expiry, ascending, positive, distinct
     */
    /** True when some listener takes the reminders: without one, nothing may be recorded delivered. */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    public ReminderRound(
            ReminderJournal journal,
            List<RenewalReminderListener> listeners,
            List<Integer> windows,
            Clock clock,
            String owner,
            Duration lease) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.listeners = List.copyOf(listeners);
        this.windows = List.copyOf(windows);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.lease = ClaimLeases.requirePositive("the reminder claim lease", lease);
    }

    /** The largest window: no license expiring later than today plus this is due. */
    public int largestWindow() {
        return windows.get(windows.size() - 1);
    }

    /** The smallest window the license's expiry falls within today, empty when none (or it has expired). */
    public OptionalInt window(License license, LocalDate today) {
        if (license.trial() || license.expires().isBefore(today)) {
            return OptionalInt.empty();
        }
        long daysLeft = ChronoUnit.DAYS.between(today, license.expires());
        for (int window : windows) {
            if (daysLeft <= window) {
                return OptionalInt.of(window);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The due reminders among the candidates, each with its renewal quote (one year, same seats); a license whose
     * renewal cannot be quoted is reported, not thrown.
     */
    public RemindersDue due(List<License> candidates, LocalDate today, Function<QuoteRequest, QuoteResult> quotes) {
        List<RenewalReminder> reminders = new ArrayList<>();
        List<RemindersDue.NotQuoted> notQuoted = new ArrayList<>();
        for (License license : candidates) {
            OptionalInt window = window(license, today);
            if (window.isEmpty()) {
                continue;
            }
            CurrentLicense current = CurrentLicense.of(license);
            QuoteResult quoted = quotes.apply(RenewalRequest.builder()
                    .license(current)
                    .seats(current.seats())
                    .years(1)
                    .build());
            if (quoted instanceof QuoteResult.Accepted accepted) {
                reminders.add(new RenewalReminder(
                        RenewalReminder.eventIdFor(license.id(), license.expires(), window.getAsInt()),
                        license.id(),
                        license.productCode(),
                        license.productName(),
                        license.seats().count(),
                        license.expires(),
                        window.getAsInt(),
                        (int) ChronoUnit.DAYS.between(today, license.expires()),
                        license.customer(),
                        accepted.quote()));
            } else if (quoted instanceof QuoteResult.Rejected rejected) {
                notQuoted.add(new RemindersDue.NotQuoted(
                        license.id(), license.expires(), window.getAsInt(), rejected.violations()));
            }
        }
        return new RemindersDue(reminders, notQuoted);
    }

    /**
     * Delivers the due reminders not delivered before, each once, and says what it did.
     *
     * @param bookNow the candidate licenses as the book holds them now, read once after the claims: a license
     *     renewed since the round found it due is not reminded
     */
    public ReminderReport deliver(RemindersDue due, LocalDate today, Supplier<List<License>> bookNow) {
        List<String> ids =
                due.reminders().stream().map(RenewalReminder::eventId).toList();
        Set<String> deliveredBefore = journal.delivered(ids);
        int before = deliveredBefore.size();
        int elsewhere = 0;
        List<RenewalReminder> claimed = new ArrayList<>();
        for (RenewalReminder reminder : due.reminders()) {
            if (deliveredBefore.contains(reminder.eventId())) {
                continue;
            }
            switch (journal.claim(
                    reminder.eventId(),
                    reminder.licenseId(),
                    reminder.expires(),
                    reminder.window(),
                    owner,
                    clock.instant(),
                    lease)) {
                case CLAIMED -> claimed.add(reminder);
                case DELIVERED_BEFORE -> before++;
                case HELD_ELSEWHERE -> elsewhere++;
            }
        }
        if (!claimed.isEmpty()) {
            Map<LicenseId, License> now = new HashMap<>();
            bookNow.get().forEach(license -> now.put(license.id(), license));
            for (RenewalReminder reminder : List.copyOf(claimed)) {
                if (!stillDue(reminder, now.get(reminder.licenseId()), today)) {
                    // renewed (or changed) since the round read the book: its expiry left the window
                    journal.release(reminder.eventId(), owner);
                    claimed.remove(reminder);
                }
            }
        }
        if (claimed.isEmpty()) {
            return new ReminderReport(due.reminders().size(), 0, before, elsewhere, 0, due.notQuoted());
        }
        List<RenewalReminder> told = List.copyOf(claimed);
        for (RenewalReminderListener listener : listeners) {
            try {
                listener.onRenewalsDue(told);
            } catch (RuntimeException e) {
                LOG.error(
                        "renewal reminder listener {} failed for {} reminders: {}; they are delivered again by"
                                + " the next round",
                        listener.getClass().getName(),
                        told.size(),
                        e.toString());
                releaseAll(told);
                return new ReminderReport(due.reminders().size(), 0, before, elsewhere, told.size(), due.notQuoted());
            }
        }
        int delivered = 0;
        int failed = 0;
        for (RenewalReminder reminder : told) {
            try {
                if (journal.markDelivered(reminder.eventId(), owner, clock.instant())) {
                    delivered++;
                } else {
                    LOG.warn(
                            "renewal reminder {} delivered after this shop's claim was taken over; it may be"
                                    + " delivered once more (same event id)",
                            reminder.eventId());
                    failed++;
                }
            } catch (StorageException e) {
                LOG.error(
                        "renewal reminder {} delivered but not recorded: {}; it is delivered again once its claim"
                                + " lapsed (same event id)",
                        reminder.eventId(),
                        e.getMessage());
                failed++;
            }
        }
        return new ReminderReport(due.reminders().size(), delivered, before, elsewhere, failed, due.notQuoted());
    }

    private boolean stillDue(RenewalReminder reminder, @Nullable License current, LocalDate today) {
        return Optional.ofNullable(current)
                .filter(license -> license.expires().equals(reminder.expires()))
                .flatMap(license -> window(license, today).stream().boxed().findFirst())
                .filter(window -> window == reminder.window())
                .isPresent();
    }

    private void releaseAll(List<RenewalReminder> reminders) {
        for (RenewalReminder reminder : reminders) {
            try {
                journal.release(reminder.eventId(), owner);
            } catch (StorageException e) {
                LOG.warn(
                        "claim on renewal reminder {} not released ({}); it is delivered again once it lapsed",
                        reminder.eventId(),
                        e.getMessage());
            }
        }
    }
}
