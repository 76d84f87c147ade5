package dev.esetshop.sdk.confirm.internal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.SimpleObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Mustache template (mustache.java) over a model of maps: {@code {{name}}} is replaced by a value passed through
 * the template's escaper, {@code {{#name}}...{{/name}}} is shown when the value is {@code true} or a non-empty text,
 * or repeated for each map of a non-empty list, and {@code {{^name}}...{{/name}}} is shown when it is not. Stricter
 * than Mustache in two ways: a name the model lacks is an error, never an empty string, so a template with a typo
 * fails its test instead of mailing a gap; and a list is never printed as a value. A line holding only a section
 * tag is dropped whole, as the Mustache specification says. Thread-safe once parsed.
 */
public final class MustacheTemplate {

    private static final Pattern UNCLOSED_SECTION = Pattern.compile("Failed to close '([^']*)' tag");
    private static final Pattern MISMATCHED = Pattern.compile("Mismatched start/end tags: (\\S+) != (\\S+) in");

    private final String name;
    private final Mustache mustache;

    private MustacheTemplate(String name, Mustache mustache) {
        this.name = name;
        this.mustache = mustache;
    }

    /**
     * Parses a template.
     *
     * @param name the template's name, for error messages
     * @param text the template
     * @param escaper applied to every value (never to the template's own text)
     * @throws IllegalArgumentException when a tag is empty or not closed, or sections do not nest
     */
    public static MustacheTemplate parse(String name, String text, UnaryOperator<String> escaper) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(escaper, "escaper");
        try {
            return new MustacheTemplate(name, new StrictFactory(escaper).compile(new StringReader(text), name));
        } catch (MustacheException e) {
            throw new IllegalArgumentException(name + ": " + parseProblem(e.getMessage()), e);
        }
    }

    /**
     * Renders the template with the model's values: texts and numbers, booleans and lists of maps for sections.
     *
     * @param model the values by name; none may be {@code null}
     * @return the rendered text
     * @throws IllegalStateException when the template names a value the model lacks, or prints a list
     */
    public String render(Map<String, ?> model) {
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, List.of(model)).flush();
        } catch (MustacheException | ModelMismatch e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ModelMismatch mismatch) {
                    throw new IllegalStateException(name + " " + mismatch.getMessage(), e);
                }
            }
            throw new IllegalStateException(name + " could not be rendered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The parser's complaint in the words of the template's author. */
    private static String parseProblem(@Nullable String message) {
        String text = message == null ? "" : message;
        Matcher unclosed = UNCLOSED_SECTION.matcher(text);
        if (unclosed.find()) {
            return "section {{#" + unclosed.group(1) + "}} is not closed";
        }
        Matcher mismatched = MISMATCHED.matcher(text);
        if (mismatched.find()) {
            String open = mismatched.group(1).equals("null") ? "none" : "{{#" + mismatched.group(1) + "}}";
            return "{{/" + mismatched.group(2) + "}} closes no open section (open: " + open + ")";
        }
        if (text.startsWith("Improperly closed")) {
            return "a tag is not closed (" + text + ")";
        }
        return text;
    }

    /** The model does not fit the template; the message completes "{template name} ...". */
    private static final class ModelMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ModelMismatch(String message) {
            super(message, null, false, false);
        }
    }

    /** mustache.java with the escaper, the strict lookup and empty tags refused. */
    private static final class StrictFactory extends DefaultMustacheFactory {
        private final UnaryOperator<String> escaper;

        StrictFactory(UnaryOperator<String> escaper) {
            this.escaper = escaper;
            setObjectHandler(new StrictMaps());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escaper.apply(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void value(TemplateContext context, String variable, boolean encoded) {
                    if (variable.isBlank()) {
                        throw new MustacheException("empty tag", context);
                    }
                    super.value(context, variable, encoded);
                }
            };
        }
    }

    /**
     * Looks names up in the model's maps only, innermost section first, and refuses what Mustache would print as
     * nothing: a missing name, or a list as a value.
     */
    private static final class StrictMaps extends SimpleObjectHandler {
        @Override
        public Wrapper find(String name, List<Object> scopes) {
            // looked up again on every render: the scopes differ from one model to the next
            return current -> {
                for (int i = current.size() - 1; i >= 0; i--) {
                    if (current.get(i) instanceof Map<?, ?> scope && scope.containsKey(name)) {
                        return Objects.requireNonNull(scope.get(name), name);
                    }
                }
                throw new ModelMismatch("uses {{" + name + "}}, which the model does not have");
            };
        }

        @Override
        public String stringify(Object value) {
            if (value instanceof List || value instanceof Map) {
                throw new ModelMismatch("prints a value that is a list; use a section to repeat it");
            }
            return super.stringify(value);
        }
    }
}
