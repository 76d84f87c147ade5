package dev.esetshop.client.internal;

import dev.esetshop.client.LicensePage;
import dev.esetshop.client.LicenseRecord;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.core.Sku;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the wire protocol, both ways. Reading is tolerant: unknown fields are ignored, unknown states and
 * levels kept; a field that is missing or of the wrong type is a {@link MalformedWire} naming the field, never its
 * value (a value can be a secret).
 */
final class WireJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The body of the calls without parameters, written once. */
    private static final byte[] EMPTY = bytes(MAPPER.createObjectNode());

    private WireJson() {}

    /** What ESET sent cannot be read; the message names the field but never its value. */
    static final class MalformedWire extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        MalformedWire(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        /** What is wrong (the message, never null). */
        String reason() {
            return reason;
        }
    }

    /** A token answer. */
    record TokenGrant(Secret accessToken, Secret refreshToken, Duration lifetime) {}

    /** An error body; fields ESET left out are 0 and empty. */
    record ErrorBody(int code, int subCode, String message) {}

    // ---- requests

    static byte[] tokenGet(String username, Secret password) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("username", username);
        body.put("password", password.reveal());
        return bytes(body);
    }

    static byte[] tokenRenew(Secret refreshToken) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("refreshToken", refreshToken.reveal());
        return bytes(body);
    }

    static byte[] empty() {
        return EMPTY.clone();
    }

    static byte[] search(int skip, int take, @Nullable Instant modifiedSince) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("skip", skip);
        body.put("take", take);
        if (modifiedSince != null) {
            body.put("modifiedSince", modifiedSince.toString());
        }
        return bytes(body);
    }

    static byte[] licenseDetail(LicenseId id) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("publicLicenseId", id.value());
        return bytes(body);
    }

    static byte[] order(NewLicenseOrder order) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("sku", order.sku().value());
        body.put("productCode", order.productCode().value());
        body.put("seats", order.seats());
        body.put("years", order.years());
        order.discount().ifPresent(d -> body.put("discount", d));
        order.eligibilityCode().ifPresent(c -> body.put("eligibilityCode", c));
        order.crossgrade().ifPresent(c -> crossgrade(body.putObject("crossgrade"), c));
        customer(body.putObject("customer"), order.customer());
        order.customerReference().ifPresent(r -> body.put("customerReference", r));
        order.eula().ifPresent(eula -> eula(body.putObject("eula"), eula));
        return bytes(body);
    }

    static byte[] renew(RenewalOrder order) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("publicLicenseId", order.publicLicenseId().value());
        body.put("seats", order.seats());
        body.put("years", order.years());
        ArrayNode skus = body.putArray("skus");
        order.skus().forEach(sku -> skus.add(sku.value()));
        order.customerReference().ifPresent(r -> body.put("customerReference", r));
        return bytes(body);
    }

    static byte[] changeProduct(ProductChangeOrder order) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("publicLicenseId", order.publicLicenseId().value());
        body.put("productCode", order.productCode().value());
        body.put("sku", order.sku().value());
        body.put("seats", order.seats());
        body.put("years", order.years());
        order.customerReference().ifPresent(r -> body.put("customerReference", r));
        return bytes(body);
    }

    static byte[] trial(TrialOrder order) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("productCode", order.productCode().value());
        body.put("seats", order.seats());
        body.put("months", order.months());
        customer(body.putObject("customer"), order.customer());
        order.eula().ifPresent(eula -> eula(body.putObject("eula"), eula));
        return bytes(body);
    }

    static byte[] convertTrial(TrialConversionOrder order) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("publicLicenseId", order.publicLicenseId().value());
        body.put("sku", order.sku().value());
        body.put("seats", order.seats());
        body.put("years", order.years());
        order.discount().ifPresent(d -> body.put("discount", d));
        order.eligibilityCode().ifPresent(c -> body.put("eligibilityCode", c));
        order.crossgrade().ifPresent(c -> crossgrade(body.putObject("crossgrade"), c));
        order.customerReference().ifPresent(r -> body.put("customerReference", r));
        eula(body.putObject("eula"), order.eula());
        return bytes(body);
    }

    private static void crossgrade(ObjectNode node, Crossgrade crossgrade) {
        node.put("seats", crossgrade.seats());
        node.put("expires", crossgrade.expires().toString());
        node.put("proof", crossgrade.proof());
    }

    private static void eula(ObjectNode node, EulaAcceptance eula) {
        node.put("version", eula.version());
        node.put("acceptedBy", eula.acceptedBy());
        node.put("acceptedAt", eula.acceptedAt().toString());
    }

    private static void customer(ObjectNode node, EndCustomer customer) {
        node.put("organization", customer.organization());
        node.put("firstName", customer.firstName());
        node.put("lastName", customer.lastName());
        node.put("email", customer.email());
        customer.country().ifPresent(c -> node.put("country", c));
        customer.vatId().ifPresent(v -> node.put("vatId", v));
    }

    private static byte[] bytes(ObjectNode body) {
        return MAPPER.writeValueAsBytes(body);
    }

    // ---- orders read back (the bodies above, as an order holder stored them)

    static NewLicenseOrder newLicenseOrder(byte[] body) {
        JsonNode root = tree(body);
        return guard(() -> {
            NewLicenseOrder.Builder order = NewLicenseOrder.builder()
                    .sku(Sku.of(writtenText(root, "sku")))
                    .productCode(ProductCode.of(writtenText(root, "productCode")))
                    .seats(intField(root, "seats"))
                    .years(intField(root, "years"))
                    .customer(customer(root.path("customer"), true));
            writtenOptionalText(root, "discount").ifPresent(order::discount);
            writtenOptionalText(root, "eligibilityCode").ifPresent(order::eligibilityCode);
            writtenCrossgrade(root).ifPresent(order::crossgrade);
            writtenOptionalText(root, "customerReference").ifPresent(order::customerReference);
            eula(root).ifPresent(order::eula);
            return order.build();
        });
    }

    static RenewalOrder renewalOrder(byte[] body) {
        JsonNode root = tree(body);
        JsonNode skus = root.path("skus");
        if (!skus.isArray()) {
            throw new MalformedWire("field 'skus' is missing or not a list");
        }
        List<Sku> skuList = new ArrayList<>(skus.size());
        for (JsonNode sku : skus) {
            if (!sku.isString()) {
                throw new MalformedWire("field 'skus' holds something else than texts");
            }
            skuList.add(guard(() -> Sku.of(sku.stringValue())));
        }
        return guard(() -> {
            RenewalOrder.Builder order = RenewalOrder.builder()
                    .publicLicenseId(LicenseId.of(writtenText(root, "publicLicenseId")))
                    .seats(intField(root, "seats"))
                    .years(intField(root, "years"))
                    .skus(skuList);
            writtenOptionalText(root, "customerReference").ifPresent(order::customerReference);
            return order.build();
        });
    }

    static ProductChangeOrder productChangeOrder(byte[] body) {
        JsonNode root = tree(body);
        return guard(() -> {
            ProductChangeOrder.Builder order = ProductChangeOrder.builder()
                    .publicLicenseId(LicenseId.of(writtenText(root, "publicLicenseId")))
                    .productCode(ProductCode.of(writtenText(root, "productCode")))
                    .sku(Sku.of(writtenText(root, "sku")))
                    .seats(intField(root, "seats"))
                    .years(intField(root, "years"));
            writtenOptionalText(root, "customerReference").ifPresent(order::customerReference);
            return order.build();
        });
    }

    static TrialOrder trialOrder(byte[] body) {
        JsonNode root = tree(body);
        return guard(() -> {
            TrialOrder.Builder order = TrialOrder.builder()
                    .productCode(ProductCode.of(writtenText(root, "productCode")))
                    .seats(intField(root, "seats"))
                    .months(intField(root, "months"))
                    .customer(customer(root.path("customer"), true));
            eula(root).ifPresent(order::eula);
            return order.build();
        });
    }

    static TrialConversionOrder trialConversionOrder(byte[] body) {
        JsonNode root = tree(body);
        return guard(() -> {
            TrialConversionOrder.Builder order = TrialConversionOrder.builder()
                    .publicLicenseId(LicenseId.of(writtenText(root, "publicLicenseId")))
                    .sku(Sku.of(writtenText(root, "sku")))
                    .seats(intField(root, "seats"))
                    .years(intField(root, "years"))
                    .eula(eula(root).orElseThrow(() -> new MalformedWire("field 'eula' is missing")));
            writtenOptionalText(root, "discount").ifPresent(order::discount);
            writtenOptionalText(root, "eligibilityCode").ifPresent(order::eligibilityCode);
            writtenCrossgrade(root).ifPresent(order::crossgrade);
            writtenOptionalText(root, "customerReference").ifPresent(order::customerReference);
            return order.build();
        });
    }

    private static Optional<EulaAcceptance> eula(JsonNode root) {
        JsonNode node = root.path("eula");
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new MalformedWire("field 'eula' is not an object");
        }
        return Optional.of(EulaAcceptance.of(
                writtenText(node, "version"),
                writtenText(node, "acceptedBy"),
                parsed(node, "acceptedAt", IsoDates::instant)));
    }

    /** The crossgrade a NEW order or a trial conversion was written with, if any. */
    private static Optional<Crossgrade> writtenCrossgrade(JsonNode root) {
        return root.has("crossgrade") ? Optional.of(crossgrade(root.path("crossgrade"))) : Optional.empty();
    }

    private static Crossgrade crossgrade(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedWire("field 'crossgrade' is not an object");
        }
        return Crossgrade.of(
                intField(node, "seats"), parsed(node, "expires", IsoDates::date), writtenText(node, "proof"));
    }

    /** A text as written, blank or not. */
    private static String writtenText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString()) {
            throw new MalformedWire("field '" + field + "' is missing or not a text");
        }
        return value.stringValue();
    }

    /** An optional text as written: absent or null is empty, blank is kept. */
    private static Optional<String> writtenOptionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(writtenText(node, field));
    }

    // ---- answers

    /**
     * The longest token life believed: a larger {@code expiresIn} is cut to it, so the arithmetic of instants
     * stays finite and the token is renewed at least daily (ESET's tokens live a minute).
     */
    static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(1);

    static TokenGrant tokenGrant(byte[] body) {
        JsonNode root = tree(body);
        long seconds = longField(root, "expiresIn");
        if (seconds <= 0) {
            throw new MalformedWire("field 'expiresIn' must be positive");
        }
        return new TokenGrant(
                token(root, "accessToken"),
                token(root, "refreshToken"),
                Duration.ofSeconds(Math.min(seconds, MAX_TOKEN_LIFETIME.toSeconds())));
    }

    /** A token goes into a header or a body verbatim: only visible ASCII, which HTTP can carry. */
    private static Secret token(JsonNode node, String field) {
        Secret token = secret(node, field);
        if (!token.reveal().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new MalformedWire("field '" + field + "' holds characters a token cannot have");
        }
        return token;
    }

    static PartnerStatus partnerStatus(byte[] body) {
        JsonNode root = tree(body);
        return guard(() -> PartnerStatus.builder()
                .partnerId(text(root, "partnerId"))
                .companyName(text(root, "companyName"))
                .email(text(root, "email"))
                .level(PartnerLevel.of(text(root, "level")))
                .margin(decimal(root, "margin"))
                .build());
    }

    static LicensePage page(byte[] body, int skip, int take) {
        JsonNode root = tree(body);
        int total = intField(root, "totalCount");
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new MalformedWire("field 'items' is missing or not a list");
        }
        List<LicenseRecord> records = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            records.add(record(item));
        }
        return LicensePage.builder()
                .skip(skip)
                .take(take)
                .totalCount(total)
                .items(records)
                .build();
    }

    static License license(byte[] body) {
        return license(tree(body));
    }

    static OrderReceipt receipt(byte[] body) {
        JsonNode root = tree(body);
        return OrderReceipt.of(text(root, "orderNumber"), license(root.path("license")));
    }

    static ErrorBody error(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            return new ErrorBody(
                    root.path("code").asInt(0),
                    root.path("subCode").asInt(0),
                    root.path("message").isString() ? root.path("message").stringValue() : "");
        } catch (JacksonException e) {
            return new ErrorBody(0, 0, "");
        }
    }

    private static LicenseRecord record(JsonNode item) {
        try {
            return new LicenseRecord.Valid(license(item));
        } catch (MalformedWire e) {
            // the record's id and the reason (which may quote ESET's values) are shown in logs and on screens
            String reason = EsetText.masked(e.reason());
            return item.path("publicLicenseId").isString()
                    ? LicenseRecord.Malformed.of(
                            EsetText.printable(item.path("publicLicenseId").stringValue()), reason)
                    : LicenseRecord.Malformed.withoutId(reason);
        }
    }

    private static License license(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedWire("license is missing or not an object");
        }
        return guard(() -> {
            License.Builder license = License.builder()
                    .id(LicenseId.of(text(node, "publicLicenseId")))
                    .licenseKey(secret(node, "licenseKey"))
                    .productCode(ProductCode.of(text(node, "productCode")))
                    .productName(text(node, "productName"))
                    .seats(Seats.of(intField(node, "seats")))
                    .usedSeats(intField(node, "usedSeats"))
                    .state(LicenseState.of(text(node, "state")))
                    .trial(bool(node, "trial"));
            optionalText(node, "discount").ifPresent(license::discount);
            return license.issued(parsed(node, "issued", IsoDates::date))
                    .expires(parsed(node, "expires", IsoDates::date))
                    .modified(parsed(node, "modified", IsoDates::instant))
                    .customer(customer(node.path("customer"), false))
                    .build();
        });
    }

    /**
     * An end customer. {@code asWritten} reads an order this client wrote, keeping every text as it is (blank ones
     * too), so the order reads back equal; otherwise ESET's answer is read, where blank means absent.
     */
    private static EndCustomer customer(JsonNode node, boolean asWritten) {
        if (!node.isObject()) {
            throw new MalformedWire("field 'customer' is missing or not an object");
        }
        EndCustomer.Builder customer = EndCustomer.builder()
                .organization(asWritten ? writtenText(node, "organization") : text(node, "organization"))
                .firstName(asWritten ? writtenText(node, "firstName") : text(node, "firstName"))
                .lastName(asWritten ? writtenText(node, "lastName") : text(node, "lastName"))
                .email(asWritten ? writtenText(node, "email") : text(node, "email"));
        (asWritten ? writtenOptionalText(node, "country") : optionalText(node, "country")).ifPresent(customer::country);
        (asWritten ? writtenOptionalText(node, "vatId") : optionalText(node, "vatId")).ifPresent(customer::vatId);
        return customer.build();
    }

    /**
     * Turns a rule of a core value (seats at least 1, expiry not before issue) into a malformed record. The core
     * messages name ids and counts, never the license key, which is only wrapped, never validated by content.
     */
    private static <T> T guard(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MalformedWire(
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedWire("the answer is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw new MalformedWire("the answer is not valid JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new MalformedWire("field '" + field + "' is missing or not a text");
        }
        return value.stringValue();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new MalformedWire("field '" + field + "' is not a text");
        }
        return value.stringValue().isBlank() ? Optional.empty() : Optional.of(value.stringValue());
    }

    private static Secret secret(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.stringValue().isEmpty()) {
            throw new MalformedWire("field '" + field + "' is missing or not a text");
        }
        return Secret.of(value.stringValue());
    }

    private static int intField(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new MalformedWire("field '" + field + "' is missing or not a whole number");
        }
        return value.intValue();
    }

    private static long longField(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedWire("field '" + field + "' is missing or not a whole number");
        }
        return value.longValue();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new MalformedWire("field '" + field + "' is missing or not a number");
        }
        return value.decimalValue();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new MalformedWire("field '" + field + "' is missing or not true/false");
        }
        return value.booleanValue();
    }

    private static <T> T parsed(JsonNode node, String field, Function<String, T> parser) {
        String text = text(node, field);
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            throw new MalformedWire("field '" + field + "' is not an ISO-8601 date or instant: " + text);
        }
    }
}
