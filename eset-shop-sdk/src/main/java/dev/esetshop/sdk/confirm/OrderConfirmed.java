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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * An order ESET confirmed, delivered to every {@link ConfirmationListener} after the journal recorded it. A
 * redelivery (after a restart) has the same {@link #eventId()}, so a listener can drop duplicates.
 */
@Value.Immutable
public interface OrderConfirmed {

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

    /** One priced line of the order. */
    @Value.Immutable
    interface Line {
        /** The SKU. */
        Sku sku();

        /** The seats the line prices. */
        int seats();

        /** The line's street price. */
        Money streetPrice();

        /** The line's price at the partner margin. */
        Money yourPrice();

        /** A line. */
        static Line of(Sku sku, int seats, Money streetPrice, Money yourPrice) {
            return ImmutableLine.builder()
                    .sku(sku)
                    .seats(seats)
                    .streetPrice(streetPrice)
                    .yourPrice(yourPrice)
                    .build();
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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(OrderConfirmed instance);

        /**
         * Sets {@link OrderConfirmed#eventId()}.
         *
         * @param eventId the value
         * @return this builder
         */
        Builder eventId(String eventId);

        /**
         * Sets {@link OrderConfirmed#operation()}.
         *
         * @param operation the value
         * @return this builder
         */
        Builder operation(Operation operation);

        /**
         * Sets {@link OrderConfirmed#orderNumber()}.
         *
         * @param orderNumber the value
         * @return this builder
         */
        Builder orderNumber(String orderNumber);

        /**
         * Sets {@link OrderConfirmed#licenseId()}.
         *
         * @param licenseId the value
         * @return this builder
         */
        Builder licenseId(LicenseId licenseId);

        /**
         * Sets {@link OrderConfirmed#licenseKey()}.
         *
         * @param licenseKey the value
         * @return this builder
         */
        Builder licenseKey(Secret licenseKey);

        /**
         * Sets {@link OrderConfirmed#product()}.
         *
         * @param product the value
         * @return this builder
         */
        Builder product(ProductCode product);

        /**
         * Sets {@link OrderConfirmed#productName()}.
         *
         * @param productName the value
         * @return this builder
         */
        Builder productName(String productName);

        /**
         * Sets {@link OrderConfirmed#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link OrderConfirmed#expires()}.
         *
         * @param expires the value
         * @return this builder
         */
        Builder expires(LocalDate expires);

        /**
         * Sets {@link OrderConfirmed#trial()}.
         *
         * @param trial the value
         * @return this builder
         */
        Builder trial(boolean trial);

        /**
         * Sets {@link OrderConfirmed#customer()}.
         *
         * @param customer the value
         * @return this builder
         */
        Builder customer(EndCustomer customer);

        /**
         * Sets {@link OrderConfirmed#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(String customerReference);

        /**
         * Sets {@link OrderConfirmed#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(Optional<String> customerReference);

        /**
         * Adds to {@link OrderConfirmed#lines()}.
         *
         * @param element the element
         * @return this builder
         */
        Builder addLines(OrderConfirmed.Line element);

        /**
         * Adds to {@link OrderConfirmed#lines()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addLines(OrderConfirmed.Line... elements);

        /**
         * Sets {@link OrderConfirmed#lines()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder lines(Iterable<? extends OrderConfirmed.Line> elements);

        /**
         * Adds to {@link OrderConfirmed#lines()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addAllLines(Iterable<? extends OrderConfirmed.Line> elements);

        /**
         * Sets {@link OrderConfirmed#streetPrice()}.
         *
         * @param streetPrice the value
         * @return this builder
         */
        Builder streetPrice(Money streetPrice);

        /**
         * Sets {@link OrderConfirmed#yourPrice()}.
         *
         * @param yourPrice the value
         * @return this builder
         */
        Builder yourPrice(Money yourPrice);

        /**
         * Sets {@link OrderConfirmed#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(EulaAcceptance eula);

        /**
         * Sets {@link OrderConfirmed#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(Optional<? extends EulaAcceptance> eula);

        /**
         * Sets {@link OrderConfirmed#reseller()}.
         *
         * @param reseller the value
         * @return this builder
         */
        Builder reseller(ResellerId reseller);

        /**
         * Sets {@link OrderConfirmed#reseller()}.
         *
         * @param reseller the value
         * @return this builder
         */
        Builder reseller(Optional<? extends ResellerId> reseller);

        /**
         * Builds the value.
         *
         * @return the OrderConfirmed
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        OrderConfirmed build();
    }
}
