package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.IdempotencyKey;

/**
 * One of the five order calls of ESET's partner API. The type is sealed, so a holder of an order (an order journal,
 * a queue) keeps it typed, sends it with {@link #sendTo} and stores it as {@link #toJson()}: the body ESET
 * receives, read back by {@link #fromJson}.
 */
public sealed interface EsetOrder
        permits NewLicenseOrder, RenewalOrder, ProductChangeOrder, TrialOrder, TrialConversionOrder {

    /** Which of the five calls an order is. */
    enum Kind {
        /** {@code License/Order}, a {@link NewLicenseOrder}. */
        NEW_LICENSE,
        /** {@code License/Renew}, a {@link RenewalOrder}. */
        RENEWAL,
        /** {@code License/ChangeProduct}, a {@link ProductChangeOrder}. */
        PRODUCT_CHANGE,
        /** {@code License/Trial}, a {@link TrialOrder}. */
        TRIAL,
        /** {@code License/ConvertTrial}, a {@link TrialConversionOrder}. */
        TRIAL_CONVERSION
    }

    /**
     * Which call this order is.
     *
     * @return its kind
     */
    Kind kind();

    /**
     * Sends this order through the API with its idempotency key.
     *
     * @param api the partner API
     * @param key the order's idempotency key: the same key for every resend of the same order
     * @return ESET's receipt
     * @throws dev.esetshop.core.error.EsetApiException when ESET refuses or cannot be reached
     */
    OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key);

    /**
     * The order as the JSON body ESET receives; it holds no secret.
     *
     * @return the JSON text
     */
    String toJson();

    /**
     * Reads an order from its {@link #toJson()} text; unknown fields are ignored.
     *
     * @param kind which call the text holds
     * @param json the JSON text
     * @return the order
     * @throws IllegalArgumentException when the text is not JSON, or a field is missing, of the wrong type or
     *     breaks a rule of the order (the message names the field, never its value)
     */
    static EsetOrder fromJson(Kind kind, String json) {
        return OrderJson.read(kind, json);
    }
}
