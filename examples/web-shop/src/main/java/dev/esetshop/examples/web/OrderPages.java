package dev.esetshop.examples.web;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.Operation;
import dev.esetshop.core.Violation;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.Product;
import dev.esetshop.pricing.protocol.QuoteProtocol;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.OrderDraft;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.present.ShopPresentation;
import java.security.Principal;
import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The order forms (new license, trial, renewal and extension, product change, trial conversion), each with the
 * live check, and the order itself. One check gives every violation at once, the quote's rules, the end customer's
 * and the EULA's ({@link EsetShop#violations(OrderDraft)}): the forms post themselves to {@code …/check} as the
 * reseller types and show each violation beside its field, with the price; {@code Order} is enabled only when the
 * check passes, and the order is checked by the same rules again. Violations go through Spring's
 * {@link BindingResult}. An order ends on its outcome page with the confirmation e-mail.
 */
@Controller
class OrderPages {

    /** The EULA version the new-license, trial and conversion forms ask the end customer to accept. */
    static final String EULA_VERSION = "ESET-EULA-2024";

    /** Where the EULA's text is read when {@code shop.eula.url} does not say: ESET's published EULA. */
    static final String DEFAULT_EULA_URL = "https://www.eset.com/int/eula/";

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Set<String> CUSTOMER_FIELDS = Set.of(
            "customer.organization", "customer.firstName", "customer.lastName", "customer.email", "customer.country");
    private static final Set<String> PROGRAMME_FIELDS = Set.of(
            "discount", "eligibilityCode", "crossgrade", "crossgrade.seats", "crossgrade.expires", "crossgrade.proof");
    private static final Set<String> NEW_FIELDS =
            union(Set.of("product", "seats", "years", "reference", "eula"), PROGRAMME_FIELDS, CUSTOMER_FIELDS);
    private static final Set<String> TRIAL_FIELDS =
            union(Set.of("product", "seats", "months", "eula"), CUSTOMER_FIELDS);
    private static final Set<String> LICENSE_FIELDS = Set.of("product", "seats", "years", "reference");
    private static final Set<String> CONVERSION_FIELDS =
            union(Set.of("seats", "years", "reference", "eula"), PROGRAMME_FIELDS);

    private final Resellers resellers;
    private final QuoteJson quotes;
    private final Catalog catalog;
    private final MessageSource messages;
    private final Clock clock;
    private final String eulaUrl;

    OrderPages(
            Resellers resellers,
            QuoteJson quotes,
            Catalog catalog,
            MessageSource messages,
            ObjectProvider<Clock> clock,
            @Value("${shop.eula.url:" + DEFAULT_EULA_URL + "}") String eulaUrl) {
        this.resellers = resellers;
        this.quotes = quotes;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.eulaUrl = eulaUrl;
    }

    @PostMapping(
            value = "/api/quote",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String quote(Principal user, @RequestBody String body, @ModelAttribute("present") ShopPresentation present) {
        return quotes.answer(resellers.shop(user), body, present);
    }

    /** Text that is not JSON at all: 400 with the reason, as the protocol's command line refuses it. */
    @ExceptionHandler(QuoteProtocol.MalformedJsonException.class)
    ResponseEntity<Map<String, String>> notJson(QuoteProtocol.MalformedJsonException e) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }

    @GetMapping("/order/new")
    String newLicense(Principal user, Model model, Locale locale) {
        OrderForm form = new OrderForm();
        Product first = catalog.products().get(0);
        form.setProduct(first.code().value());
        form.setSeats(first.minSeats());
        return form(model, user, Operation.NEW, form, Optional.empty(), FieldViolations.none(NEW_FIELDS), locale);
    }

    @GetMapping("/order/trial")
    String trial(Principal user, Model model, Locale locale) {
        OrderForm form = new OrderForm();
        trialProducts().stream().findFirst().ifPresent(first -> {
            form.setProduct(first.code().value());
            form.setSeats(first.minSeats());
            form.setMonths(first.trialMonths().get(0));
        });
        return form(model, user, Operation.TRIAL, form, Optional.empty(), FieldViolations.none(TRIAL_FIELDS), locale);
    }

