package dev.esetshop.examples.web;

import dev.esetshop.core.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every broken rule of a form, by the field it is shown beside, in the page's language. */
final class FieldViolations {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final Collection<String> formFields;

    FieldViolations(List<Violation> violations, Locale locale, Collection<String> formFields) {
        this.formFields = formFields;
        for (Violation violation : violations) {
            byField.computeIfAbsent(violation.field(), f -> new ArrayList<>()).add(violation.message(locale));
        }
    }

    static FieldViolations none(Collection<String> formFields) {
        return new FieldViolations(List.of(), Locale.ENGLISH, formFields);
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
}
