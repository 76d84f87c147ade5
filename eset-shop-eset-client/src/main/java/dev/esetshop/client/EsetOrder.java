package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Operation;

/**
 * One of the five order calls of ESET's partner API. The type is sealed, so a holder of an order (an order journal,
 * a queue) keeps it typed, sends it with {@link #sendTo} and stores it as {@link #toJson()}: the body ESET
 * receives, read back by {@link #fromJson}.
 */
public sealed interface EsetOrder
        permits NewLicenseOrder, RenewalOrder, ProductChangeOrder, TrialOrder, TrialConversionOrder {

    /**
     * The operation of the shop this call carries out: {@code License/Order} is {@link Operation#NEW}, {@code
     * License/Renew} {@link Operation#RENEWAL}, {@code License/ChangeProduct} {@link Operation#PRODUCT_CHANGE},
     * {@code License/Trial} {@link Operation#TRIAL} and {@code License/ConvertTrial} {@link
     * Operation#TRIAL_CONVERSION}.
     *
     * @return its operation
     */
    Operation operation();

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
     * @param operation which call the text holds
     * @param json the JSON text
     * @return the order
     * @throws IllegalArgumentException when the text is not JSON, or a field is missing, of the wrong type or
     *     breaks a rule of the order (the message names the field, never its value)
     */
    static EsetOrder fromJson(Operation operation, String json) {
        return OrderJson.read(operation, json);
    }
}
