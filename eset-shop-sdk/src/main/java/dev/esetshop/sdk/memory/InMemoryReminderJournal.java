package dev.esetshop.sdk.memory;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.sdk.internal.ClaimLeases;
import dev.esetshop.sdk.remind.ReminderJournal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ReminderJournal} in memory. It delivers each reminder once within one JVM (several rounds, several shops
 * on one journal); only a durable journal such as the JDBC one survives a restart of the JVM. Thread-safe: every
 * operation, claims included, is atomic.
 */
public final class InMemoryReminderJournal implements ReminderJournal {

    private final Map<String, Reminder> reminders = new HashMap<>();
    private @Nullable String partner;

    /** An empty journal. */
    public InMemoryReminderJournal() {}

    @Override
    public synchronized Set<String> delivered(Collection<String> eventIds) {
        Set<String> delivered = new LinkedHashSet<>();
        for (String eventId : eventIds) {
            Reminder reminder = reminders.get(eventId);
            if (reminder != null && reminder.delivered) {
                delivered.add(eventId);
            }
        }
        return delivered;
    }

    @Override
    public synchronized Claim claim(
            String eventId,
            LicenseId licenseId,
            LocalDate expires,
            int window,
            String owner,
            Instant now,
            Duration lease) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        ClaimLeases.requirePositive("a claim's lease", lease);
        Reminder reminder = reminders.computeIfAbsent(eventId, id -> new Reminder());
        if (reminder.delivered) {
            return Claim.DELIVERED_BEFORE;
        }
        Held held = reminder.held;
        if (held != null && !ClaimLeases.lapsed(held.until(), now)) {
            return Claim.HELD_ELSEWHERE;
        }
        reminder.held = new Held(owner, now.plus(lease));
        return Claim.CLAIMED;
    }

    @Override
    public synchronized boolean markDelivered(String eventId, String owner, Instant at) {
        Reminder reminder = reminders.get(eventId);
        if (reminder == null) {
            return false;
        }
        if (reminder.delivered) {
            return true;
        }
        if (!reminder.heldBy(owner)) {
            return false;
        }
        reminder.delivered = true;
        reminder.held = null;
        return true;
    }

    @Override
    public synchronized void release(String eventId, String owner) {
        Reminder reminder = reminders.get(eventId);
        if (reminder != null && !reminder.delivered && reminder.heldBy(owner)) {
            reminder.held = null;
        }
    }

    @Override
    public synchronized void bindPartner(String partnerId) {
        Objects.requireNonNull(partnerId, "partnerId");
        if (partner == null) {
            partner = partnerId;
        } else if (!partner.equals(partnerId)) {
            throw new PartnerMismatchException("reminder journal", partner, partnerId);
        }
    }

    /** One reminder's record; guarded by the journal's lock. */
    private static final class Reminder {
        private boolean delivered;
        /** The claim on it, while one is held. */
        private @Nullable Held held;

        boolean heldBy(String owner) {
            return held != null && held.owner().equals(owner);
        }
    }

    /** A claim: who holds the reminder, and until when. */
    private record Held(String owner, Instant until) {}
}
