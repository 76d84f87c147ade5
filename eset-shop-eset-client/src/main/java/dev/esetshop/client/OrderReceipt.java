package dev.esetshop.client;

import dev.esetshop.core.License;
import org.immutables.value.Value;

/** ESET's answer to an order: its order number and the license as it now is. */
@Value.Immutable
public sealed interface OrderReceipt permits ImmutableOrderReceipt {

    /** ESET's order number. */
    String orderNumber();

    /** The license ordered, renewed, changed or created. */
    License license();

    /** A receipt. */
    static OrderReceipt of(String orderNumber, License license) {
        return ImmutableOrderReceipt.builder()
                .orderNumber(orderNumber)
                .license(license)
                .build();
    }
}
