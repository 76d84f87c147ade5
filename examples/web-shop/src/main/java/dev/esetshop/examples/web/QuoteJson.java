package dev.esetshop.examples.web;

import dev.esetshop.core.License;
import dev.esetshop.core.Operation;
import dev.esetshop.core.Violation;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.protocol.QuoteProtocol;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.present.ShopPresentation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quote protocol in the shop: a form or the live quote's JSON becomes the protocol's request, priced by the
 * reseller's own shop (its margin, its today), answered in the protocol's JSON. One mapping for the pages and
 * {@code POST /api/quote}, so the live quote and the order agree.
 */
@Component
class QuoteJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QuoteProtocol protocol;

    QuoteJson(Catalog catalog) {
        this.protocol = QuoteProtocol.of(catalog);
    }

    /** The protocol's request object for a form. */
    ObjectNode request(Operation operation, OrderForm form, Optional<License> license) {
        ObjectNode json = JSON.createObjectNode();
        json.put("operation", operation.name());
        json.put("seats", form.getSeats());
        switch (operation) {
            case NEW, TRIAL -> {
                json.put("product", form.getProduct());
                if (operation == Operation.NEW) {
                    json.put("years", form.getYears());
                    optional(json, "eligibilityCode", form.getEligibilityCode());
                    programme(json, form);
                } else {
                    // a trial is free: no programme and no crossgrade
                    json.put("months", form.getMonths());
                }
            }
            case RENEWAL, PRODUCT_CHANGE, TRIAL_CONVERSION -> {
                json.put("years", form.getYears());
                if (operation == Operation.PRODUCT_CHANGE) {
                    json.put("product", form.getProduct());
                }
                if (operation == Operation.TRIAL_CONVERSION) {
                    // a conversion is priced as NEW for the trial's product: the same programme or crossgrade
                    optional(json, "eligibilityCode", form.getEligibilityCode());
                    programme(json, form);
                }
                license.map(CurrentLicense::of).ifPresent(current -> {
                    ObjectNode node = json.putObject("license");
                    node.put("product", current.product());
                    node.put("seats", current.seats());
                    node.put("expires", current.expires().toString());
                    current.discount().ifPresent(code -> node.put("discount", code));
                    node.put("trial", current.trial());
                });
            }
            default -> throw new IllegalArgumentException("no form for " + operation);
        }
        return json;
    }

    /** Quotes a protocol request with the reseller's shop. */
    QuoteResult quote(EsetShop shop, ObjectNode request) {
        QuoteProtocol.Decoded decoded = decode(shop, request);
        if (decoded instanceof QuoteProtocol.Decoded.Request ok) {
            return shop.quote(ok.request());
        }
        QuoteProtocol.Decoded.Invalid invalid = (QuoteProtocol.Decoded.Invalid) decoded;
        return invalid.id()
                .map(id -> new QuoteResult.Rejected(id, invalid.violations()))
                .orElseGet(() -> new QuoteResult.Rejected(invalid.violations()));
    }

    /** Reads a protocol request as the reseller's shop prices it: its request, or why it cannot be read. */
    QuoteProtocol.Decoded decode(EsetShop shop, ObjectNode request) {
        // the shop's own date and margin price the quote; the fields only satisfy the protocol's reader
        request.put("today", shop.today().toString());
        request.put("margin", "0");
        return protocol.decode(request.toString());
    }

    /** A quote's answer in the protocol's JSON, as {@code POST /api/quote} gives it. */
    ObjectNode encode(QuoteResult result, Locale locale) {
        return (ObjectNode) JSON.readTree(protocol.encode(result, locale));
    }

    /**
     * Quotes a JSON text as {@code POST /api/quote} receives it: the protocol's answer, and for an accepted quote a
     * {@code display} object with every value as the page shows it (formatted amounts, the local expiry date, the
     * operation's and each line's labels), so the page's script formats nothing itself.
     */
    String answer(EsetShop shop, String body, ShopPresentation present) {
        Locale locale = present.locale();
        ObjectNode request;
        try {
            if (!(JSON.readTree(body) instanceof ObjectNode object)) {
                throw new QuoteProtocol.MalformedJsonException("send one JSON object");
            }
            request = object;
        } catch (tools.jackson.core.JacksonException e) {
            throw new QuoteProtocol.MalformedJsonException("the request is not JSON");
        }
        if (!request.has("locale")) {
            request.put("locale", locale.getLanguage());
        }
        QuoteResult result = quote(shop, request);
        ObjectNode answer = (ObjectNode) JSON.readTree(protocol.encode(result, locale));
        if (result instanceof QuoteResult.Accepted accepted) {
            answer.set("display", display(accepted.quote(), present));
        }
        return answer.toString();
    }

    /** The quote's values as the page shows them. */
    static ObjectNode display(Quote quote, ShopPresentation present) {
        ObjectNode display = JSON.createObjectNode();
        display.put("operation", present.operation(quote.request().operation()));
        display.put("streetPrice", present.money(quote.streetPrice()));
        display.put("yourPrice", present.money(quote.yourPrice()));
        display.put("expires", present.date(quote.expires()));
        ArrayNode lines = display.putArray("lines");
        for (QuoteLine line : quote.lines()) {
            ObjectNode shown = lines.addObject();
            shown.put("label", present.quoteLine(line.kind()));
            shown.put("product", present.product(line.product(), line.product().value()));
            shown.put("sku", line.sku().value());
            shown.put("seats", present.count(line.seats()));
            shown.put("streetPrice", present.money(line.streetPrice()));
            shown.put("yourPrice", present.money(line.yourPrice()));
        }
        return display;
    }

    static List<Violation> violations(QuoteResult result) {
        return result instanceof QuoteResult.Rejected rejected ? rejected.violations() : List.of();
    }

    /** The discount programme and the crossgrade of the forms that offer them. */
    private static void programme(ObjectNode json, OrderForm form) {
        optional(json, "discount", form.getDiscount());
        if (form.isCrossgrade()) {
            ObjectNode crossgrade = json.putObject("crossgrade");
            crossgrade.put("seats", form.getCrossgradeSeats());
            crossgrade.put("expires", form.getCrossgradeExpires());
            crossgrade.put("proof", form.getCrossgradeProof());
        }
    }

    private static void optional(ObjectNode json, String field, String value) {
        if (!value.isBlank()) {
            json.put(field, value);
        }
    }
}
