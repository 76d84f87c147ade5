package dev.esetshop.pricing.protocol.internal;

import dev.esetshop.core.Violation;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RuleTrace;
import dev.esetshop.pricing.internal.Json;
import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes results in the quote protocol's shape: amounts as strings with the currency's minor digits, dates as
 * {@code YYYY-MM-DD}, violations with localized messages; each line also carries its {@code kind} and {@code trace}.
 */
public final class ProtocolWriter {

    /** The result object. */
    public ObjectNode result(QuoteResult result, Locale locale) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        result.id().ifPresent(id -> out.put("id", id));
        if (result instanceof QuoteResult.Accepted) {
            Quote quote = ((QuoteResult.Accepted) result).quote();
            out.put("accepted", true);
            out.put("currency", quote.currency().getCurrencyCode());
            ArrayNode lines = out.putArray("lines");
            for (QuoteLine line : quote.lines()) {
                ObjectNode l = lines.addObject();
                l.put("sku", line.sku().value());
                l.put("seats", line.seats());
                l.put("streetPrice", line.streetPrice().toPlainString());
                l.put("yourPrice", line.yourPrice().toPlainString());
                l.put("kind", line.kind().name());
                l.put("product", line.product().value());
                l.set("trace", trace(line.trace()));
            }
            out.put("streetPrice", quote.streetPrice().toPlainString());
            out.put("yourPrice", quote.yourPrice().toPlainString());
            out.put("expires", quote.expires().toString());
            out.put("catalog", quote.catalogFingerprint());
        } else {
            out.put("accepted", false);
            ArrayNode violations = out.putArray("violations");
            for (Violation violation : ((QuoteResult.Rejected) result).violations()) {
                ObjectNode v = violations.addObject();
                v.put("code", violation.code().name());
                v.put("field", violation.field());
                v.put("message", violation.message(locale));
            }
        }
        return out;
    }

    private static ObjectNode trace(RuleTrace trace) {
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("sku", trace.sku());
        t.put("action", trace.action());
        t.put("years", trace.years());
        t.put("bandMinSeats", trace.bandMinSeats());
        t.put("bandMaxSeats", trace.bandMaxSeats());
        t.put("unitPrice", plain(trace.unitPrice()));
        t.put("listPrice", plain(trace.listPrice()));
        t.put("discountRate", plain(trace.discountRate()));
        t.put("discountSource", trace.discountSource().name());
        trace.discountCode().ifPresent(code -> t.put("discountCode", code));
        t.put("margin", plain(trace.margin()));
        t.put("prorationFactor", plain(trace.prorationFactor()));
        trace.prorationDays().ifPresent(days -> t.put("prorationDays", days));
        return t;
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
