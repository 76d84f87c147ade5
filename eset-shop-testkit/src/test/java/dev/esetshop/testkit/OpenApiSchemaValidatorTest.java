package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schema validator finds each kind of problem, so a conformance test that passes means something. */
class OpenApiSchemaValidatorTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {"/api/X/Get": {"post": {"responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "default": {"$ref": "#/components/responses/Error"}}}}},
             "components": {
               "responses": {"Error": {"content": {"application/json": {"schema": {
                   "type": "object", "required": ["code"], "properties": {"code": {"type": "integer"}}}}}}},
               "schemas": {"Thing": {"type": "object", "required": ["id", "when", "day", "tags"],
                 "properties": {
                   "id": {"type": "string"},
                   "when": {"type": "string", "format": "date-time"},
                   "day": {"type": "string", "format": "date"},
                   "count": {"type": "integer", "minimum": 1, "maximum": 10},
                   "share": {"type": "number", "exclusiveMaximum": 1},
                   "state": {"type": "string", "enum": ["A", "B"]},
                   "note": {"type": ["string", "null"]},
                   "tags": {"type": "array", "items": {"type": "string"}},
                   "inner": {"$ref": "#/components/schemas/Inner"}}},
                 "Inner": {"type": "object", "required": ["ok"], "properties": {"ok": {"type": "boolean"}}},
                 "Odd": {"type": "object", "oneOf": []}}}}
            """;

    private final JsonNode document = WireClient.JSON.readTree(DOCUMENT);
    private final OpenApiSchemaValidator validator = new OpenApiSchemaValidator(document);

    @Test
    void aValidAnswerHasNoProblems() {
        JsonNode thing = WireClient.JSON.readTree("""
                {"id": "a", "when": "2026-11-24T10:00:00Z", "day": "2026-11-24", "count": 3, "share": 0.25,
                 "state": "A", "note": null, "tags": ["x"], "inner": {"ok": true}, "extra": 1}
                """);

        assertThat(validator.validateResponse("/api/X/Get", 200, thing)).isEmpty();
        assertThat(validator.validateResponse("/api/X/Get", 404, WireClient.JSON.readTree("{\"code\": 6}")))
                .isEmpty();
    }

    @Test
    void everyKindOfProblemIsFound() {
        JsonNode thing = WireClient.JSON.readTree("""
                {"id": 5, "when": "yesterday", "day": "not-a-date", "count": 11, "share": 1, "state": "C",
                 "note": 3, "tags": ["x", 2], "inner": {}}
                """);

        assertThat(validator.validateResponse("/api/X/Get", 200, thing))
                .containsExactlyInAnyOrder(
                        "$.id: expected [string] but was NUMBER",
                        "$.when: 'yesterday' is not a date-time",
                        "$.day: 'not-a-date' is not a date",
                        "$.count: 11 is above the maximum 10",
                        "$.share: 1 is not below 1",
                        "$.state: \"C\" is not one of [\"A\",\"B\"]",
                        "$.note: expected [string, null] but was NUMBER",
                        "$.tags[1]: expected [string] but was NUMBER",
                        "$.inner: required property 'ok' is missing");
        assertThat(validator.validateResponse("/api/X/Get", 200, WireClient.JSON.readTree("{\"id\": \"a\"}")))
                .contains("$: required property 'when' is missing", "$: required property 'tags' is missing");
    }

    @Test
    void undeclaredPathsKeywordsAndRefsAreReported() {
        assertThat(validator.validateResponse("/api/Y/Get", 200, WireClient.JSON.createObjectNode()))
                .containsExactly("POST /api/Y/Get declares no JSON answer for status 200");
        assertThat(validator.validate(WireClient.JSON.createObjectNode(), document.at("/components/schemas/Odd")))
                .containsExactly("$: schema keyword 'oneOf' is outside the validator's subset");
        assertThatThrownBy(() -> validator.validate(
                        WireClient.JSON.createObjectNode(),
                        WireClient.JSON.readTree("{\"$ref\": \"#/components/schemas/Missing\"}")))
                .hasMessageContaining("dangling");
    }
}
