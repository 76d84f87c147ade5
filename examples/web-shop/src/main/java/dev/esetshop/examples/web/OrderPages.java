package dev.esetshop.examples.web;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.pricing.Operation;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.protocol.QuoteProtocol;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.present.ShopPresentation;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.sdk.OrderRequest;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.confirm.ConfirmationEmail;
import dev.esetshop.sdk.confirm.RenderedEmail;
import dev.esetshop.spring.EsetShopMonitor;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The order forms (new license, trial, renewal and extension, product change, trial conversion), each with the
 * live quote, and the
 * order itself: every broken rule is shown beside its field; an order ends on its outcome page with the
 * confirmation e-mail.
 */
@Controller
class OrderPages {

    /** The EULA version the new-license and trial forms ask the reseller to accept. */
    static final String EULA_VERSION = "ESET-EULA-2024";

    private static final Set<String> NEW_FIELDS = Set.of("product", "seats", "years", "discount", "eligibilityCode",
            "crossgrade", "crossgrade.seats", "crossgrade.expires", "crossgrade.proof", "customer.organization",
            "customer.firstName", "customer.lastName", "customer.email", "reference", "eula", "months");
    private static final Set<String> LICENSE_FIELDS = Set.of("product", "seats", "years", "reference");
    private static final Set<String> CONVERSION_FIELDS = Set.of("seats", "years", "discount", "eligibilityCode",
            "crossgrade", "crossgrade.seats", "crossgrade.expires", "crossgrade.proof", "reference", "eula");

    private final Resellers resellers;
    private final QuoteJson quotes;
    private final OrderHistory history;
    private final EsetShopMonitor monitor;
    private final Catalog catalog;
    private final Clock clock = Clock.systemUTC();

    OrderPages(Resellers resellers, QuoteJson quotes, OrderHistory history, EsetShopMonitor monitor,
            Catalog catalog) {
        this.resellers = resellers;
        this.quotes = quotes;
        this.history = history;
        this.monitor = monitor;
        this.catalog = catalog;
    }

    @PostMapping(value = "/api/quote", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String quote(Principal user, @RequestBody String body, @ModelAttribute("present") ShopPresentation present) {
        return quotes.answer(resellers.shop(user), body, present);
    }

    /** Text that is not JSON at all: 400 with the reason, as the protocol's command line refuses it. */
    @ExceptionHandler(QuoteProtocol.MalformedJsonException.class)
    ResponseEntity<Map<String, String>> notJson(QuoteProtocol.MalformedJsonException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }

    @GetMapping("/order/new")
    String newLicense(Model model) {
        OrderForm form = new OrderForm();
        form.setProduct(catalog.products().get(0).code().value());
        return form(model, Operation.NEW, form, Optional.empty(), FieldViolations.none(NEW_FIELDS), List.of());
    }

    @GetMapping("/order/trial")
    String trial(Model model) {
        OrderForm form = new OrderForm();
        form.setProduct(catalog.products().get(0).code().value());
        return form(model, Operation.TRIAL, form, Optional.empty(), FieldViolations.none(NEW_FIELDS), List.of());
    }

    @PostMapping("/order/new")
    String orderNew(Principal user, @ModelAttribute OrderForm form, Model model, Locale locale) {
        return order(user, Operation.NEW, form, Optional.empty(), model, locale);
    }

    @PostMapping("/order/trial")
    String orderTrial(Principal user, @ModelAttribute OrderForm form, Model model, Locale locale) {
        return order(user, Operation.TRIAL, form, Optional.empty(), model, locale);
    }

    @GetMapping("/licenses/{id}/renew")
    String renewal(Principal user, @PathVariable String id, Model model) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        OrderForm form = new OrderForm();
        form.setSeats(license.seats().count());
        return form(model, Operation.RENEWAL, form, Optional.of(license), FieldViolations.none(LICENSE_FIELDS),
                List.of());
    }

