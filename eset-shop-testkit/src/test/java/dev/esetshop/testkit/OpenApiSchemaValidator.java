package dev.esetshop.testkit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON against the schemas of an OpenAPI 3.1 document, for the subset of JSON Schema the protocol's document
 * uses: {@code type} (one or a list), {@code required}, {@code properties}, {@code items}, {@code enum},
 * {@code format} date and date-time, {@code minimum}, {@code maximum}, {@code exclusiveMaximum} and local
 * {@code $ref}s. A keyword outside the subset is reported, so the validator cannot pass a document it does not
 * understand.
 */
final class OpenApiSchemaValidator {

    private static final List<String> UNDERSTOOD = List.of(
            "type",
            "required",
            "properties",
            "items",
            "enum",
            "format",
            "minimum",
            "maximum",
            "exclusiveMaximum",
            "$ref",
            "description",
            "examples",
            "writeOnly",
            "readOnly",
            "title",
            "default");

    private final JsonNode document;

    OpenApiSchemaValidator(JsonNode document) {
        this.document = document;
    }

    /** The schema of the JSON answer of {@code POST path} with {@code status}, if the document declares one. */
    Optional<JsonNode> responseSchema(String path, int status) {
        JsonNode responses = document.path("paths").path(path).path("post").path("responses");
        JsonNode response = responses.path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        response = resolve(response);
        JsonNode schema = response.path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** The problems of {@code value} against {@code schema}; empty when it is valid. */
    List<String> validate(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    /** The problems of the answer to {@code POST path} with {@code status}, an undeclared status included. */
    List<String> validateResponse(String path, int status, JsonNode body) {
        return responseSchema(path, status)
                .map(schema -> validate(body, schema))
                .orElse(List.of("POST " + path + " declares no JSON answer for status " + status));
    }

    private void check(JsonNode value, JsonNode schemaOrRef, String where, List<String> problems) {
        JsonNode schema = resolve(schemaOrRef);
        schema.propertyNames().forEach(keyword -> {
            if (!UNDERSTOOD.contains(keyword)) {
                problems.add(where + ": schema keyword '" + keyword + "' is outside the validator's subset");
            }
        });
        JsonNode type = schema.path("type");
        if (!type.isMissingNode()) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(each -> types.add(each.asString()));
            } else {
                types.add(type.asString());
            }
            if (types.stream().noneMatch(each -> hasType(value, each))) {
                problems.add(where + ": expected " + types + " but was " + value.getNodeType());
                return;
            }
        }
        JsonNode enumeration = schema.path("enum");
        if (enumeration.isArray() && enumeration.valueStream().noneMatch(value::equals)) {
            problems.add(where + ": " + value + " is not one of " + enumeration);
        }
        if (value.isNumber()) {
            checkBounds(value, schema, where, problems);
        }
        if (value.isString() && schema.has("format")) {
            checkFormat(value.asString(), schema.path("format").asString(), where, problems);
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asString())) {
                    problems.add(where + ": required property '" + name.asString() + "' is missing");
                }
            });
            JsonNode properties = schema.path("properties");
            properties.propertyNames().forEach(name -> {
                if (value.has(name)) {
                    check(value.path(name), properties.path(name), where + "." + name, problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.path("items"), where + "[" + i + "]", problems);
            }
        }
    }

    private static void checkBounds(JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (schema.has("minimum")
                && value.decimalValue().compareTo(schema.path("minimum").decimalValue()) < 0) {
            problems.add(where + ": " + value + " is below the minimum " + schema.path("minimum"));
        }
        if (schema.has("maximum")
                && value.decimalValue().compareTo(schema.path("maximum").decimalValue()) > 0) {
            problems.add(where + ": " + value + " is above the maximum " + schema.path("maximum"));
        }
        if (schema.has("exclusiveMaximum")
                && value.decimalValue()
                                .compareTo(schema.path("exclusiveMaximum").decimalValue())
                        >= 0) {
            problems.add(where + ": " + value + " is not below " + schema.path("exclusiveMaximum"));
        }
    }

    private static void checkFormat(String text, String format, String where, List<String> problems) {
        try {
            switch (format) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> OffsetDateTime.parse(text);
                default -> {
                    // Other formats (email, uri) are annotations only in JSON Schema 2020-12.
                }
            }
        } catch (DateTimeParseException e) {
            problems.add(where + ": '" + text + "' is not a " + format);
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" ->
                value.isIntegralNumber()
                        || (value.isNumber()
                                && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current.has("$ref"); depth++) {
            String ref = current.path("$ref").asString();
            if (!ref.startsWith("#/") || depth > 20) {
                throw new IllegalArgumentException("unsupported or circular $ref " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
        }
        return current;
    }
}
