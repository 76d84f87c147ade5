package dev.esetshop.pricing;

import dev.esetshop.core.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The answer to a quote request: an accepted {@link Quote}, or every violation the request breaks. */
public sealed interface QuoteResult permits QuoteResult.Accepted, QuoteResult.Rejected {

    /** The request's id, echoed. */
    Optional<String> id();

    /** True for an accepted quote. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** An accepted request with its quote. */
    record Accepted(Quote quote) implements QuoteResult {
        public Accepted {
            Objects.requireNonNull(quote, "quote");
        }

        @Override
        public Optional<String> id() {
            return quote.request().id();
        }
    }

    /** A refused request with every violation it breaks (never empty). */
    record Rejected(Optional<String> id, List<Violation> violations) implements QuoteResult {
        public Rejected {
            Objects.requireNonNull(id, "id");
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejected request has at least one violation");
            }
        }
    }
}
