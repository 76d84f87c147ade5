package dev.esetshop.sdk.order;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LocalizedName;
import dev.esetshop.core.Money;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.sdk.internal.ImmutableOrderRecord;
import dev.esetshop.sdk.internal.InternalValue;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One order of the history as a reseller reads it: when it was placed (in the shop's zone), what was ordered, for whom
 * and at which price, and how it ended. Read from the order journal, so it holds orders of every shop sharing it.
 */
@Value.Immutable
// the shop's own code builds it: its generated class is public in the internal package, which no host reads
@InternalValue
public sealed interface OrderRecord permits ImmutableOrderRecord {

    /** The idempotency key the order was sent under. */
    IdempotencyKey key();

    /** When the order was placed, in the shop's time zone. */
    LocalDateTime placedAt();

    /** The operation. */
    Operation operation();

    /** The product ordered (the target of a product change, the product of a renewed license). */
    ProductCode product();

    /** The product's name in the catalog's default language; its code when the catalog no longer knows it. */
    String productName();

    /** The product's name in other languages, keyed by ISO 639-1 code, as the catalog gives them. */
    Map<String, String> productNames();

    /** The seats ordered. */
    int seats();

    /** The order's total at the partner's margin (zero for a trial). */
    Money yourPrice();

    /** The end customer. */
    EndCustomer customer();

    /** The customer's order reference. */
    Optional<String> reference();

    /** The end customer's EULA acceptance the order was placed under (NEW, TRIAL and TRIAL_CONVERSION). */
    Optional<EulaAcceptance> eula();

    /** The order's state: the outcome. */
    JournalEntry.State state();

    /** ESET's order number, once confirmed. */
    Optional<String> orderNumber();

    /** The license's public id, once confirmed. */
    Optional<LicenseId> licenseId();

    /** Why ESET refused it, once rejected. */
    Optional<String> rejection();

    /**
     * The product's name for a person reading {@code locale}'s language: its entry in {@link #productNames()}, else
     * {@link #productName()}.
     *
     * @param locale the reader's locale; only its language counts
     * @return the name
     */
    default String productName(Locale locale) {
        return new LocalizedName() {
            @Override
            public String name() {
                return productName();
            }

            @Override
            public Map<String, String> names() {
                return productNames();
            }
        }.name(locale);
    }
}