    @GetMapping("/licenses/{id}/change")
    String productChange(Principal user, @PathVariable String id, Model model) {
        EsetShop shop = resellers.shop(user);
        License license = ShopPages.ownLicense(shop, id);
        OrderForm form = new OrderForm();
        form.setSeats(license.seats().count());
        List<ProductCode> targets = targets(shop, Operation.PRODUCT_CHANGE, Optional.of(license));
        targets.stream().findFirst().ifPresent(target -> form.setProduct(target.value()));
        return form(model, Operation.PRODUCT_CHANGE, form, Optional.of(license),
                FieldViolations.none(LICENSE_FIELDS), targets);
    }

    /** The trial's "convert to paid" form: its seats for a year, the EULA to accept, the trial's end customer. */
    @GetMapping("/licenses/{id}/convert")
    String trialConversion(Principal user, @PathVariable String id, Model model) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        OrderForm form = new OrderForm();
        form.setSeats(license.seats().count());
        return form(model, Operation.TRIAL_CONVERSION, form, Optional.of(license),
                FieldViolations.none(CONVERSION_FIELDS), List.of());
    }

    @PostMapping("/licenses/{id}/convert")
    String orderTrialConversion(Principal user, @PathVariable String id, @ModelAttribute OrderForm form,
            Model model, Locale locale) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        return order(user, Operation.TRIAL_CONVERSION, form, Optional.of(license), model, locale);
    }

    @PostMapping("/licenses/{id}/renew")
    String orderRenewal(Principal user, @PathVariable String id, @ModelAttribute OrderForm form, Model model,
            Locale locale) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        return order(user, Operation.RENEWAL, form, Optional.of(license), model, locale);
    }

    @PostMapping("/licenses/{id}/change")
    String orderProductChange(Principal user, @PathVariable String id, @ModelAttribute OrderForm form, Model model,
            Locale locale) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        return order(user, Operation.PRODUCT_CHANGE, form, Optional.of(license), model, locale);
    }

    private String order(Principal user, Operation operation, OrderForm form, Optional<License> license,
            Model model, Locale locale) {
        ResellerId reseller = resellers.id(user);
        EsetShop shop = resellers.shop(user);
        Set<String> fields = fields(operation);
        QuoteResult quoted = quotes.quote(shop, quotes.request(operation, form, license));
        if (!(quoted instanceof QuoteResult.Accepted accepted)) {
            List<Violation> violations = new ArrayList<>(QuoteJson.violations(quoted));
            if (needsEula(operation) && !form.isEula()) {
                // the shop checks the EULA when it orders; without a quote to order, the form says it at once
                violations.add(Violation.of(ViolationCode.EULA_REQUIRED, "eula"));
            }
            return form(model, operation, form, license, new FieldViolations(violations, locale, fields),
                    targets(shop, operation, license));
        }
        IdempotencyKey purchase = purchaseKey(form);
        OrderResult result;
        try {
            result = shop.order(orderRequest(user, accepted.quote(), form, license)
                    .withIdempotencyKey(purchase));
        } catch (EsetShopException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, operation, form, license, FieldViolations.none(fields),
                    targets(shop, operation, license));
        }
        monitor.recordOrder(reseller, result);
        if (result instanceof OrderResult.Refused refused && refused.errorCode().isEmpty()) {
            return form(model, operation, form, license,
                    new FieldViolations(refused.violations(), locale, fields), targets(shop, operation, license));
        }
        OrderHistory.Entry entry = record(reseller, purchase, operation, accepted.quote(), result, locale);
        return "redirect:/orders/" + entry.number();
    }

    /**
     * The purchase key the form carries (a post without one, not from a rendered form, got a fresh one when it was
     * bound); a posted value that is not a key is replaced by a fresh one, as that post is no retry of a rendered form.
     */
    private static IdempotencyKey purchaseKey(OrderForm form) {
        try {
            return IdempotencyKey.of(form.getPurchaseKey());
        } catch (IllegalArgumentException notAKey) {
            form.setPurchaseKey(new OrderForm().getPurchaseKey());
            return IdempotencyKey.of(form.getPurchaseKey());
        }
    }

    private OrderRequest orderRequest(Principal user, Quote quote, OrderForm form, Optional<License> license) {
        OrderRequest.Builder request = OrderRequest.builder().quote(quote);
        if (!form.getReference().isBlank()) {
            request.reference(form.getReference());
        }
        if (form.isEula() && needsEula(operation(quote))) {
            request.eula(EulaAcceptance.of(EULA_VERSION, user.getName(), clock.instant()));
        }
        if (license.isPresent()) {
            // a renewal, product change or conversion keeps the license's end customer
            return request.license(license.get()).build();
        }
        EndCustomer.Builder customer = EndCustomer.builder().organization(form.getOrganization())
                .firstName(form.getFirstName()).lastName(form.getLastName()).email(form.getEmail());
        if (!form.getCountry().isBlank()) {
            customer.country(form.getCountry());
        }
        request.customer(customer.build());
        return request.build();
    }

    private static Operation operation(Quote quote) {
        return quote.request().operation();
    }

    /** The orders ESET keeps the end customer's EULA acceptance with. */
    private static boolean needsEula(Operation operation) {
        return operation == Operation.NEW || operation == Operation.TRIAL || operation == Operation.TRIAL_CONVERSION;
    }

    private static Set<String> fields(Operation operation) {
        return switch (operation) {
            case NEW, TRIAL -> NEW_FIELDS;
            case TRIAL_CONVERSION -> CONVERSION_FIELDS;
            default -> LICENSE_FIELDS;
        };
    }

    private OrderHistory.Entry record(ResellerId reseller, IdempotencyKey purchase, Operation operation, Quote quote,
            OrderResult result, Locale locale) {
        String product = quote.lines().isEmpty() ? "" : quote.lines().get(0).product().value();
        int seats = quote.request().seats();
        if (result instanceof OrderResult.Ordered ordered) {
            RenderedEmail email = masked(ConfirmationEmail.render(ordered.event(), emailLocale(locale)),
                    ordered.event().licenseKey());
            return history.add(reseller, purchase.value(), clock.instant(), operation.name(), product, seats,
                    "ORDERED", Optional.of(ordered.license().id().value()), Optional.of(ordered.orderNumber()),
                    List.of(), Optional.of(email));
        }
        if (result instanceof OrderResult.Refused refused) {
            List<String> reasons = new ArrayList<>();
            refused.violations().forEach(violation -> reasons.add(violation.message(locale)));
            refused.detail().ifPresent(reasons::add);
            return history.add(reseller, purchase.value(), clock.instant(), operation.name(), product, seats,
                    "REFUSED", Optional.empty(), Optional.empty(), reasons, Optional.empty());
        }
        OrderResult.Pending pending = (OrderResult.Pending) result;
        return history.add(reseller, purchase.value(), clock.instant(), operation.name(), product, seats, "PENDING",
                Optional.empty(), Optional.empty(), List.of(pending.reason()), Optional.empty());
    }

    private String form(Model model, Operation operation, OrderForm form, Optional<License> license,
            FieldViolations violations, List<ProductCode> targets) {
        model.addAttribute("operation", operation.name());
        model.addAttribute("action", license.map(current -> "/licenses/" + current.id().value()
                + switch (operation) {
                    case RENEWAL -> "/renew";
                    case TRIAL_CONVERSION -> "/convert";
                    default -> "/change";
                })
                .orElse(operation == Operation.NEW ? "/order/new" : "/order/trial"));
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        model.addAttribute("products", catalog.products());
        model.addAttribute("discounts", catalog.discounts());
        model.addAttribute("eulaVersion", EULA_VERSION);
        model.addAttribute("targets", targets);
        license.ifPresent(current -> model.addAttribute("license", current));
        return "order-form";
    }

    private static List<ProductCode> targets(EsetShop shop, Operation operation, Optional<License> license) {
        if (operation != Operation.PRODUCT_CHANGE || license.isEmpty()) {
            return List.of();
        }
        return shop.availableActions(license.get()).changeProduct().targets();
    }

    /** The e-mail as the page previews it: the license key goes to the end customer, never into a page. */
    private static RenderedEmail masked(RenderedEmail email, Secret key) {
        String revealed = key.reveal();
        String shown = key.masked(4);
        return new RenderedEmail(email.subject().replace(revealed, shown), email.text().replace(revealed, shown),
                email.html().replace(revealed, shown));
    }

    private static Locale emailLocale(Locale locale) {
        Locale language = Locale.forLanguageTag(locale.getLanguage());
        return ConfirmationEmail.SUPPORTED.contains(language) ? language : Locale.ENGLISH;
    }
}
