package dev.esetshop.pricing;

import dev.esetshop.core.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    final class Rejected implements QuoteResult {
        private final @Nullable String id;
        private final List<Violation> violations;

        /**
         * A refused request without an id.
         *
         * @param violations every violation it breaks, at least one
         * @throws IllegalArgumentException when there is no violation
         */
        public Rejected(List<Violation> violations) {
            this.id = null;
            this.violations = checked(violations);
        }

        /**
         * A refused request with its id.
         *
         * @param id the request's id, echoed
         * @param violations every violation it breaks, at least one
         * @throws IllegalArgumentException when there is no violation
         */
        public Rejected(String id, List<Violation> violations) {
            this.id = Objects.requireNonNull(id, "id");
            this.violations = checked(violations);
        }

        private static List<Violation> checked(List<Violation> violations) {
            List<Violation> copy = List.copyOf(violations);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("a rejected request has at least one violation");
            }
            return copy;
        }

        @Override
        public Optional<String> id() {
            return Optional.ofNullable(id);
        }

        /**
         * Every violation the request breaks.
         *
         * @return at least one violation
         */
        public List<Violation> violations() {
            return violations;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Rejected that && Objects.equals(id, that.id) && violations.equals(that.violations);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, violations);
        }

        @Override
        public String toString() {
            return "Rejected[id=" + id() + ", violations=" + violations + "]";
        }
    }
}
