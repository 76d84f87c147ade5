package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetOrder;
import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Money;
import dev.esetshop.core.Operation;
import dev.esetshop.core.Sku;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One journaled order: the call to ESET and what its confirmation shows (customer, reference, priced lines), so a
 * restarted shop can resend it and confirm it exactly as the first shop would have. Serialised as JSON in the
 * journal; it holds no secret (a license key only exists in ESET's answer).
 *
 * @param operation the operation
 * @param call the client's order, of the kind the operation needs
 * @param customer the end customer
 * @param reference the customer's order reference
 * @param lines the quote's lines
 * @param streetPrice the quote's street total
 * @param yourPrice the quote's total at the partner margin
 * @param eula the end customer's EULA acceptance (NEW, TRIAL and TRIAL_CONVERSION)
 * @param catalogFingerprint the fingerprint of the catalog the order was priced from (empty in 0.1 payloads)
 */
public record OrderPayload(
        Operation operation,
        EsetOrder call,
        EndCustomer customer,
        Optional<String> reference,
        List<OrderConfirmed.Line> lines,
        Money streetPrice,
        Money yourPrice,
        Optional<EulaAcceptance> eula,
        Optional<String> catalogFingerprint) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A payload that does not say which catalog priced it. */
    public OrderPayload(
            Operation operation,
            EsetOrder call,
            EndCustomer customer,
            Optional<String> reference,
            List<OrderConfirmed.Line> lines,
            Money streetPrice,
            Money yourPrice,
            Optional<EulaAcceptance> eula) {
        this(operation, call, customer, reference, lines, streetPrice, yourPrice, eula, Optional.empty());
    }

    /** A payload; the call must fit the operation. */
    public OrderPayload {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(eula, "eula");
        Objects.requireNonNull(catalogFingerprint, "catalogFingerprint");
        lines = List.copyOf(lines);
        Objects.requireNonNull(call, "call");
        if (call.operation() != operation) {
            throw new IllegalArgumentException(operation + " cannot be sent as " + call.operation());
        }
        if (!eulaOf(call).equals(eula)) {
            throw new IllegalArgumentException("the call to ESET must carry the order's EULA acceptance");
        }
    }

    /** Sends the order to ESET with its key. */
    public OrderReceipt send(EsetPartnerApi api, IdempotencyKey key) {
        return call.sendTo(api, key);
    }

    /** The JSON text the journal keeps: the call as the client writes it, beside what the confirmation shows. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("operation", operation.name());
        root.set("call", JSON.readTree(call.toJson()));
        writeCustomer(root.putObject("customer"), customer);
        reference.ifPresent(value -> root.put("reference", value));
        root.put("currency", streetPrice.currency().getCurrencyCode());
        ArrayNode lineNodes = root.putArray("lines");
        for (OrderConfirmed.Line line : lines) {
            ObjectNode node = lineNodes.addObject();
            node.put("sku", line.sku().value());
            node.put("seats", line.seats());
            node.put("streetPrice", line.streetPrice().toPlainString());
            node.put("yourPrice", line.yourPrice().toPlainString());
        }
        root.put("streetPrice", streetPrice.toPlainString());
        root.put("yourPrice", yourPrice.toPlainString());
        eula.ifPresent(acceptance -> {
            ObjectNode node = root.putObject("eula");
            node.put("version", acceptance.version());
            node.put("acceptedBy", acceptance.acceptedBy());
            node.put("acceptedAt", acceptance.acceptedAt().toString());
        });
        catalogFingerprint.ifPresent(fingerprint -> root.put("catalog", fingerprint));
        return JSON.writeValueAsString(root);
    }

    /** Reads a payload the shop wrote. */
    public static OrderPayload fromJson(String text) {
        JsonNode root = JSON.readTree(text);
        Operation operation = Operation.valueOf(root.path("operation").asString());
        JsonNode order = root.path("call");
        if (order.isObject() && !order.has("customer")) {
            // payloads written before the call was the client's own JSON kept the end customer beside it only
            ((ObjectNode) order).set("customer", root.path("customer"));
        }
        if (order.isObject()
                && !order.has("eula")
                && root.path("eula").isObject()
                && (operation == Operation.NEW || operation == Operation.TRIAL)) {
            // and the EULA acceptance beside it, before it went to ESET with the call
            ((ObjectNode) order).set("eula", root.path("eula"));
        }
        EsetOrder call = EsetOrder.fromJson(operation, JSON.writeValueAsString(order));
        EndCustomer customer = readCustomer(root.path("customer"));
        Optional<EulaAcceptance> eula = eulaOf(call);
        Currency currency = Currency.getInstance(root.path("currency").asString());
        List<OrderConfirmed.Line> lines = new ArrayList<>();
        for (JsonNode node : root.path("lines").values()) {
            lines.add(OrderConfirmed.Line.of(
                    Sku.of(node.path("sku").asString()),
                    node.path("seats").asInt(),
                    money(node.path("streetPrice"), currency),
                    money(node.path("yourPrice"), currency)));
        }
        return new OrderPayload(
                operation,
                call,
                customer,
                optionalText(root, "reference"),
                lines,
                money(root.path("streetPrice"), currency),
                money(root.path("yourPrice"), currency),
                eula,
                optionalText(root, "catalog"));
    }

    /**
     * True when the other payload sends ESET the same order (operation and body): a retry of the same purchase under
     * the caller's key, even if it was quoted again since.
     */
    public boolean sameOrderAs(OrderPayload other) {
        // the acceptance is the purchase's, not the call's: a retry may carry a new acceptance time
        if (call instanceof TrialConversionOrder mine && other.call instanceof TrialConversionOrder theirs) {
            // a conversion always carries one: compare under the other's acceptance
            return TrialConversionOrder.builder()
                    .from(mine)
                    .eula(theirs.eula())
                    .build()
                    .equals(theirs);
        }
        return operation == other.operation && withoutEula(call).equals(withoutEula(other.call));
    }

    private static Optional<EulaAcceptance> eulaOf(EsetOrder call) {
        if (call instanceof TrialConversionOrder order) {
            return Optional.of(order.eula());
        }
        return call instanceof NewLicenseOrder order
                ? order.eula()
                : call instanceof TrialOrder order ? order.eula() : Optional.empty();
    }

    private static EsetOrder withoutEula(EsetOrder call) {
        if (call instanceof NewLicenseOrder order) {
            NewLicenseOrder.Builder copy = NewLicenseOrder.builder()
                    .sku(order.sku())
                    .productCode(order.productCode())
                    .seats(order.seats())
                    .years(order.years())
                    .customer(order.customer());
            order.discount().ifPresent(copy::discount);
            order.eligibilityCode().ifPresent(copy::eligibilityCode);
            order.crossgrade().ifPresent(copy::crossgrade);
            order.customerReference().ifPresent(copy::customerReference);
            return copy.build();
        }
        if (call instanceof TrialOrder order) {
            return TrialOrder.builder()
                    .productCode(order.productCode())
                    .seats(order.seats())
                    .months(order.months())
                    .customer(order.customer())
                    .build();
        }
        return call;
    }

    static void writeCustomer(ObjectNode node, EndCustomer customer) {
        node.put("organization", customer.organization());
        node.put("firstName", customer.firstName());
        node.put("lastName", customer.lastName());
        node.put("email", customer.email());
        customer.country().ifPresent(value -> node.put("country", value));
        customer.vatId().ifPresent(value -> node.put("vatId", value));
    }

    static EndCustomer readCustomer(JsonNode node) {
        EndCustomer.Builder customer = EndCustomer.builder()
                .organization(node.path("organization").asString())
                .firstName(node.path("firstName").asString())
                .lastName(node.path("lastName").asString())
                .email(node.path("email").asString());
        optionalText(node, "country").ifPresent(customer::country);
        optionalText(node, "vatId").ifPresent(customer::vatId);
        return customer.build();
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        return node.optional(field).filter(value -> !value.isNull()).map(JsonNode::asString);
    }

    private static Money money(JsonNode node, Currency currency) {
        return Money.of(new BigDecimal(node.asString()), currency);
    }
}
