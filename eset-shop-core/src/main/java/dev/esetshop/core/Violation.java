package dev.esetshop.core;

import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * One rule a request breaks: a stable {@link #code()}, the request {@link #field()} it concerns, and a message in
 * the reseller's language made from {@link #messageKey()} and {@link #arguments()} by {@link #message(Locale)}.
 */
@Value.Immutable
public interface Violation {

    /** The stable code. */
    ViolationCode code();

    /** The request field the violation concerns, as the quote protocol names it ({@code crossgrade.seats}). */
    String field();

    /** The message's key in the message bundles; the code's name unless a more precise wording exists. */
    @Value.Default
    default String messageKey() {
        return code().name();
    }

    /** The values the message is filled with, already as text (dates as {@code YYYY-MM-DD}). */
    List<String> arguments();

    /** The message in English, German or French; any other locale gets English. */
    default String message(Locale locale) {
        return ViolationMessages.render(this, locale);
    }

    /** A violation with its code's own wording. */
    static Violation of(ViolationCode code, String field, Object... arguments) {
        return builder().code(code).field(field).arguments(ViolationMessages.asText(arguments)).build();
    }

    /** A violation with a more precise wording of its code, such as {@code INVALID_REQUEST.missing}. */
    static Violation withKey(ViolationCode code, String messageKey, String field, Object... arguments) {
        return builder()
                .code(code)
                .messageKey(messageKey)
                .field(field)
                .arguments(ViolationMessages.asText(arguments))
                .build();
    }

    /** A builder. */
    static ImmutableViolation.Builder builder() {
        return ImmutableViolation.builder();
    }

    @Value.Check
    default void check() {
        if (!ViolationMessages.hasKey(messageKey())) {
            throw new IllegalArgumentException("no message for key " + messageKey());
        }
    }
}
