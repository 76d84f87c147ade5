package dev.esetshop.core;

import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * One rule a request breaks: a stable {@link #code()}, the request {@link #field()} it concerns, and a message in
 * the reseller's language made from {@link #messageKey()} and {@link #arguments()} by {@link #message(Locale)}.
 */
@Value.Immutable
public abstract class Violation {
    /** Only the generated implementation extends it. */
    Violation() {}

    /** The stable code. */
    public abstract ViolationCode code();

    /** The request field the violation concerns, as the quote protocol names it ({@code crossgrade.seats}). */
    public abstract String field();

    /** The message's key in the message bundles; the code's name unless a more precise wording exists. */
    @Value.Default
    public String messageKey() {
        return code().name();
    }

    /** The values the message is filled with, already as text (dates as {@code YYYY-MM-DD}). */
    public abstract List<String> arguments();

    /** The message in English, German or French; any other locale gets English. */
    public String message(Locale locale) {
        return ViolationMessages.render(this, locale);
    }

    /** A violation with its code's own wording. */
    public static Violation of(ViolationCode code, String field, Object... arguments) {
        return builder()
                .code(code)
                .field(field)
                .arguments(ViolationMessages.asText(arguments))
                .build();
    }

    /** A violation with a more precise wording of its code, such as {@code INVALID_REQUEST.missing}. */
    public static Violation withKey(ViolationCode code, String messageKey, String field, Object... arguments) {
        return builder()
                .code(code)
                .messageKey(messageKey)
                .field(field)
                .arguments(ViolationMessages.asText(arguments))
                .build();
    }

    /** A builder. */
    public static Builder builder() {
        return ImmutableViolation.builder();
    }

    @Value.Check
    void check() {
        if (!ViolationMessages.hasKey(messageKey())) {
            throw new IllegalArgumentException("no message for key " + messageKey());
        }
    }

    /** Collects the values of a {@link Violation}; {@link #build()} checks them. */
    public interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(Violation instance);

        /**
         * Sets {@link Violation#code()}.
         *
         * @param code the value
         * @return this builder
         */
        Builder code(ViolationCode code);

        /**
         * Sets {@link Violation#field()}.
         *
         * @param field the value
         * @return this builder
         */
        Builder field(String field);

        /**
         * Sets {@link Violation#messageKey()}.
         *
         * @param messageKey the value
         * @return this builder
         */
        Builder messageKey(String messageKey);

        /**
         * Adds to {@link Violation#arguments()}.
         *
         * @param element the element
         * @return this builder
         */
        Builder addArguments(String element);

        /**
         * Adds to {@link Violation#arguments()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addArguments(String... elements);

        /**
         * Sets {@link Violation#arguments()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder arguments(Iterable<String> elements);

        /**
         * Adds to {@link Violation#arguments()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addAllArguments(Iterable<String> elements);

        /**
         * Builds the value.
         *
         * @return the Violation
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        Violation build();
    }
}
