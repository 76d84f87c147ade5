package dev.esetshop.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One rule a request breaks: a stable {@link #code()}, the request {@link #field()} it concerns, and a message in
 * the reseller's language made from {@link #messageKey()} and {@link #arguments()} by {@link #message(Locale)}.
 *
 * @param code the stable code
 * @param field the request field the violation concerns, as the quote protocol names it ({@code crossgrade.seats})
 * @param messageKey the message's key in the message bundles; the code's name unless a more precise wording exists
 * @param arguments the values the message is filled with, already as text (dates as {@code YYYY-MM-DD})
 */
public record Violation(ViolationCode code, String field, String messageKey, List<String> arguments) {

    /**
     * A violation; {@link #of} and {@link #withKey} make one from arguments of any type.
     *
     * @throws IllegalArgumentException when the message bundles have no message for the key
     */
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(messageKey, "messageKey");
        arguments = List.copyOf(arguments);
        if (!ViolationMessages.hasKey(messageKey)) {
            throw new IllegalArgumentException("no message for key " + messageKey);
        }
    }

    /** The message in English, German or French; any other locale gets English. */
    public String message(Locale locale) {
        return ViolationMessages.render(this, locale);
    }

    /** A violation with its code's own wording. */
    public static Violation of(ViolationCode code, String field, Object... arguments) {
        return new Violation(code, field, code.name(), ViolationMessages.asText(arguments));
    }

    /** A violation with a more precise wording of its code, such as {@code INVALID_REQUEST.missing}. */
    public static Violation withKey(ViolationCode code, String messageKey, String field, Object... arguments) {
        return new Violation(code, field, messageKey, ViolationMessages.asText(arguments));
    }
}
