package dev.esetshop.examples.web;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.AvailableActions;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.order.OrderRecord;
import dev.esetshop.sdk.present.ShopPresentation;
import dev.esetshop.sdk.remind.ReminderReport;
import dev.esetshop.sdk.remind.RemindersDue;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The partner status with its sync, the license book and a license in full, the order history. */
@Controller
class ShopPages {

    static final int PAGE_SIZE = 20;

    private final Resellers resellers;
    private final SyncRunner syncs;
    private final Catalog catalog;
    /** The mails sent, for the previews of the latest reminder and of an order's confirmation. */
    private final MailOutbox mails;

    ShopPages(Resellers resellers, SyncRunner syncs, Catalog catalog, MailOutbox mails) {
        this.resellers = resellers;
        this.syncs = syncs;
        this.catalog = catalog;
        this.mails = mails;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String status(Principal user, Model model, @ModelAttribute("present") ShopPresentation present) {
        ResellerId reseller = resellers.id(user);
        model.addAttribute("reseller", reseller.value());
        try {
            EsetShop shop = resellers.shop(user);
            PartnerStatus status = shop.status();
            model.addAttribute("status", status);
            model.addAttribute(
                    "lastSync", status.lastSync().map(present::dateTime).orElse(""));
            // an unsynced book is empty for want of a sync, not of licenses: the page says so beside the button
            model.addAttribute("needsSync", status.lastSync().isEmpty());
            RemindersDue due = shop.dueReminders();
            model.addAttribute("renewalsDue", due.reminders());
            model.addAttribute("renewalsNotQuoted", due.notQuoted().size());
        } catch (EsetShopException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("sync", syncs.progress(reseller).orElse(null));
        model.addAttribute(
                "reminderEmail",
                mails.latest(reseller, MailOutbox.Kind.REMINDER).orElse(null));
        return "status";
    }

    /** Delivers the reseller's due renewal reminders not delivered before (mailed by {@link ReminderMailer}). */
    @PostMapping("/reminders")
    String sendReminders(Principal user) {
        ReminderReport report = resellers.shop(user).deliverReminders();
        return "redirect:/?remindersDelivered=" + report.delivered() + "&remindersBefore=" + report.deliveredBefore();
    }

    @PostMapping("/sync")
    String sync(Principal user) {
        syncs.start(resellers.id(user));
        return "redirect:/?syncing";
    }

    @GetMapping(value = "/sync/progress", produces = "application/json")
    @ResponseBody
    Map<String, Object> syncProgress(Principal user) {
        Map<String, Object> answer = new LinkedHashMap<>();
        syncs.progress(resellers.id(user))
                .ifPresentOrElse(
                        progress -> {
                            answer.put("running", progress.running());
                            answer.put("done", progress.done());
                            answer.put("total", progress.total());
                            progress.report().ifPresent(report -> {
                                answer.put("added", report.added());
                                answer.put("changed", report.changed());
                                answer.put("unchanged", report.unchanged());
                                answer.put("quarantined", report.quarantined().size());
                            });
                            progress.error().ifPresent(error -> answer.put("error", error));
                        },
                        () -> answer.put("running", false));
        return answer;
    }

    @GetMapping("/licenses")
    String licenses(
            Principal user,
            Model model,
            @ModelAttribute("list") LicenseList list,
            @ModelAttribute("present") ShopPresentation present) {
        EsetShop shop = resellers.shop(user);
        List<License> all = list.licenses(shop);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, list.getPage()), pages);
        model.addAttribute(
                "licenses", all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE)));
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("list", list);
        model.addAttribute("products", catalog.products());
        model.addAttribute("states", LicenseList.stateChoices(present));
        model.addAttribute("trialLabel", present.operation(Operation.TRIAL));
        model.addAttribute("today", shop.today());
        if (all.isEmpty()) {
            model.addAttribute("emptyReason", list.emptyReason(shop));
        }
        return "licenses";
    }

    @GetMapping("/licenses/{id}")
    String license(Principal user, @PathVariable String id, Model model, Locale locale) {
        EsetShop shop = resellers.shop(user);
        License license = ownLicense(shop, id);
        model.addAttribute("license", license);
        model.addAttribute("key", license.licenseKey().masked(4));
        try {
            AvailableActions actions = shop.availableActions(license);
            model.addAttribute("actions", actions.all());
            // a license with nothing to do says why instead of a table of refusals
            model.addAttribute("noAction", actions.all().stream().noneMatch(AvailableActions.Option::applies));
        } catch (EsetShopException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("locale", locale);
        return "license";
    }

    /**
     * One order of the history as the page shows it, every value shown by the SDK's presentation in the reader's
     * language.
     */
    record OrderRow(
            String placedAt,
            String operation,
            String product,
            String seats,
            String yourPrice,
            String customer,
            String reference,
            String orderNumber,
            String state,
            Optional<String> licenseId,
            Optional<String> reason) {}

    /**
     * The order history of every shop of the reseller, from the SDK's journal (so it survives restarts), newest
     * first, a page at a time, optionally of one state and one operation.
     */
    @GetMapping("/orders")
    String orders(
            Principal user,
            Model model,
            @ModelAttribute("present") ShopPresentation present,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String operation) {
        EsetShop shop = resellers.shop(user);
        Optional<JournalEntry.State> wantedState = Arrays.stream(JournalEntry.State.values())
                .filter(candidate -> candidate.name().equals(state))
                .findFirst();
        Optional<Operation> wantedOperation = Arrays.stream(Operation.values())
                .filter(candidate -> candidate.name().equals(operation))
                .findFirst();
        int current = Math.max(1, page);
        OrderHistoryQuery.Builder query =
                OrderHistoryQuery.builder().page(current - 1).size(PAGE_SIZE);
        wantedState.ifPresent(query::state);
        wantedOperation.ifPresent(query::operation);
        dev.esetshop.sdk.order.OrderHistory history = shop.orders(query.build());
        Locale locale = present.locale();
        List<OrderRow> rows = history.orders().stream()
                .map(order -> new OrderRow(
                        present.dateTime(order.placedAt().atZone(shop.zone()).toInstant()),
                        present.operation(order.operation()),
                        order.productName(locale),
                        present.count(order.seats()),
                        present.money(order.yourPrice()),
                        order.customer().organization(),
                        order.reference().orElse("-"),
                        order.orderNumber().orElse("-"),
                        present.orderState(order.state()),
                        order.licenseId().map(LicenseId::value),
                        order.rejection()))
                .toList();
        model.addAttribute("orders", rows);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", history.hasNext());
        model.addAttribute("state", wantedState.map(Enum::name).orElse(""));
        model.addAttribute("operation", wantedOperation.map(Enum::name).orElse(""));
        model.addAttribute("states", JournalEntry.State.values());
        model.addAttribute("operations", Operation.values());
        return "orders";
    }

    /**
     * One order's outcome as the page shows it: the outcome as a message key suffix ({@code ORDERED},
     * {@code REFUSED}, {@code PENDING}), and the confirmation mail when this instance sent it.
     */
    record Outcome(
            String outcome,
            String operation,
            String product,
            int seats,
            Optional<String> licenseId,
            Optional<String> orderNumber,
            List<String> reasons,
            Optional<MailOutbox.SentMail> email) {}

    /**
     * The page a submit ends on: the order the form's purchase key placed, read from the journal through the SDK, so
     * it shows the order as it stands now (a pending order reconcile settled reads ordered) on any instance and after
     * a restart. Another reseller's key, or one the journal does not hold, is 404.
     */
    @GetMapping("/orders/{key}")
    String order(Principal user, @PathVariable String key, Model model, Locale locale) {
        EsetShop shop = resellers.shop(user);
        OrderRecord order = purchaseKey(key)
                .flatMap(shop::findOrder)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String outcome = switch (order.state()) {
            case CONFIRMED -> "ORDERED";
            case REJECTED -> "REFUSED";
            case PENDING -> "PENDING";
        };
        Optional<MailOutbox.SentMail> email =
                mails.find(resellers.id(user), ShopMailer.messageId(OrderConfirmed.eventIdFor(order.key())));
        model.addAttribute(
                "order",
                new Outcome(
                        outcome,
                        order.operation().name(),
                        order.productName(locale),
                        order.seats(),
                        order.licenseId().map(LicenseId::value),
                        order.orderNumber(),
                        order.rejection().map(List::of).orElse(List.of()),
                        email));
        return "order-outcome";
    }

    private static Optional<IdempotencyKey> purchaseKey(String key) {
        try {
            return Optional.of(IdempotencyKey.of(key));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    /** A license of the logged-in reseller's book; any other id (another reseller's, a malformed one) is 404. */
    static License ownLicense(EsetShop shop, String id) {
        Optional<License> license = LicenseId.isValid(id) ? shop.license(LicenseId.of(id)) : Optional.empty();
        return license.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
