package dev.esetshop.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.EsetPartnerClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published OpenAPI document covers every call the client makes, with the protocol's headers and schemas. */
class OpenApiDocumentTest {

    private final JsonNode doc = JsonMapper.builder().build().readTree(EsetPartnerClient.openApiDocument());

    @Test
    void isOpenApi31WithEveryCallOfTheClient() {
        assertThat(doc.path("openapi").asString()).isEqualTo("3.1.0");
        List<String> paths = new ArrayList<>(doc.path("paths").propertyNames());

        assertThat(paths)
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(EsetCall.values())
                        .map(EsetCall::path)
                        .toList());
        for (EsetCall call : EsetCall.values()) {
            JsonNode post = doc.path("paths").path(call.path()).path("post");
            assertThat(post.path("requestBody").path("content").has("application/json"))
                    .as(call.call())
                    .isTrue();
            assertThat(post.path("responses").has("200")).as(call.call()).isTrue();
            assertThat(post.path("responses").path("200").path("headers").has("X-Request-Id"))
                    .isTrue();
            assertThat(post.path("responses").path("503").path("headers").has("Retry-After"))
                    .isTrue();
            assertThat(post.path("security").isEmpty()).as(call.call()).isEqualTo(!call.authenticated());
        }
    }

    @Test
    void everyOrderCallNeedsAnIdempotencyKey() {
        for (EsetCall call : List.of(
                EsetCall.LICENSE_ORDER,
                EsetCall.LICENSE_RENEW,
                EsetCall.LICENSE_CHANGE_PRODUCT,
                EsetCall.LICENSE_TRIAL,
                EsetCall.LICENSE_CONVERT_TRIAL)) {
            assertThat(doc.path("paths")
                            .path(call.path())
                            .path("post")
                            .path("parameters")
                            .toString())
                    .contains("Idempotency-Key");
        }
        JsonNode key = doc.path("components").path("parameters").path("Idempotency-Key");
        assertThat(key.path("in").asString()).isEqualTo("header");
        assertThat(key.path("schema").path("maxLength").asInt()).isEqualTo(64);
    }

    @Test
    void declaresTheSharedSchemasAndBearerSecurity() {
        JsonNode schemas = doc.path("components").path("schemas");

        assertThat(schemas.has("License")).isTrue();
        assertThat(schemas.has("Customer")).isTrue();
        assertThat(schemas.has("Error")).isTrue();
        assertThat(schemas.path("License").path("required").toString()).contains("licenseKey", "customer", "modified");
        assertThat(schemas.path("Error").path("properties").has("subCode")).isTrue();
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("bearerAuth")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            JsonNode target = doc.at(ref.substring(1));
            assertThat(target.isMissingNode()).as(ref).isFalse();
        });
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.path("$ref").asString());
            }
            node.values().forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.values().forEach(child -> collectRefs(child, refs));
        }
    }
}
