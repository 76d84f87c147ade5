package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetOrder;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.ProductChangeRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.TrialConversionRequest;
import dev.esetshop.pricing.TrialRequest;
import dev.esetshop.sdk.OrderDraft;
import dev.esetshop.sdk.OrderRequest;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prepares an order for the placer: checks the rules beyond the quote (EULA, end customer, reference, the license)
 * and builds the journalled payload with the ESET call.
 */
public final class OrderPreparation {

    /** The longest customer order reference. */
    public static final int MAX_REFERENCE = 64;

    // plausible, not RFC 5322: one @, something before it, a dotted domain after it, no blanks
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private OrderPreparation() {}

    /**
     * Every violation of an order's own rules, beyond its quote's (which the shop checks): the EULA acceptance, the
     * end customer, the license and the reference.
     *
     * @param draft the order
     * @param today the day the license was quoted on, which a changed license's {@code QUOTE_OUTDATED} names
     * @return the violations, empty when the order's own rules hold
     */
    public static List<Violation> violations(OrderDraft draft, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        Operation operation = draft.request().operation();
        if (operation == Operation.TRIAL_CONVERSION) {
            violations.addAll(conversionViolations(draft, today));
        } else if (operation == Operation.NEW || operation == Operation.TRIAL) {
            if (draft.eula().isEmpty()) {
                violations.add(Violation.of(ViolationCode.EULA_REQUIRED, "eula"));
            }
            if (draft.customer().isEmpty()) {
                violations.add(Violation.withKey(
                        ViolationCode.INVALID_REQUEST, "INVALID_REQUEST.missing", "customer", "customer"));
            } else {
                violations.addAll(customerViolations(draft.customer().get()));
            }
        } else {
            violations.addAll(licenseViolations(draft, today));
        }
        draft.reference()
                .filter(reference -> reference.length() > MAX_REFERENCE)
                .ifPresent(reference ->
                        violations.add(Violation.of(ViolationCode.REFERENCE_TOO_LONG, "reference", MAX_REFERENCE)));
        return violations;
    }

    /** The license of a RENEWAL, PRODUCT_CHANGE or TRIAL_CONVERSION: given, and the one quoted. */
    private static List<Violation> licenseViolations(OrderDraft draft, LocalDate today) {
        Optional<CurrentLicense> quoted = currentLicense(draft.request());
        if (draft.license().isEmpty()) {
            return List.of(
                    Violation.withKey(ViolationCode.INVALID_REQUEST, "INVALID_REQUEST.missing", "license", "license"));
        }
        if (!quoted.equals(Optional.of(CurrentLicense.of(draft.license().get())))) {
            // the license changed since it was quoted (or another license was passed): the price may differ
            return List.of(Violation.of(ViolationCode.QUOTE_OUTDATED, "license", today));
        }
        return List.of();
    }

    /**
     * A conversion needs the EULA acceptance and an end customer as NEW does. ESET keeps the trial's end customer
     * under the same license id (the call carries none), so that customer is the order's, as for a renewal: another
     * one passed with the order would never reach ESET, and is refused rather than confirmed as if it had.
     */
    private static List<Violation> conversionViolations(OrderDraft draft, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (draft.eula().isEmpty()) {
            violations.add(Violation.of(ViolationCode.EULA_REQUIRED, "eula"));
        }
        List<Violation> license = licenseViolations(draft, today);
        violations.addAll(license);
        if (license.isEmpty()) {
            EndCustomer trialCustomer = draft.license().orElseThrow().customer();
            if (draft.customer()
                    .filter(customer -> !customer.equals(trialCustomer))
                    .isPresent()) {
                violations.add(Violation.withKey(
                        ViolationCode.INVALID_REQUEST, "INVALID_REQUEST.unexpected", "customer", "customer"));
            } else {
                violations.addAll(customerViolations(trialCustomer));
            }
        }
        return violations;
    }

    /** The end customer's violations for a NEW, TRIAL or TRIAL_CONVERSION order. */
    public static List<Violation> customerViolations(EndCustomer customer) {
        List<Violation> violations = new ArrayList<>();
        if (customer.organization().isBlank()) {
            violations.add(Violation.withKey(
                    ViolationCode.END_CUSTOMER_INVALID, "END_CUSTOMER_INVALID.organization", "customer.organization"));
        }
        if (customer.firstName().isBlank()) {
            violations.add(Violation.withKey(
                    ViolationCode.END_CUSTOMER_INVALID, "END_CUSTOMER_INVALID.firstName", "customer.firstName"));
        }
        if (customer.lastName().isBlank()) {
            violations.add(Violation.withKey(
                    ViolationCode.END_CUSTOMER_INVALID, "END_CUSTOMER_INVALID.lastName", "customer.lastName"));
        }
        if (!EMAIL.matcher(customer.email().strip()).matches()) {
            violations.add(Violation.withKey(
                    ViolationCode.END_CUSTOMER_INVALID, "END_CUSTOMER_INVALID.email", "customer.email"));
        }
        keptText(violations, "customer.organization", customer.organization(), LicenseText.MAX_TEXT);
        keptText(violations, "customer.firstName", customer.firstName(), LicenseText.MAX_TEXT);
        keptText(violations, "customer.lastName", customer.lastName(), LicenseText.MAX_TEXT);
        keptText(violations, "customer.email", customer.email(), LicenseText.MAX_TEXT);
        customer.country()
                .ifPresent(country -> keptText(violations, "customer.country", country, LicenseText.MAX_COUNTRY));
        customer.vatId().ifPresent(vatId -> keptText(violations, "customer.vatId", vatId, LicenseText.MAX_VAT_ID));
        return violations;
    }

