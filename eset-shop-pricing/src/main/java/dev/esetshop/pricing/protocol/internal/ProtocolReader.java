package dev.esetshop.pricing.protocol.internal;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ViolationMessages;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.ProductChangeRequest;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.TrialConversionRequest;
import dev.esetshop.pricing.TrialRequest;
import dev.esetshop.pricing.internal.Json;
import dev.esetshop.pricing.internal.Violations;
import dev.esetshop.pricing.protocol.QuoteProtocol.Decoded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps one request object of the quote protocol onto the SDK's request types. Every field is read defensively:
 * a wrong JSON type, an unreadable date or a missing field becomes an {@code INVALID_REQUEST} violation naming the
 * field, all of them at once; nothing a caller sends makes it throw.
 */
public final class ProtocolReader {

    private final JsonNode node;
    private final Violations violations = new Violations();

    private ProtocolReader(JsonNode node) {
        this.node = node;
    }

    /** The request and context, or the violations of the mapping. */
    public static Decoded read(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            Violations violations = new Violations();
            violations.invalid("INVALID_REQUEST.object", "request", "request");
            return new Decoded.Invalid(violations.list(), Locale.ENGLISH);
        }
        return new ProtocolReader(node).read();
    }

    private Decoded read() {
        Locale locale = Locale.ENGLISH;
        String tag = text(node, "locale", false);
        if (tag != null) {
            locale = ViolationMessages.localeOf(tag);
        }
        @Nullable String id = id();
        Operation operation = operation();
        LocalDate today = date(node, "today", "today", true);
        BigDecimal margin = operation == Operation.TRIAL ? marginOrZero() : margin(true);
        @Nullable QuoteRequest request = null;
        if (operation != null) {
            switch (operation) {
                case NEW:
                    request = newLicense(id);
                    break;
                case RENEWAL:
                    request = renewal(id);
                    break;
                case PRODUCT_CHANGE:
                    request = change(id);
                    break;
                case TRIAL_CONVERSION:
                    request = conversion(id);
                    break;
                default:
                    request = trial(id);
                    break;
            }
        }
        // each missing value is a violation already; the checks let the compiler see it
        if (violations.any() || request == null || today == null || margin == null) {
            return id == null
                    ? new Decoded.Invalid(violations.list(), locale)
                    : new Decoded.Invalid(id, violations.list(), locale);
        }
        return new Decoded.Request(request, QuoteContext.of(today, margin), locale);
    }

    /** A text id, or the text of a number or flag: the answer echoes the id as it was sent. */
    private @Nullable String id() {
        JsonNode value = node.get("id");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            violations.invalid("INVALID_REQUEST.text", "id", "id");
            return null;
        }
        return value.asString();
    }

    private @Nullable Operation operation() {
        String text = text(node, "operation", true);
        if (text == null) {
            return null;
        }
        for (Operation operation : Operation.values()) {
            if (operation.name().equals(text)) {
                return operation;
            }
        }
        violations.invalid("INVALID_REQUEST.operation", "operation", "operation");
        return null;
    }

    private @Nullable QuoteRequest newLicense(@Nullable String id) {
        unexpected("months", "license");
        String product = text(node, "product", true);
        Integer seats = integer(node, "seats", "seats", true);
        Integer years = integer(node, "years", "years", true);
        @Nullable String discount = text(node, "discount", false);
        @Nullable String eligibility = text(node, "eligibilityCode", false);
        @Nullable Crossgrade crossgrade = crossgrade();
        if (violations.any() || product == null || seats == null || years == null) {
            return null;
        }
        NewLicenseRequest.Builder request =
                NewLicenseRequest.builder().product(product).seats(seats).years(years);
        ifPresent(id, request::id);
        ifPresent(discount, request::discount);
        ifPresent(eligibility, request::eligibilityCode);
        ifPresent(crossgrade, request::crossgrade);
        return request.build();
    }

    private @Nullable QuoteRequest renewal(@Nullable String id) {
        unexpected("product", "months", "discount", "eligibilityCode", "crossgrade");
        Integer seats = integer(node, "seats", "seats", true);
        Integer years = integer(node, "years", "years", true);
        @Nullable CurrentLicense license = license();
        if (violations.any() || seats == null || years == null || license == null) {
            return null;
        }
        RenewalRequest.Builder request =
                RenewalRequest.builder().seats(seats).years(years).license(license);
        ifPresent(id, request::id);
        return request.build();
    }

    private @Nullable QuoteRequest change(@Nullable String id) {
        unexpected("months", "discount", "eligibilityCode", "crossgrade");
        String product = text(node, "product", true);
        Integer seats = integer(node, "seats", "seats", true);
        Integer years = integer(node, "years", "years", true);
        @Nullable CurrentLicense license = license();
        if (violations.any() || product == null || seats == null || years == null || license == null) {
            return null;
        }
        ProductChangeRequest.Builder request = ProductChangeRequest.builder()
                .targetProduct(product)
                .seats(seats)
                .years(years)
                .license(license);
        ifPresent(id, request::id);
        return request.build();
    }

    private @Nullable QuoteRequest conversion(@Nullable String id) {
        unexpected("product", "months");
        Integer seats = integer(node, "seats", "seats", true);
        Integer years = integer(node, "years", "years", true);
        @Nullable String discount = text(node, "discount", false);
        @Nullable String eligibility = text(node, "eligibilityCode", false);
        @Nullable Crossgrade crossgrade = crossgrade();
        @Nullable CurrentLicense license = license();
        if (violations.any() || seats == null || years == null || license == null) {
            return null;
        }
        TrialConversionRequest.Builder request =
                TrialConversionRequest.builder().seats(seats).years(years).license(license);
        ifPresent(id, request::id);
        ifPresent(discount, request::discount);
        ifPresent(eligibility, request::eligibilityCode);
        ifPresent(crossgrade, request::crossgrade);
        return request.build();
    }

    private @Nullable QuoteRequest trial(@Nullable String id) {
        unexpected("years", "eligibilityCode", "license");
        String product = text(node, "product", true);
        Integer seats = integer(node, "seats", "seats", true);
        Integer months = integer(node, "months", "months", true);
        @Nullable String discount = text(node, "discount", false);
        @Nullable Crossgrade crossgrade = crossgrade();
        if (violations.any() || product == null || seats == null || months == null) {
            return null;
        }
        TrialRequest.Builder request =
                TrialRequest.builder().product(product).seats(seats).months(months);
        ifPresent(id, request::id);
        ifPresent(discount, request::discount);
        ifPresent(crossgrade, request::crossgrade);
        return request.build();
    }

    private void unexpected(String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                violations.invalid("INVALID_REQUEST.unexpected", field, field);
            }
        }
    }

    private @Nullable Crossgrade crossgrade() {
        JsonNode value = object(node, "crossgrade", "crossgrade", false);
        if (value == null) {
            return null;
        }
        Integer seats = integer(value, "seats", "crossgrade.seats", true);
        LocalDate expires = date(value, "expires", "crossgrade.expires", true);
        String proof = text(value, "proof", "crossgrade.proof", false);
        if (seats == null
                || expires == null
                || (proof == null
                        && value.get("proof") != null
                        && !value.get("proof").isNull())) {
            return null;
        }
        // a missing proof is the rule CROSSGRADE_PROOF_REQUIRED, checked by pricing, not a malformed request
        return Crossgrade.of(seats, expires, proof == null ? "" : proof);
    }

    private @Nullable CurrentLicense license() {
        JsonNode value = object(node, "license", "license", true);
        if (value == null) {
            return null;
        }
        String product = text(value, "product", "license.product", true);
        Integer seats = integer(value, "seats", "license.seats", true);
        LocalDate expires = date(value, "expires", "license.expires", true);
        @Nullable String discount = text(value, "discount", "license.discount", false);
        Boolean trial = flag(value, "trial", "license.trial");
        if (product == null || seats == null || expires == null || trial == null) {
            return null;
        }
        CurrentLicense.Builder license = CurrentLicense.builder()
                .product(product)
                .seats(seats)
                .expires(expires)
                .trial(trial);
        ifPresent(discount, license::discount);
        return license.build();
    }

    private @Nullable BigDecimal margin(boolean required) {
        JsonNode value = node.get("margin");
        if (value == null || value.isNull()) {
            if (required) {
                violations.invalid("INVALID_REQUEST.missing", "margin", "margin");
            }
            return null;
        }
        BigDecimal margin = value.isString() ? Json.decimal(value.stringValue()) : null;
        if (margin == null) {
            violations.invalid("INVALID_REQUEST.margin", "margin", "margin");
        }
        return margin;
    }

    private BigDecimal marginOrZero() {
        BigDecimal margin = margin(false);
        return margin == null ? BigDecimal.ZERO : margin;
    }

    private @Nullable String text(JsonNode from, String name, boolean required) {
        return text(from, name, name, required);
    }

    private @Nullable String text(JsonNode from, String name, String field, boolean required) {
        JsonNode value = from.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                violations.invalid("INVALID_REQUEST.missing", field, field);
            }
            return null;
        }
        if (!value.isString()) {
            violations.invalid("INVALID_REQUEST.text", field, field);
            return null;
        }
        return value.stringValue();
    }

    private @Nullable Integer integer(JsonNode from, String name, String field, boolean required) {
        JsonNode value = from.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                violations.invalid("INVALID_REQUEST.missing", field, field);
            }
            return null;
        }
        if (!value.isIntegralNumber()) {
            violations.invalid("INVALID_REQUEST.wholeNumber", field, field);
            return null;
        }
        if (!value.canConvertToInt()) {
            violations.invalid("INVALID_REQUEST.range", field, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
            return null;
        }
        return value.intValue();
    }

    private @Nullable LocalDate date(JsonNode from, String name, String field, boolean required) {
        String text = text(from, name, field, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.invalid("INVALID_REQUEST.date", field, field);
            return null;
        }
    }

    private @Nullable JsonNode object(JsonNode from, String name, String field, boolean required) {
        JsonNode value = from.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                violations.invalid("INVALID_REQUEST.missing", field, field);
            }
            return null;
        }
        if (!value.isObject()) {
            violations.invalid("INVALID_REQUEST.object", field, field);
            return null;
        }
        return value;
    }

    private @Nullable Boolean flag(JsonNode from, String name, String field) {
        JsonNode value = from.get(name);
        if (value == null || value.isNull()) {
            return Boolean.FALSE;
        }
        if (!value.isBoolean()) {
            violations.invalid("INVALID_REQUEST.flag", field, field);
            return null;
        }
        return value.booleanValue();
    }

    /** Sets an optional value the request has: a builder takes no absent value. */
    private static <T> void ifPresent(@Nullable T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
