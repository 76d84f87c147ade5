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

/**
 * A {@link ReminderJournal} in memory. It delivers each reminder once within one JVM (several rounds, several shops
 * on one journal); only a durable journal such as the JDBC one survives a restart of the JVM. Thread-safe: every
 * operation, claims included, is atomic.
 */
public final class InMemoryReminderJournal implements ReminderJournal {

    private final Map<String, Reminder> reminders = new HashMap<>();
    private String partner;

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
    public synchronized Claim claim(String eventId, LicenseId licenseId, LocalDate expires, int window, String owner,
            Instant now, Duration lease) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        ClaimLeases.requirePositive("a claim's lease", lease);
        Reminder reminder = reminders.computeIfAbsent(eventId, id -> new Reminder());
        if (reminder.delivered) {
            return Claim.DELIVERED_BEFORE;
        }
        if (reminder.claimedBy != null && !ClaimLeases.lapsed(reminder.claimedUntil, now)) {
            return Claim.HELD_ELSEWHERE;
        }
        reminder.claimedBy = owner;
        reminder.claimedUntil = now.plus(lease);
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
        if (!owner.equals(reminder.claimedBy)) {
            return false;
        }
        reminder.delivered = true;
        reminder.claimedBy = null;
        reminder.claimedUntil = null;
        return true;
    }

    @Override
    public synchronized void release(String eventId, String owner) {
        Reminder reminder = reminders.get(eventId);
        if (reminder != null && !reminder.delivered && owner.equals(reminder.claimedBy)) {
            reminder.claimedBy = null;
            reminder.claimedUntil = null;
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
        private String claimedBy;
        private Instant claimedUntil;
    }
}
