package dev.esetshop.pricing.protocol;

import dev.esetshop.core.Violation;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.internal.Json;
import dev.esetshop.pricing.protocol.internal.ProtocolReader;
import dev.esetshop.pricing.protocol.internal.ProtocolWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quote protocol over one catalog: a request object (or an array of them) as JSON text in, the result object
 * (or array, in the same order) out. Every request gets a result, with {@code INVALID_REQUEST} violations when it
 * cannot be mapped (a missing operation, an unreadable date, a field of the wrong JSON type); only text that is not
 * JSON at all is refused, with {@link MalformedJsonException}. Immutable and thread-safe.
 */
public final class QuoteProtocol {

    private final Pricing pricing;
    private final ProtocolWriter writer;

    private QuoteProtocol(Pricing pricing) {
        this.pricing = pricing;
        this.writer = new ProtocolWriter();
    }

    /** The protocol over a catalog. */
    public static QuoteProtocol of(Catalog catalog) {
        return new QuoteProtocol(Pricing.of(Objects.requireNonNull(catalog, "catalog")));
    }

    /** The pricing the protocol answers with. */
    public Pricing pricing() {
        return pricing;
    }

    /**
     * Answers a request document: one result object for a request object, an array of results for an array.
     *
     * @throws MalformedJsonException when the text is not JSON
     */
    public String answer(String requestJson) {
        JsonNode document = parse(requestJson);
        if (document.isArray()) {
            ArrayNode results = Json.MAPPER.createArrayNode();
            for (JsonNode request : document.values()) {
                results.add(answer(request));
            }
            return Json.MAPPER.writeValueAsString(results);
        }
        return Json.MAPPER.writeValueAsString(answer(document));
    }

    /**
     * Maps one request object to the SDK's request and context, or to the violations that keep it from mapping.
     *
     * @throws MalformedJsonException when the text is not JSON
     */
    public Decoded decode(String requestObjectJson) {
        return ProtocolReader.read(parse(requestObjectJson));
    }

    /** The protocol's JSON object for a result, with violation messages in the locale's language. */
    public String encode(QuoteResult result, Locale locale) {
        return Json.MAPPER.writeValueAsString(writer.result(result, locale));
    }

    private ObjectNode answer(JsonNode request) {
        Decoded decoded = ProtocolReader.read(request);
        QuoteResult result;
        if (decoded instanceof Decoded.Request) {
            Decoded.Request ok = (Decoded.Request) decoded;
            result = pricing.quote(ok.request(), ok.context());
        } else {
            Decoded.Invalid invalid = (Decoded.Invalid) decoded;
            result = invalid.id()
                    .map(id -> new QuoteResult.Rejected(id, invalid.violations()))
                    .orElseGet(() -> new QuoteResult.Rejected(invalid.violations()));
        }
        ObjectNode answer = writer.result(result, decoded.locale());
        JsonNode id = request.isObject() ? request.get("id") : null;
        if (id != null && !id.isNull() && !id.isString()) {
            // echo an id of another JSON type as sent, so the caller can still match the answer
            answer.set("id", id);
        }
        return answer;
    }

    private static JsonNode parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("the request is empty: send a JSON object or array");
            }
            return node;
        } catch (JacksonException e) {
            throw new MalformedJsonException("the request is not JSON" + Json.where(e));
        }
    }

    /** One request object mapped: either the SDK's request with its context, or the violations of the mapping. */
    public sealed interface Decoded permits Decoded.Request, Decoded.Invalid {

        /** The language asked for violation messages ({@code locale}; English by default). */
        Locale locale();

        /** A request that maps; the rules of the shop are checked when it is quoted. */
        record Request(QuoteRequest request, QuoteContext context, Locale locale) implements Decoded {
            /** Checks that no part is null. */
            public Request {
                Objects.requireNonNull(request, "request");
                Objects.requireNonNull(context, "context");
                Objects.requireNonNull(locale, "locale");
            }
        }

        /** A request that does not map, with its {@code INVALID_REQUEST} violations (never empty). */
        final class Invalid implements Decoded {
            private final @Nullable String id;
            private final List<Violation> violations;
            private final Locale locale;

            /**
             * A request without an id that does not map.
             *
             * @param violations why, at least one
             * @param locale the language asked for violation messages
             * @throws IllegalArgumentException when there is no violation
             */
            public Invalid(List<Violation> violations, Locale locale) {
                this.id = null;
                this.violations = checked(violations);
                this.locale = Objects.requireNonNull(locale, "locale");
            }

            /**
             * A request with an id that does not map.
             *
             * @param id the request's id
             * @param violations why, at least one
             * @param locale the language asked for violation messages
             * @throws IllegalArgumentException when there is no violation
             */
            public Invalid(String id, List<Violation> violations, Locale locale) {
                this.id = Objects.requireNonNull(id, "id");
                this.violations = checked(violations);
                this.locale = Objects.requireNonNull(locale, "locale");
            }

            private static List<Violation> checked(List<Violation> violations) {
                List<Violation> copy = List.copyOf(violations);
                if (copy.isEmpty()) {
                    throw new IllegalArgumentException("an invalid request has at least one violation");
                }
                return copy;
            }

            /**
             * The request's id.
             *
             * @return the id, empty when the request had none
             */
            public Optional<String> id() {
                return Optional.ofNullable(id);
            }

            /**
             * Why the request does not map.
             *
             * @return its {@code INVALID_REQUEST} violations, at least one
             */
            public List<Violation> violations() {
                return violations;
            }

            @Override
            public Locale locale() {
                return locale;
            }

            @Override
            public boolean equals(@Nullable Object other) {
                return other instanceof Invalid that
                        && Objects.equals(id, that.id)
                        && violations.equals(that.violations)
                        && locale.equals(that.locale);
            }

            @Override
            public int hashCode() {
                return Objects.hash(id, violations, locale);
            }

            @Override
            public String toString() {
                return "Invalid[id=" + id() + ", violations=" + violations + ", locale=" + locale + "]";
            }
        }
    }

    /** The text given as a request document is not JSON; the message says where it stops being JSON. */
    public static final class MalformedJsonException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** An exception with its one-line reason. */
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
