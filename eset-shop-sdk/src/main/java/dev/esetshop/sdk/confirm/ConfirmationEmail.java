package dev.esetshop.sdk.confirm;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.Operation;
import dev.esetshop.sdk.confirm.internal.MustacheTemplate;
import dev.esetshop.sdk.internal.LocalText;
import dev.esetshop.sdk.present.ShopPresentation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The ready confirmation e-mail in English, German and French: "Your license documents", "Ihre
 * Lizenzdokumente", "Vos documents de licence". It names the order, the product, seats and expiration, the end
 * customer, the prices and the license key, so the reseller can start deploying at once. Every value is shown by
 * {@link ShopPresentation}, as on the shop's pages: amounts such as {@code 112,95 €}, dates such as
 * {@code 07.12.2027}, the operation's label; the EULA's acceptance time is in UTC, said so.
 *
 * <p>The templates are Mustache resources of this package ({@code confirmation_<language>.subject|txt|html}),
 * rendered by mustache.java; values are HTML-escaped in the HTML body and stripped of line breaks in the subject,
 * and a name the model lacks fails rendering. A line holding only a section tag is dropped whole (Mustache's rule),
 * hence the blank line after such a tag in the text templates.
 */
public final class ConfirmationEmail {

    /** The languages the e-mail ships in; any other locale gets English. */
    public static final Set<Locale> SUPPORTED = Set.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    private static final Map<String, Templates> BY_LANGUAGE = Map.of(
            "en",
            Templates.load("confirmation", "en"),
            "de",
            Templates.load("confirmation", "de"),
            "fr",
            Templates.load("confirmation", "fr"));

    private ConfirmationEmail() {}

    /** Renders the e-mail for a confirmed order in the locale's language. */
    public static RenderedEmail render(OrderConfirmed event, Locale locale) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(locale, "locale");
        Templates templates = Templates.in(BY_LANGUAGE, locale);
        Map<String, Object> model = model(event, ShopPresentation.of(locale, ZoneOffset.UTC));
        return new RenderedEmail(
                templates.subject.render(model).strip(), templates.text.render(model), templates.html.render(model));
    }

    private static Map<String, Object> model(OrderConfirmed event, ShopPresentation present) {
        EndCustomer customer = event.customer();
        Map<String, Object> model = new HashMap<>();
        model.put("operation", present.operation(event.operation()));
        model.put("orderNumber", event.orderNumber());
        model.put("licenseId", event.licenseId().value());
        model.put("licenseKey", event.licenseKey().reveal());
        model.put("product", event.product().value());
        model.put("productName", event.productName());
        model.put("seats", present.count(event.seats()));
        model.put("expires", present.date(event.expires()));
        model.put("trial", event.trial());
        // a conversion keeps the license id and key: the mail says the trial the customer knows is now paid
        model.put("converted", event.operation() == Operation.TRIAL_CONVERSION);
        model.put("organisation", customer.organization());
        model.put("contactName", (customer.firstName() + " " + customer.lastName()).strip());
        model.put("email", customer.email());
        model.put("country", customer.country().orElse(""));
        model.put("vatId", customer.vatId().orElse(""));
        model.put("customerReference", event.customerReference().orElse(""));
        model.put("eulaVersion", event.eula().map(EulaAcceptance::version).orElse(""));
        model.put("eulaAcceptedBy", event.eula().map(EulaAcceptance::acceptedBy).orElse(""));
        model.put(
                "eulaAcceptedAt",
                event.eula()
                        .map(eula -> present.dateTime(eula.acceptedAt()) + " UTC")
                        .orElse(""));
        List<Map<String, Object>> lines = event.lines().stream()
                .map(line -> Map.<String, Object>of(
                        "sku", line.sku().value(),
                        "lineSeats", present.count(line.seats()),
                        "lineStreetPrice", present.money(line.streetPrice()),
                        "lineYourPrice", present.money(line.yourPrice())))
                .collect(Collectors.toList());
        model.put("hasLines", !lines.isEmpty());
        model.put("lines", lines);
        model.put("streetPrice", present.money(event.streetPrice()));
        model.put("yourPrice", present.money(event.yourPrice()));
        return model;
    }

    /** A value for the subject line: line breaks would let a value inject mail headers. */
    static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ");
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The three templates of one e-mail ({@code <name>_<language>.*}) in one language. */
    record Templates(MustacheTemplate subject, MustacheTemplate text, MustacheTemplate html) {

        /** The templates of the locale's language: LocalText.language gives en, de or fr, each loaded. */
        static Templates in(Map<String, Templates> byLanguage, Locale locale) {
            return Objects.requireNonNull(byLanguage.get(LocalText.language(locale)), "templates of every language");
        }

        static Templates load(String name, String language) {
            String base = name + "_" + language;
            return new Templates(
                    MustacheTemplate.parse(base + ".subject", resource(base + ".subject"), ConfirmationEmail::oneLine),
                    MustacheTemplate.parse(base + ".txt", resource(base + ".txt"), UnaryOperator.identity()),
                    MustacheTemplate.parse(base + ".html", resource(base + ".html"), ConfirmationEmail::escapeHtml));
        }

        private static String resource(String name) {
            try (InputStream in = ConfirmationEmail.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the SDK jar lacks the e-mail template " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the e-mail template " + name, e);
            }
        }
    }
}