    @PostMapping("/order/new")
    String orderNew(
            Principal user, @ModelAttribute("form") OrderForm form, BindingResult binding, Model model, Locale locale) {
        return order(user, Operation.NEW, form, binding, Optional.empty(), model, locale);
    }

    @PostMapping("/order/trial")
    String orderTrial(
            Principal user, @ModelAttribute("form") OrderForm form, BindingResult binding, Model model, Locale locale) {
        return order(user, Operation.TRIAL, form, binding, Optional.empty(), model, locale);
    }

    @PostMapping(value = "/order/new/check", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String checkNew(Principal user, @ModelAttribute("form") OrderForm form, BindingResult binding, Locale locale) {
        return answer(user, check(user, Operation.NEW, form, binding, Optional.empty(), locale), locale);
    }

    @PostMapping(value = "/order/trial/check", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String checkTrial(Principal user, @ModelAttribute("form") OrderForm form, BindingResult binding, Locale locale) {
        return answer(user, check(user, Operation.TRIAL, form, binding, Optional.empty(), locale), locale);
    }

    @GetMapping("/licenses/{id}/renew")
    String renewal(Principal user, @PathVariable String id, Model model, Locale locale) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        OrderForm form = new OrderForm();
        form.setSeats(license.seats().count());
        return form(
                model,
                user,
                Operation.RENEWAL,
                form,
                Optional.of(license),
                FieldViolations.none(LICENSE_FIELDS),
                locale);
    }

    @GetMapping("/licenses/{id}/change")
    String productChange(Principal user, @PathVariable String id, Model model, Locale locale) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        OrderForm form = new OrderForm();
        form.setSeats(license.seats().count());
        targets(user, Operation.PRODUCT_CHANGE, Optional.of(license)).stream()
                .findFirst()
                .ifPresent(target -> form.setProduct(target.code().value()));
        return form(
                model,
                user,
                Operation.PRODUCT_CHANGE,
                form,
                Optional.of(license),
                FieldViolations.none(LICENSE_FIELDS),
                locale);
    }

