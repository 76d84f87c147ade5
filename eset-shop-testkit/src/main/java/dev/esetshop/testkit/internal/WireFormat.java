package dev.esetshop.testkit.internal;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of the protocol: reading requests strictly and writing licenses exactly as the spec has them. */
public final class WireFormat {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireFormat() {}

    /** The request body as a JSON object; an empty body reads as {@code {}}. */
    static ObjectNode readObject(byte[] body) {
        if (body.length == 0) {
            return NODES.objectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("The request body is not JSON: send a JSON object.");
        }
        if (node == null || node.isMissingNode()) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    static byte[] write(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    static String text(JsonNode request, String field) {
        return optionalText(request, field)
                .orElseThrow(() -> ApiError.badRequest("The field '" + field + "' is required and must be a string."));
    }

    static Optional<String> optionalText(JsonNode request, String field) {
        JsonNode value = request.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw ApiError.badRequest("The field '" + field + "' must be a non-empty string.");
        }
        return Optional.of(value.stringValue());
    }

    static int integer(JsonNode request, String field) {
        JsonNode value = request.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiError.badRequest("The field '" + field + "' is required and must be an integer.");
        }
        return value.intValue();
    }

    static Optional<Instant> optionalInstant(JsonNode request, String field) {
        return optionalText(request, field).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest(
                        "The field '" + field + "' must be an ISO-8601 instant such as " + "2026-01-31T12:00:00Z.");
            }
        });
    }

    /** The end customer's EULA acceptance of an order, {@code {"version", "acceptedBy", "acceptedAt"}}, if sent. */
    static Optional<EulaAcceptance> eula(JsonNode request) {
        JsonNode eula = request.path("eula");
        if (eula.isMissingNode() || eula.isNull()) {
            return Optional.empty();
        }
        if (!eula.isObject()) {
            throw ApiError.badRequest("The field 'eula' must be an object {version, acceptedBy, acceptedAt}.");
        }
        Instant acceptedAt = optionalInstant(eula, "acceptedAt")
                .orElseThrow(() -> ApiError.badRequest("The field 'acceptedAt' of 'eula' is required."));
        return Optional.of(EulaAcceptance.of(text(eula, "version"), text(eula, "acceptedBy"), acceptedAt));
    }

    static EndCustomer customer(JsonNode request) {
        JsonNode customer = request.path("customer");
        if (!customer.isObject()) {
            throw ApiError.badRequest("The field 'customer' is required and must be an object.");
        }
        EndCustomer.Builder builder = EndCustomer.builder()
                .organization(text(customer, "organization"))
                .firstName(text(customer, "firstName"))
                .lastName(text(customer, "lastName"))
                .email(text(customer, "email"));
        optionalText(customer, "country").ifPresent(builder::country);
        optionalText(customer, "vatId").ifPresent(builder::vatId);
        return builder.build();
    }

    /** A license as {@code License} of the spec, with its malformation if it has one. */
    static ObjectNode license(SandboxLicense license) {
        ObjectNode node = NODES.objectNode();
        node.put("publicLicenseId", license.publicLicenseId());
        node.put("licenseKey", license.licenseKey().reveal());
        node.put("productCode", license.productCode());
        node.put("productName", license.productName());
        node.put("seats", license.seats());
        node.put("usedSeats", license.usedSeats());
        node.put("state", license.state());
        node.put("trial", license.trial());
        license.discount().ifPresent(discount -> node.put("discount", discount));
        node.put("issued", license.issued().toString());
        node.put("expires", license.expires().toString());
        node.put("modified", license.modified().toString());
        node.set("customer", customer(license.customer()));
        license.malformation().ifPresent(malformation -> {
            switch (malformation) {
                case EXPIRES_NOT_A_DATE -> node.put("expires", "not-a-date");
                case CUSTOMER_MISSING -> node.remove("customer");
                case SEATS_NOT_A_NUMBER -> node.put("seats", "many");
                default -> throw new IllegalStateException("unknown malformation " + malformation);
            }
        });
        return node;
    }

    static ObjectNode customer(EndCustomer customer) {
        ObjectNode node = NODES.objectNode();
        node.put("organization", customer.organization());
        node.put("firstName", customer.firstName());
        node.put("lastName", customer.lastName());
        node.put("email", customer.email());
        customer.country().ifPresent(country -> node.put("country", country));
        customer.vatId().ifPresent(vatId -> node.put("vatId", vatId));
        return node;
    }

    static ObjectNode receipt(String orderNumber, SandboxLicense license) {
        ObjectNode node = NODES.objectNode();
        node.put("orderNumber", orderNumber);
        node.set("license", license(license));
        return node;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }
}
