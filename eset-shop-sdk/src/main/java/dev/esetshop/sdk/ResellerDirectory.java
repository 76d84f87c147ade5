package dev.esetshop.sdk;

import dev.esetshop.core.ResellerId;
import java.util.Optional;

/**
 * The marketplace's resellers, as the marketplace implements it (its own database, its vault for the ESET
 * credentials). {@link EsetShops} asks it when a reseller's shop is first opened, and for the list of resellers when
 * it syncs the whole fleet. Implementations must be thread-safe.
 */
public interface ResellerDirectory {

    /**
     * The account of a reseller.
     *
     * @param reseller the marketplace's id of the reseller
     * @return its account, or empty when the marketplace does not know it
     */
    Optional<ResellerAccount> account(ResellerId reseller);

    /**
     * Every reseller whose book {@link EsetShops#syncAll} keeps up to date.
     *
     * @return the resellers, in any order, without duplicates
     */
    Iterable<ResellerId> resellers();
}