    /**
     * Text the license book (its columns are LicenseText's limits) and ESET's wire keep as sent, checked before
     * anything is journalled: a longer value or one with a control character or a lone surrogate is refused here,
     * as the order's license could otherwise not be stored, or would be stored other than ESET has it.
     */
    private static void keptText(List<Violation> violations, String field, String value, int max) {
        if (value.length() > max) {
            violations.add(Violation.withKey(
                    ViolationCode.END_CUSTOMER_INVALID, "END_CUSTOMER_INVALID.tooLong", field, field, max));
        } else if (LicenseText.hasUnkeptCharacters(value)) {
            violations.add(Violation.withKey(
                    ViolationCode.END_CUSTOMER_INVALID, "END_CUSTOMER_INVALID.characters", field, field));
        }
    }

    /** The payload of an order that passed every check. */
    public static OrderPayload payload(OrderRequest request) {
        Quote quote = request.quote();
        QuoteRequest asked = quote.request();
        Optional<String> reference = request.draft().reference();
        List<QuoteLine> lines = quote.lines();
        EsetOrder call;
        EndCustomer customer;
        // ESET keeps the end customer's acceptance with NEW, TRIAL and TRIAL_CONVERSION orders
        Optional<EulaAcceptance> eula = asked.operation() == Operation.NEW
                        || asked.operation() == Operation.TRIAL
                        || asked.operation() == Operation.TRIAL_CONVERSION
                ? request.draft().eula()
                : Optional.empty();
        if (asked instanceof NewLicenseRequest r) {
            customer = request.draft().customer().orElseThrow();
            NewLicenseOrder.Builder order = NewLicenseOrder.builder()
                    .sku(lines.get(0).sku())
                    .productCode(ProductCode.of(r.product()))
                    .seats(r.seats())
                    .years(r.years())
                    .customer(customer);
            r.discount().ifPresent(order::discount);
            r.eligibilityCode().ifPresent(order::eligibilityCode);
            r.crossgrade().ifPresent(order::crossgrade);
            reference.ifPresent(order::customerReference);
            eula.ifPresent(order::eula);
            call = order.build();
        } else if (asked instanceof TrialRequest r) {
            customer = request.draft().customer().orElseThrow();
            TrialOrder.Builder order = TrialOrder.builder()
                    .productCode(ProductCode.of(r.product()))
                    .seats(r.seats())
                    .months(r.months())
                    .customer(customer);
            eula.ifPresent(order::eula);
            call = order.build();
        } else if (asked instanceof TrialConversionRequest r) {
            License license = request.draft().license().orElseThrow();
            customer = license.customer();
            TrialConversionOrder.Builder order = TrialConversionOrder.builder()
                    .publicLicenseId(license.id())
                    .sku(lines.get(0).sku())
                    .seats(r.seats())
                    .years(r.years())
                    .eula(eula.orElseThrow());
            r.discount().ifPresent(order::discount);
            r.eligibilityCode().ifPresent(order::eligibilityCode);
            r.crossgrade().ifPresent(order::crossgrade);
            reference.ifPresent(order::customerReference);
            call = order.build();
        } else if (asked instanceof RenewalRequest r) {
            License license = request.draft().license().orElseThrow();
            customer = license.customer();
            RenewalOrder.Builder order = RenewalOrder.builder()
                    .publicLicenseId(license.id())
                    .seats(r.seats())
                    .years(r.years())
                    .skus(lines.stream().map(QuoteLine::sku).toList());
            reference.ifPresent(order::customerReference);
            call = order.build();
        } else {
            ProductChangeRequest r = (ProductChangeRequest) asked;
            License license = request.draft().license().orElseThrow();
            customer = license.customer();
            ProductChangeOrder.Builder order = ProductChangeOrder.builder()
                    .publicLicenseId(license.id())
                    .productCode(ProductCode.of(r.targetProduct()))
                    .sku(lines.get(0).sku())
                    .seats(r.seats())
                    .years(r.years());
            reference.ifPresent(order::customerReference);
            call = order.build();
        }
        List<OrderConfirmed.Line> eventLines = lines.stream()
                .map(line -> OrderConfirmed.Line.of(line.sku(), line.seats(), line.streetPrice(), line.yourPrice()))
                .toList();
        return new OrderPayload(
                asked.operation(),
                call,
                customer,
                reference,
                eventLines,
                quote.streetPrice(),
                quote.yourPrice(),
                eula,
                Optional.of(quote.catalogFingerprint()));
    }

    private static Optional<CurrentLicense> currentLicense(QuoteRequest request) {
        if (request instanceof RenewalRequest renewal) {
            return Optional.of(renewal.license());
        }
        if (request instanceof ProductChangeRequest change) {
            return Optional.of(change.license());
        }
        if (request instanceof TrialConversionRequest conversion) {
            return Optional.of(conversion.license());
        }
        return Optional.empty();
    }
}
