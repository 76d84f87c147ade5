package dev.esetshop.sdk.internal;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.OpenOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who syncs which reseller's book in a fleet round: a lease per reseller, so of several instances sharing the storage
 * one at a time syncs a reseller; one that dies leaves the reseller to another once the lease lapsed.
 */
public interface FleetLeases {

    /** Takes the reseller's sync lease for {@code owner} until {@code now + lease}; false when another holds it. */
    boolean claim(ResellerId reseller, String owner, Instant now, Duration lease);

    /** Extends the owner's lease; false when the owner lost it (it lapsed and another took it). */
    boolean renew(ResellerId reseller, String owner, Instant now, Duration lease);

    /** Gives the lease up, if the owner still holds it. */
    void release(ResellerId reseller, String owner);

    /** The resellers whose journal has pending orders or undelivered confirmations. */
    List<ResellerId> withOpenOrders();

    /** What every reseller's journal holds open: pending orders (and the oldest one's age), undelivered confirmations. */
    OpenOrders openOrders();

    /** When each reseller's book last completed a sync, for every reseller whose book ever did. */
    Map<ResellerId, Instant> lastCompletedSyncs();
}
