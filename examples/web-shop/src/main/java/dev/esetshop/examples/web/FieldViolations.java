package dev.esetshop.examples.web;

import dev.esetshop.core.Violation;
import dev.esetshop.sdk.present.ShopPresentation;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Every broken rule of an order form, by the field it is shown beside, in the page's language. The rules go through
 * Spring's {@link BindingResult}: a value the form cannot bind (a number that is not one) is Spring's field error,
 * a violation of the shop's check is added to it by {@link #reject}, and the page and the check's JSON read both from
 * it. A violation names its field as the quote protocol and the SDK do ({@code customer.email}); the form's property
 * ({@code email}) is mapped here, in one place.
 */
final class FieldViolations {

    /** The violation's field by the form property it is bound to. */
    private static final Map<String, String> FIELD_BY_PROPERTY = Map.ofEntries(
            Map.entry("product", "product"),
            Map.entry("seats", "seats"),
            Map.entry("years", "years"),
            Map.entry("months", "months"),
            Map.entry("discount", "discount"),
            Map.entry("eligibilityCode", "eligibilityCode"),
            Map.entry("crossgrade", "crossgrade"),
            Map.entry("crossgradeSeats", "crossgrade.seats"),
            Map.entry("crossgradeExpires", "crossgrade.expires"),
            Map.entry("crossgradeProof", "crossgrade.proof"),
            Map.entry("organization", "customer.organization"),
            Map.entry("firstName", "customer.firstName"),
            Map.entry("lastName", "customer.lastName"),
            Map.entry("email", "customer.email"),
            Map.entry("country", "customer.country"),
            Map.entry("reference", "reference"),
            Map.entry("eula", "eula"));

    private static final Map<String, String> PROPERTY_BY_FIELD = inverse(FIELD_BY_PROPERTY);

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final Collection<String> formFields;

    private FieldViolations(Collection<String> formFields) {
        this.formFields = formFields;
    }

    /**
     * Adds the shop's violations to the binding result: a violation of a form field as that field's error, any other
     * (the license, the quote) as an error of the form. The message is the violation's, in the page's language, with
     * its dates in the page's style.
     */
    static void reject(BindingResult binding, List<Violation> violations, Locale locale) {
        // a violation's dates carry no time of day: any zone shows them alike
        ShopPresentation present = ShopPresentation.of(locale, ZoneOffset.UTC);
        for (Violation violation : violations) {
            String message = present.violation(violation);
            Optional<String> property = Optional.ofNullable(PROPERTY_BY_FIELD.get(violation.field()));
            if (property.isPresent()) {
                binding.addError(new FieldError(
                        binding.getObjectName(),
                        property.get(),
                        binding.getRawFieldValue(property.get()),
                        false,
                        null,
                        null,
                        message));
            } else {
                binding.addError(new ObjectError(binding.getObjectName(), null, null, message));
            }
        }
    }

    /** The errors of a binding result by the violation field they are shown beside, resolved in the language. */
    static FieldViolations of(
            BindingResult binding, MessageSource messages, Locale locale, Collection<String> formFields) {
        FieldViolations violations = new FieldViolations(formFields);
        for (ObjectError error : binding.getAllErrors()) {
            String field = error instanceof FieldError fieldError
                    ? FIELD_BY_PROPERTY.getOrDefault(fieldError.getField(), fieldError.getField())
                    : "*";
            violations.byField.computeIfAbsent(field, f -> new ArrayList<>()).add(messages.getMessage(error, locale));
        }
        return violations;
    }

    static FieldViolations none(Collection<String> formFields) {
        return new FieldViolations(formFields);
    }

    /** The form property a violation's field is bound to, or the field itself when the form has no such property. */
    static String property(String field) {
        return PROPERTY_BY_FIELD.getOrDefault(field, field);
    }

    /** The messages of one field. */
    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** The messages of fields the form does not show, shown above it. */
    public List<String> others() {
        List<String> others = new ArrayList<>();
        byField.forEach((field, messages) -> {
            if (!formFields.contains(field)) {
                others.addAll(messages);
            }
        });
        return others;
    }

    /** True when any rule is broken. */
    public boolean any() {
        return !byField.isEmpty();
    }

    /**
     * Every message with the field it is shown beside, for the check's JSON: {@code "*"} for the messages shown above
     * the form.
     */
    List<Map<String, String>> list() {
        List<Map<String, String>> list = new ArrayList<>();
        byField.forEach((field, messages) -> messages.forEach(
                message -> list.add(Map.of("field", formFields.contains(field) ? field : "*", "message", message))));
        return list;
    }

    private static Map<String, String> inverse(Map<String, String> map) {
        Map<String, String> inverse = new LinkedHashMap<>();
        map.forEach((key, value) -> inverse.put(value, key));
        return Map.copyOf(inverse);
    }
}
