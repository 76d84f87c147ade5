package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.pricing.Operation;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
 * @param call the client's order: {@link NewLicenseOrder}, {@link RenewalOrder}, {@link ProductChangeOrder} or
 *     {@link TrialOrder}
 * @param customer the end customer
 * @param reference the customer's order reference
 * @param lines the quote's lines
 * @param streetPrice the quote's street total
 * @param yourPrice the quote's total at the partner margin
 * @param eula the end customer's EULA acceptance (NEW and TRIAL)
 */
public record OrderPayload(
        Operation operation,
        Object call,
        EndCustomer customer,
        Optional<String> reference,
        List<OrderConfirmed.Line> lines,
        Money streetPrice,
        Money yourPrice,
        Optional<EulaAcceptance> eula) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A payload; the call must fit the operation. */
    public OrderPayload {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(eula, "eula");
        lines = List.copyOf(lines);
        boolean fits = switch (operation) {
            case NEW -> call instanceof NewLicenseOrder;
            case RENEWAL -> call instanceof RenewalOrder;
            case PRODUCT_CHANGE -> call instanceof ProductChangeOrder;
            case TRIAL -> call instanceof TrialOrder;
        };
        if (!fits) {
            throw new IllegalArgumentException(operation + " cannot be sent as " + call);
        }
        Optional<EulaAcceptance> sent = call instanceof NewLicenseOrder order ? order.eula()
                : call instanceof TrialOrder order ? order.eula() : Optional.empty();
        if (!sent.equals(eula)) {
            throw new IllegalArgumentException("the call to ESET must carry the order's EULA acceptance");
        }
    }

    /** Sends the order to ESET with its key. */
    public OrderReceipt send(EsetPartnerApi api, IdempotencyKey key) {
        return switch (operation) {
            case NEW -> api.order((NewLicenseOrder) call, key);
            case RENEWAL -> api.renew((RenewalOrder) call, key);
            case PRODUCT_CHANGE -> api.changeProduct((ProductChangeOrder) call, key);
            case TRIAL -> api.trial((TrialOrder) call, key);
        };
    }

    /** The JSON text the journal keeps. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("operation", operation.name());
        ObjectNode order = root.putObject("call");
        if (call instanceof NewLicenseOrder o) {
            order.put("sku", o.sku().value());
            order.put("productCode", o.productCode().value());
            order.put("seats", o.seats());
            order.put("years", o.years());
            o.discount().ifPresent(value -> order.put("discount", value));
            o.eligibilityCode().ifPresent(value -> order.put("eligibilityCode", value));
            o.crossgrade().ifPresent(crossgrade -> {
                ObjectNode node = order.putObject("crossgrade");
                node.put("seats", crossgrade.seats());
                node.put("expires", crossgrade.expires().toString());
                node.put("proof", crossgrade.proof());
            });
            o.customerReference().ifPresent(value -> order.put("customerReference", value));
        } else if (call instanceof RenewalOrder o) {
            order.put("publicLicenseId", o.publicLicenseId().value());
            order.put("seats", o.seats());
            order.put("years", o.years());
            ArrayNode skus = order.putArray("skus");
            o.skus().forEach(sku -> skus.add(sku.value()));
            o.customerReference().ifPresent(value -> order.put("customerReference", value));
        } else if (call instanceof ProductChangeOrder o) {
            order.put("publicLicenseId", o.publicLicenseId().value());
            order.put("productCode", o.productCode().value());
            order.put("sku", o.sku().value());
            order.put("seats", o.seats());
            order.put("years", o.years());
            o.customerReference().ifPresent(value -> order.put("customerReference", value));
        } else {
            TrialOrder o = (TrialOrder) call;
            order.put("productCode", o.productCode().value());
            order.put("seats", o.seats());
            order.put("months", o.months());
        }
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
        return JSON.writeValueAsString(root);
    }

    /** Reads a payload the shop wrote. */
    public static OrderPayload fromJson(String text) {
        JsonNode root = JSON.readTree(text);
        Operation operation = Operation.valueOf(root.path("operation").asString());
        JsonNode order = root.path("call");
        EndCustomer customer = readCustomer(root.path("customer"));
        Optional<EulaAcceptance> eula = root.optional("eula").filter(node -> !node.isNull()).map(node ->
                EulaAcceptance.of(node.path("version").asString(), node.path("acceptedBy").asString(),
                        Instant.parse(node.path("acceptedAt").asString())));
        Object call = switch (operation) {
            case NEW -> NewLicenseOrder.builder()
                    .sku(Sku.of(order.path("sku").asString()))
                    .productCode(ProductCode.of(order.path("productCode").asString()))
                    .seats(order.path("seats").asInt())
                    .years(order.path("years").asInt())
                    .discount(optionalText(order, "discount"))
                    .eligibilityCode(optionalText(order, "eligibilityCode"))
                    .crossgrade(order.optional("crossgrade").map(node -> Crossgrade.of(
                            node.path("seats").asInt(),
                            LocalDate.parse(node.path("expires").asString()),
                            node.path("proof").asString())))
                    .customer(customer)
                    .customerReference(optionalText(order, "customerReference"))
                    .eula(eula)
                    .build();
            case RENEWAL -> {
                List<Sku> skus = new ArrayList<>();
                order.path("skus").values().forEach(node -> skus.add(Sku.of(node.asString())));
                yield RenewalOrder.builder()
                        .publicLicenseId(LicenseId.of(order.path("publicLicenseId").asString()))
                        .seats(order.path("seats").asInt())
                        .years(order.path("years").asInt())
                        .skus(skus)
                        .customerReference(optionalText(order, "customerReference"))
                        .build();
            }
            case PRODUCT_CHANGE -> ProductChangeOrder.builder()
                    .publicLicenseId(LicenseId.of(order.path("publicLicenseId").asString()))
                    .productCode(ProductCode.of(order.path("productCode").asString()))
                    .sku(Sku.of(order.path("sku").asString()))
                    .seats(order.path("seats").asInt())
                    .years(order.path("years").asInt())
                    .customerReference(optionalText(order, "customerReference"))
                    .build();
            case TRIAL -> TrialOrder.builder()
                    .productCode(ProductCode.of(order.path("productCode").asString()))
                    .seats(order.path("seats").asInt())
                    .months(order.path("months").asInt())
                    .customer(customer)
                    .eula(eula)
                    .build();
        };
        Currency currency = Currency.getInstance(root.path("currency").asString());
        List<OrderConfirmed.Line> lines = new ArrayList<>();
        for (JsonNode node : root.path("lines").values()) {
            lines.add(OrderConfirmed.Line.of(
                    Sku.of(node.path("sku").asString()),
                    node.path("seats").asInt(),
                    money(node.path("streetPrice"), currency),
                    money(node.path("yourPrice"), currency)));
        }
        return new OrderPayload(operation, call, customer, optionalText(root, "reference"), lines,
                money(root.path("streetPrice"), currency), money(root.path("yourPrice"), currency), eula);
    }

    /**
     * True when the other payload sends ESET the same order (operation and body): a retry of the same purchase under
     * the caller's key, even if it was quoted again since.
     */
    public boolean sameOrderAs(OrderPayload other) {
        // the acceptance is the purchase's, not the call's: a retry may carry a new acceptance time
        return operation == other.operation && withoutEula(call).equals(withoutEula(other.call));
    }

    private static Object withoutEula(Object call) {
        if (call instanceof NewLicenseOrder order) {
            return dev.esetshop.client.ImmutableNewLicenseOrder.copyOf(order).withEula(Optional.empty());
        }
        if (call instanceof TrialOrder order) {
            return dev.esetshop.client.ImmutableTrialOrder.copyOf(order).withEula(Optional.empty());
        }
        return call;
    }

    private static void writeCustomer(ObjectNode node, EndCustomer customer) {
        node.put("organization", customer.organization());
        node.put("firstName", customer.firstName());
        node.put("lastName", customer.lastName());
        node.put("email", customer.email());
        customer.country().ifPresent(value -> node.put("country", value));
        customer.vatId().ifPresent(value -> node.put("vatId", value));
    }

    private static EndCustomer readCustomer(JsonNode node) {
        return EndCustomer.builder()
                .organization(node.path("organization").asString())
                .firstName(node.path("firstName").asString())
                .lastName(node.path("lastName").asString())
                .email(node.path("email").asString())
                .country(optionalText(node, "country"))
                .vatId(optionalText(node, "vatId"))
                .build();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.optional(field).filter(value -> !value.isNull()).map(JsonNode::asString);
    }

    private static Money money(JsonNode node, Currency currency) {
        return Money.of(new BigDecimal(node.asString()), currency);
    }
}
