package dev.esetshop.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A raw protocol client for the sandbox's tests: plain java.net.http and Jackson, no SDK logic in between. */
final class WireClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer. */
    record Reply(int status, JsonNode body, HttpResponse<String> response) {
        int code() {
            return body.path("code").asInt(-1);
        }

        int subCode() {
            return body.path("subCode").asInt(-1);
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private String accessToken = "";
    private String refreshToken = "";

    WireClient(EsetSandbox sandbox) {
        this.base = sandbox.baseUri();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    Reply login() {
        return login(EsetSandbox.DEMO_USERNAME, EsetSandbox.DEMO_PASSWORD);
    }

    Reply login(String username, String password) {
        Reply reply = post("/api/Token/Get", object().put("username", username).put("password", password));
        if (reply.status() == 200) {
            accessToken = reply.body().path("accessToken").asString();
            refreshToken = reply.body().path("refreshToken").asString();
        }
        return reply;
    }

    String accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    Reply post(String path, JsonNode body) {
        return send(path, body, Optional.empty());
    }

    Reply order(String path, JsonNode body, String idempotencyKey) {
        return send(path, body, Optional.of(idempotencyKey));
    }

    Reply send(String path, JsonNode body, Optional<String> idempotencyKey) {
        try {
            return sendOrThrow(path, body, idempotencyKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply sendOrThrow(String path, JsonNode body, Optional<String> idempotencyKey) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (!accessToken.isEmpty()) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        idempotencyKey.ifPresent(key -> request.header("Idempotency-Key", key));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? object() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static ObjectNode customer() {
        return object().put("organization", "Bäckerei Sonnenschein GmbH")
                .put("firstName", "Anna")
                .put("lastName", "Müller")
                .put("email", "anna.mueller@baeckerei-sonnenschein.de")
                .put("country", "DE");
    }

    static ObjectNode newOrder(String product, int seats, int years) {
        ObjectNode order = object().put("sku", product + "-N" + years + "B5")
                .put("productCode", product)
                .put("seats", seats)
                .put("years", years);
        order.set("customer", customer());
        return order;
    }
}
