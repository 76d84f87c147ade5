package dev.esetshop.sdk.confirm.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A small logic-less template in the style of Mustache, enough for the confirmation e-mails: {@code {{name}}} is
 * replaced by a value (escaped by the renderer's escaper), {@code {{#name}}...{{/name}}} is a section shown when the
 * value is {@code true} or a non-empty text, or repeated for each map of a non-empty list, and
 * {@code {{^name}}...{{/name}}} is shown when it is not. A name the model lacks is an error, never an empty
 * string, so a template with a typo fails its test instead of mailing a gap.
 */
public final class Template {

    private final String name;
    private final List<Node> nodes;

    private Template(String name, List<Node> nodes) {
        this.name = name;
        this.nodes = nodes;
    }

    /**
     * Parses a template.
     *
     * @param name the template's name, for error messages
     * @throws IllegalArgumentException when a tag is not closed or sections do not nest
     */
    public static Template parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Deque<Section> open = new ArrayDeque<>();
        List<Node> root = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int start = text.indexOf("{{", position);
            List<Node> target = open.isEmpty() ? root : open.peek().children;
            if (start < 0) {
                target.add(new Literal(text.substring(position)));
                break;
            }
            if (start > position) {
                target.add(new Literal(text.substring(position, start)));
            }
            int end = text.indexOf("}}", start);
            if (end < 0) {
                throw new IllegalArgumentException(name + ": a tag opened at offset " + start + " is not closed");
            }
            String tag = text.substring(start + 2, end).strip();
            if (tag.isEmpty()) {
                throw new IllegalArgumentException(name + ": empty tag at offset " + start);
            }
            char kind = tag.charAt(0);
            if (kind == '#' || kind == '^') {
                Section section = new Section(tag.substring(1).strip(), kind == '^', new ArrayList<>());
                target.add(section);
                open.push(section);
            } else if (kind == '/') {
                String closing = tag.substring(1).strip();
                if (open.isEmpty() || !open.peek().key.equals(closing)) {
                    throw new IllegalArgumentException(name + ": {{/" + closing + "}} at offset " + start
                            + " closes no open section");
                }
                open.pop();
            } else {
                target.add(new Variable(tag));
            }
            position = end + 2;
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException(name + ": section {{#" + open.peek().key + "}} is not closed");
        }
        return new Template(name, List.copyOf(root));
    }

    /**
     * Renders the template with the model's values: texts and numbers, booleans and lists of maps for sections.
     *
     * @param escaper applied to every value (not to the template's own text)
     * @throws IllegalStateException when the template names a value the model lacks
     */
    public String render(Map<String, ?> model, UnaryOperator<String> escaper) {
        StringBuilder out = new StringBuilder();
        Deque<Map<String, ?>> scopes = new ArrayDeque<>();
        scopes.push(model);
        render(nodes, scopes, escaper, out);
        return out.toString();
    }

    private void render(List<Node> nodes, Deque<Map<String, ?>> scopes, UnaryOperator<String> escaper,
            StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Literal literal) {
                out.append(literal.text);
            } else if (node instanceof Variable variable) {
                Object value = lookup(variable.key, scopes);
                if (value instanceof List || value instanceof Map) {
                    throw new IllegalStateException(name + ": {{" + variable.key + "}} is a list, use a section");
                }
                out.append(escaper.apply(String.valueOf(value)));
            } else if (node instanceof Section section) {
                renderSection(section, scopes, escaper, out);
            }
        }
    }

    private void renderSection(Section section, Deque<Map<String, ?>> scopes, UnaryOperator<String> escaper,
            StringBuilder out) {
        Object value = lookup(section.key, scopes);
        List<?> items = value instanceof List<?> list ? list : List.of();
        boolean truthy = value instanceof Boolean flag ? flag
                : value instanceof List<?> ? !items.isEmpty()
                : !String.valueOf(value).isEmpty();
        if (section.inverted) {
            if (!truthy) {
                render(section.children, scopes, escaper, out);
            }
            return;
        }
        if (!truthy) {
            return;
        }
        if (value instanceof List<?>) {
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new IllegalStateException(name + ": {{#" + section.key + "}} must list maps");
                }
                @SuppressWarnings("unchecked")
                Map<String, ?> scope = (Map<String, ?>) map;
                scopes.push(scope);
                render(section.children, scopes, escaper, out);
                scopes.pop();
            }
        } else {
            render(section.children, scopes, escaper, out);
        }
    }

    private Object lookup(String key, Deque<Map<String, ?>> scopes) {
        for (Map<String, ?> scope : scopes) {
            if (scope.containsKey(key)) {
                return Objects.requireNonNull(scope.get(key), key);
            }
        }
        throw new IllegalStateException(name + " uses {{" + key + "}}, which the model does not have");
    }

    private sealed interface Node permits Literal, Variable, Section {}

    private record Literal(String text) implements Node {}

    private record Variable(String key) implements Node {}

    private record Section(String key, boolean inverted, List<Node> children) implements Node {}
}
