package dev.esetshop.client.internal;

import dev.esetshop.client.EsetOrder;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.Operation;
import java.nio.charset.StandardCharsets;

/**
 * The JSON text of an order, both ways, for {@link EsetOrder}: the very body the wire protocol sends, so an order
 * stored as text is what ESET received.
 */
public final class OrderJson {

    private OrderJson() {}

    /** The body of a new license order as text. */
    public static String write(NewLicenseOrder order) {
        return text(WireJson.order(order));
    }

    /** The body of a renewal as text. */
    public static String write(RenewalOrder order) {
        return text(WireJson.renew(order));
    }

    /** The body of a product change as text. */
    public static String write(ProductChangeOrder order) {
        return text(WireJson.changeProduct(order));
    }

    /** The body of a trial as text. */
    public static String write(TrialOrder order) {
        return text(WireJson.trial(order));
    }

    /** The body of a trial conversion as text. */
    public static String write(TrialConversionOrder order) {
        return text(WireJson.convertTrial(order));
    }

    /**
     * Reads an order's text.
     *
     * @throws IllegalArgumentException naming the field (never its value) when the text is not such an order
     */
    public static EsetOrder read(Operation operation, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            return switch (operation) {
                case NEW -> WireJson.newLicenseOrder(body);
                case RENEWAL -> WireJson.renewalOrder(body);
                case PRODUCT_CHANGE -> WireJson.productChangeOrder(body);
                case TRIAL -> WireJson.trialOrder(body);
                case TRIAL_CONVERSION -> WireJson.trialConversionOrder(body);
            };
        } catch (WireJson.MalformedWire e) {
            throw new IllegalArgumentException("not a " + operation + " order: " + e.reason(), e);
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