    /** The trial's "convert to paid" form: its seats for a year, the EULA to accept, the trial's end customer. */
    @GetMapping("/licenses/{id}/convert")
    String trialConversion(Principal user, @PathVariable String id, Model model, Locale locale) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        OrderForm form = new OrderForm();
        form.setSeats(license.seats().count());
        return form(
                model,
                user,
                Operation.TRIAL_CONVERSION,
                form,
                Optional.of(license),
                FieldViolations.none(CONVERSION_FIELDS),
                locale);
    }

    /** Orders a renewal, a product change or a trial conversion of one of the reseller's licenses. */
    @PostMapping("/licenses/{id}/{action:renew|change|convert}")
    String orderForLicense(
            Principal user,
            @PathVariable String id,
            @PathVariable String action,
            @ModelAttribute("form") OrderForm form,
            BindingResult binding,
            Model model,
            Locale locale) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        return order(user, licenseOperation(action), form, binding, Optional.of(license), model, locale);
    }

    @PostMapping(
            value = "/licenses/{id}/{action:renew|change|convert}/check",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String checkLicense(
            Principal user,
            @PathVariable String id,
            @PathVariable String action,
            @ModelAttribute("form") OrderForm form,
            BindingResult binding,
            Locale locale) {
        License license = ShopPages.ownLicense(resellers.shop(user), id);
        return answer(user, check(user, licenseOperation(action), form, binding, Optional.of(license), locale), locale);
    }

    /** The operation of a license's form address: {@code renew}, {@code change} or {@code convert}. */
    private static Operation licenseOperation(String action) {
        return switch (action) {
            case "renew" -> Operation.RENEWAL;
            case "convert" -> Operation.TRIAL_CONVERSION;
            default -> Operation.PRODUCT_CHANGE;
        };
    }

    /** The outcome of the one check of a form: its violations, its quote, and the order it makes when it passes. */
    private record Checked(FieldViolations violations, QuoteResult quote, Optional<OrderDraft> draft) {

        boolean orderable() {
            return !violations.any() && quote instanceof QuoteResult.Accepted && draft.isPresent();
        }
    }

    /**
     * The one check of a form: Spring's binding errors (a number that is not one), the country from the list, and
     * every violation of the shop's check of the order, each once, beside its field.
     */
    private Checked check(
            Principal user,
            Operation operation,
            OrderForm form,
            BindingResult binding,
            Optional<License> license,
            Locale locale) {
        EsetShop shop = resellers.shop(user);
        if (isNew(operation) && !form.getCountry().isBlank() && !ISO_COUNTRIES.contains(form.getCountry())) {
            binding.rejectValue("country", "order.countryNotListed");
        }
        ObjectNode request = quotes.request(operation, form, license);
        List<Violation> violations = new ArrayList<>();
        Optional<OrderDraft> draft = Optional.empty();
        QuoteResult quoted;
        if (quotes.decode(shop, request) instanceof QuoteProtocol.Decoded.Request read) {
            draft = Optional.of(draft(user, operation, form, license, read.request()));
            violations.addAll(shop.violations(draft.get()));
            quoted = shop.quote(read.request());
        } else {
            quoted = quotes.quote(shop, request);
            violations.addAll(QuoteJson.violations(quoted));
            // a crossgrade the protocol cannot read yet (its expiry not given) leaves the order's other rules to tell
            request.remove("crossgrade");
            if (quotes.decode(shop, request) instanceof QuoteProtocol.Decoded.Request withoutCrossgrade) {
                shop.violations(draft(user, operation, form, license, withoutCrossgrade.request())).stream()
                        .filter(violation -> !quoteField(violation.field()))
                        .forEach(violations::add);
            }
        }
        // a field Spring could not bind has its own message: the shop's check of its default value would confuse
        violations.removeIf(violation -> binding.hasFieldErrors(FieldViolations.property(violation.field())));
        FieldViolations.reject(binding, violations, locale);
        return new Checked(FieldViolations.of(binding, messages, locale, fields(operation)), quoted, draft);
    }

    /** The fields of the quote itself, as opposed to the order's own (end customer, EULA, reference, license). */
    private static boolean quoteField(String field) {
        return !field.startsWith("customer")
                && !field.equals("eula")
                && !field.equals("reference")
                && !field.equals("license");
    }

    /** The check's answer for the form's script: whether it may be ordered, the violations, the price. */
    private String answer(Principal user, Checked checked, Locale locale) {
        ObjectNode answer = quotes.encode(checked.quote(), locale);
        ObjectNode json = answer.objectNode();
        json.put("orderable", checked.orderable());
        ArrayNode violations = json.putArray("violations");
        checked.violations()
                .list()
                .forEach(violation -> violations
                        .addObject()
                        .put("field", violation.get("field"))
                        .put("message", violation.get("message")));
        json.set("quote", answer);
        if (checked.quote() instanceof QuoteResult.Accepted accepted) {
            EsetShop shop = resellers.shop(user);
            json.set("display", QuoteJson.display(accepted.quote(), ShopPresentation.of(locale, shop.zone(), catalog)));
            ArrayNode labels = json.putArray("lineLabels");
            QuoteLineLabels.of(accepted.quote(), catalog, messages, locale).forEach(labels::add);
        }
        return json.toString();
    }

    private String order(
            Principal user,
            Operation operation,
            OrderForm form,
            BindingResult binding,
            Optional<License> license,
            Model model,
            Locale locale) {
        EsetShop shop = resellers.shop(user);
        Checked checked = check(user, operation, form, binding, license, locale);
        if (!checked.orderable()) {
            model.addAttribute("submitted", true);
            return form(model, user, operation, form, license, checked.violations(), locale);
        }
        Quote quote = ((QuoteResult.Accepted) checked.quote()).quote();
        IdempotencyKey purchase = purchaseKey(form);
        OrderResult result;
        try {
            result = shop.order(checked.draft().orElseThrow().withQuote(quote).withIdempotencyKey(purchase));
        } catch (EsetShopException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, user, operation, form, license, FieldViolations.none(fields(operation)), locale);
        }
        if (result instanceof OrderResult.Refused refused
                && (refusedByTheShopsRules(refused) || shop.findOrder(purchase).isEmpty())) {
            // refused by a rule, or before the journal recorded the order: there is no outcome to show, the form
            // says why
            refused.detail().ifPresent(detail -> model.addAttribute("error", detail));
            FieldViolations.reject(binding, refused.violations(), locale);
            model.addAttribute("submitted", true);
            return form(
                    model,
                    user,
                    operation,
                    form,
                    license,
                    FieldViolations.of(binding, messages, locale, fields(operation)),
                    locale);
        }
        // the outcome page reads the order from the journal, as it stands when it is shown
        return "redirect:/orders/" + purchase.value();
    }

    /**
     * The purchase key the form carries (a post without one, not from a rendered form, got a fresh one when it was
     * bound); a posted value that is not a key is replaced by a fresh one, as that post is no retry of a rendered form.
     */
    /**
     * Refused by the shop's own rules, before anything was journalled; a refusal with a code (ESET's, or the shop's
     * for a key used for another order) has an order under the purchase's key whose outcome page says more.
     */
    private static boolean refusedByTheShopsRules(OrderResult.Refused refused) {
        return refused.refusedBy() == OrderResult.RefusedBy.SHOP
                && refused.errorCode().isEmpty();
    }

    private static IdempotencyKey purchaseKey(OrderForm form) {
        try {
            return IdempotencyKey.of(form.getPurchaseKey());
        } catch (IllegalArgumentException notAKey) {
            form.setPurchaseKey(new OrderForm().getPurchaseKey());
            return IdempotencyKey.of(form.getPurchaseKey());
        }
    }

    /**
     * The order of a form: its priced request, the end customer (NEW and TRIAL), the license, the reference and,
     * when ticked, the EULA acceptance. The end customer accepts the EULA: the acceptance names them, and the log-in
     * that ticked the box is recorded beside them.
     */
    private OrderDraft draft(
            Principal user, Operation operation, OrderForm form, Optional<License> license, QuoteRequest request) {
        OrderDraft.Builder draft = OrderDraft.builder().request(request);
        if (!form.getReference().isBlank() && operation != Operation.TRIAL) {
            draft.reference(form.getReference());
        }
        EndCustomer customer;
        if (license.isPresent()) {
            // a renewal, product change or conversion keeps the license's end customer
            draft.license(license.get());
            customer = license.get().customer();
        } else {
            EndCustomer.Builder typed = EndCustomer.builder()
                    .organization(form.getOrganization())
                    .firstName(form.getFirstName())
                    .lastName(form.getLastName())
                    .email(form.getEmail());
            if (!form.getCountry().isBlank()) {
                typed.country(form.getCountry());
            }
            customer = typed.build();
            draft.customer(customer);
        }
        if (form.isEula() && needsEula(operation)) {
            draft.eula(EulaAcceptance.of(EULA_VERSION, acceptor(customer, user), clock.instant()));
        }
        return draft.build();
    }

    /** Who accepts the EULA: the end customer by name and e-mail, with the log-in that recorded it. */
    static String acceptor(EndCustomer customer, Principal user) {
        return (customer.firstName() + " " + customer.lastName()).strip() + " <" + customer.email() + ">, recorded by "
                + user.getName();
    }

    /** The orders ESET keeps the end customer's EULA acceptance with. */
    private static boolean needsEula(Operation operation) {
        return operation == Operation.NEW || operation == Operation.TRIAL || operation == Operation.TRIAL_CONVERSION;
    }

    private static boolean isNew(Operation operation) {
        return operation == Operation.NEW || operation == Operation.TRIAL;
    }

    private static Set<String> fields(Operation operation) {
        return switch (operation) {
            case NEW -> NEW_FIELDS;
            case TRIAL -> TRIAL_FIELDS;
            case TRIAL_CONVERSION -> CONVERSION_FIELDS;
            default -> LICENSE_FIELDS;
        };
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> union = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            union.addAll(set);
        }
        return Set.copyOf(union);
    }

    private String form(
            Model model,
            Principal user,
            Operation operation,
            OrderForm form,
            Optional<License> license,
            FieldViolations violations,
            Locale locale) {
        model.addAttribute("operation", operation.name());
        String action = license.map(current -> "/licenses/" + current.id().value()
                        + switch (operation) {
                            case RENEWAL -> "/renew";
                            case TRIAL_CONVERSION -> "/convert";
                            default -> "/change";
                        })
                .orElse(operation == Operation.NEW ? "/order/new" : "/order/trial");
        model.addAttribute("action", action);
        model.addAttribute("checkAction", action + "/check");
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        List<Product> offered = switch (operation) {
            case NEW -> catalog.products();
            case TRIAL -> trialProducts();
            case PRODUCT_CHANGE -> targets(user, operation, license);
            default ->
                license.flatMap(current -> catalog.product(current.productCode().value())).stream()
                        .toList();
        };
        model.addAttribute(
                "products",
                offered.stream().map(product -> option(product, locale)).toList());
        // the product chosen (a license form's own product, which the form does not post) or the first offered
        Optional<Product> chosen = offered.stream()
                .filter(product -> product.code().value().equals(form.getProduct()))
                .findFirst()
                .or(() -> offered.stream().findFirst());
        model.addAttribute(
                "seatRange",
                chosen.map(product -> option(product, locale).range()).orElse(""));
        model.addAttribute("trialMonths", chosen.map(Product::trialMonths).orElse(List.of()));
        model.addAttribute(
                "discounts",
                catalog.discounts().stream()
                        .map(programme -> new Choice(programme.code(), programme.name(locale)))
                        .toList());
        model.addAttribute("countries", countries(locale));
        model.addAttribute("eulaVersion", EULA_VERSION);
        model.addAttribute("eulaUrl", eulaUrl);
        model.addAttribute("submitted", model.containsAttribute("submitted"));
        license.ifPresent(current -> {
            model.addAttribute("license", current);
            model.addAttribute(
                    "licenseExpires",
                    ShopPresentation.of(locale, resellers.shop(user).zone(), catalog)
                            .date(current.expires()));
            model.addAttribute(
                    "licenseDiscount",
                    current.discount()
                            .map(code -> catalog.discount(code)
                                    .map(programme -> programme.name(locale))
                                    .orElse(code))
                            .orElseGet(() -> messages.getMessage("order.noDiscount", null, locale)));
            model.addAttribute("customer", current.customer());
        });
        return "order-form";
    }

    /** A choice of a select: its value and the name shown. */
    record Choice(String value, String name) {}

    /**
     * A product as the forms offer it: by name, with its seat range (shown beside the seats, and their bounds) and
     * its trial months (the trial form offers only these).
     */
    record ProductOption(String code, String name, int minSeats, int maxSeats, String range, String months) {}

    private ProductOption option(Product product, Locale locale) {
        return new ProductOption(
                product.code().value(),
                product.name(locale),
                product.minSeats(),
                product.maxSeats(),
                messages.getMessage("order.seatRange", new Object[] {product.minSeats(), product.maxSeats()}, locale),
                product.trialMonths().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** The ISO countries by their name in the page's language, in its alphabetical order. */
    static List<Choice> countries(Locale locale) {
        Collator order = Collator.getInstance(locale);
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Choice(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Choice::name, order))
                .toList();
    }

    private List<Product> trialProducts() {
        return catalog.products().stream()
                .filter(product -> !product.trialMonths().isEmpty())
                .toList();
    }

    /** The products a license may change to today, from the catalog. */
    private List<Product> targets(Principal user, Operation operation, Optional<License> license) {
        if (operation != Operation.PRODUCT_CHANGE || license.isEmpty()) {
            return List.of();
        }
        return resellers.shop(user).availableActions(license.get()).changeProduct().targets().stream()
                .flatMap(code -> catalog.product(code.value()).stream())
                .toList();
    }
}
