package dev.esetshop.sdk.confirm;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Money;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.core.Sku;
import dev.esetshop.sdk.internal.ImmutableOrderConfirmed;
import dev.esetshop.sdk.internal.InternalValue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * An order ESET confirmed, delivered to every {@link ConfirmationListener} after the journal recorded it. A
 * redelivery (after a restart) has the same {@link #eventId()}, so a listener can drop duplicates.
 */
@Value.Immutable
// the shop's own code builds it from optional values: its generated class is public in the internal package
@InternalValue
public sealed interface OrderConfirmed permits ImmutableOrderConfirmed {

    /** A stable id for de-duplication, derived from the order's idempotency key. */
    String eventId();

    /** The operation the order carried out. */
    Operation operation();

    /** ESET's order number. */
    String orderNumber();

    /** The license's public id. */
    LicenseId licenseId();

    /** The license key, for the end customer; redacted in {@code toString()}. */
    @Value.Redacted
    Secret licenseKey();

    /** The product's code. */
    ProductCode product();

    /** The product's name. */
    String productName();

    /** The seats the license now covers. */
    int seats();

    /** The license's expiration. */
    LocalDate expires();

    /** True for a trial license. */
    boolean trial();

    /** The end customer. */
    EndCustomer customer();

    /** The customer order reference, when given. */
    Optional<String> customerReference();

    /** The priced lines (none for a trial). */
    List<Line> lines();

    /** The total street price. */
    Money streetPrice();

    /** The total at the partner margin. */
    Money yourPrice();

    /** The end customer's EULA acceptance the order was placed under (NEW, TRIAL and TRIAL_CONVERSION orders). */
    Optional<dev.esetshop.core.EulaAcceptance> eula();

    /**
     * The reseller whose shop placed the order: set on every event a registry's shop ({@code EsetShops}) delivers, so
     * one listener serving many resellers knows whose locale and e-mail address the confirmation is for; empty from a
     * shop built on its own.
     */
    Optional<ResellerId> reseller();

    /**
     * One priced line of the order.
     *
     * @param sku the SKU
     * @param seats the seats the line prices
     * @param streetPrice the line's street price
     * @param yourPrice the line's price at the partner margin
     */
    record Line(Sku sku, int seats, Money streetPrice, Money yourPrice) {
        /** Checks that no part is null. */
        public Line {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(streetPrice, "streetPrice");
            Objects.requireNonNull(yourPrice, "yourPrice");
        }

        /** A line. */
        public static Line of(Sku sku, int seats, Money streetPrice, Money yourPrice) {
            return new Line(sku, seats, streetPrice, yourPrice);
        }
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableOrderConfirmed.builder();
    }

    /**
     * The event id for the order sent with this idempotency key: a name-based UUID of the key, so every delivery of
     * the same order, before or after a restart, carries the same id.
     */
    static String eventIdFor(IdempotencyKey key) {
        return UUID.nameUUIDFromBytes(("eset-shop/order-confirmed/" + key.value()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Collects the values of a {@link OrderConfirmed}; {@link #build()} checks them. */
    interface Builder {
        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(OrderConfirmed instance);

        /** Required. */
        Builder eventId(String eventId);

        /** Required. */
        Builder operation(Operation operation);

        /** Required. */
        Builder orderNumber(String orderNumber);

        /** Required. */
        Builder licenseId(LicenseId licenseId);

        /** Required. */
        Builder licenseKey(Secret licenseKey);

        /** Required. */
        Builder product(ProductCode product);

        /** Required. */
        Builder productName(String productName);

        /** Required. */
        Builder seats(int seats);

        /** Required. */
        Builder expires(LocalDate expires);

        /** Required. */
        Builder trial(boolean trial);

        /** Required. */
        Builder customer(EndCustomer customer);

        Builder customerReference(String customerReference);

        Builder addLines(OrderConfirmed.Line element);

        Builder addLines(OrderConfirmed.Line... elements);

        Builder lines(Iterable<? extends OrderConfirmed.Line> elements);

        Builder addAllLines(Iterable<? extends OrderConfirmed.Line> elements);

        /** Required. */
        Builder streetPrice(Money streetPrice);

        /** Required. */
        Builder yourPrice(Money yourPrice);

        Builder eula(EulaAcceptance eula);

        Builder reseller(ResellerId reseller);

        /**
         * Builds the value.
         *
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        OrderConfirmed build();
    }
}
