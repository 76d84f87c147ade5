package dev.esetshop.pricing;

import dev.esetshop.core.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** The one implementation of {@link Quote}, made by the engine through {@link RecordQuoteValues}. */
record QuoteRecord(
        QuoteRequest request,
        QuoteContext context,
        String catalogFingerprint,
        Currency currency,
        List<QuoteLine> lines,
        Money streetPrice,
        Money yourPrice,
        LocalDate expires)
        implements Quote {

    QuoteRecord {
        // the engine's lists are List.of(...) already: copyOf returns them as they are
        lines = List.copyOf(lines);
    }

    /** Named by its public type, as the quote's lines and traces are. */
    @Override
    public String toString() {
        return "Quote[request=" + request + ", context=" + context + ", catalogFingerprint=" + catalogFingerprint
                + ", currency=" + currency + ", lines=" + lines + ", streetPrice=" + streetPrice + ", yourPrice="
                + yourPrice + ", expires=" + expires + "]";
    }
}
