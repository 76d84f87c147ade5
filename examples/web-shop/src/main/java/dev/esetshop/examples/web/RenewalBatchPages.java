package dev.esetshop.examples.web;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.pricing.Quote;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.RenewalBatch;
import dev.esetshop.sdk.present.ShopPresentation;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Renewing the licenses ticked in the license list for a chosen period: first a confirmation page with each
 * license's quote and the total, then the order of the whole batch. The confirmation form carries the batch's own
 * key, so a form posted twice (a double click, a reload) is the same batch and orders each license once.
 */
@Controller
class RenewalBatchPages {

    private final Resellers resellers;

    RenewalBatchPages(Resellers resellers) {
        this.resellers = resellers;
    }

    @PostMapping("/licenses/renew")
    String confirm(
            Principal user,
            @RequestParam(name = "ids", defaultValue = "") List<String> ids,
            @RequestParam(defaultValue = "1") int years,
            Model model,
            @ModelAttribute("present") ShopPresentation present) {
        if (ids.isEmpty()) {
            return "redirect:/licenses?none";
        }
        EsetShop shop = resellers.shop(user);
        RenewalBatch quoted = shop.quoteRenewals(licenses(shop, ids), years);
        // a fresh key per confirmation page: posting this page twice is one batch, a new page a new one
        return page(model, quoted, ids, years, "web-" + UUID.randomUUID(), present);
    }

    @PostMapping("/licenses/renew/order")
    String order(
            Principal user,
            @RequestParam(name = "ids", defaultValue = "") List<String> ids,
            @RequestParam int years,
            @RequestParam String batchKey,
            Model model,
            @ModelAttribute("present") ShopPresentation present) {
        if (ids.isEmpty() || !validKey(batchKey)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        EsetShop shop = resellers.shop(user);
        List<License> licenses = licenses(shop, ids);
        try {
            RenewalBatch batch = shop.renew(licenses, years, IdempotencyKey.of(batchKey));
            return page(model, batch, ids, years, batchKey, present);
        } catch (EsetShopException e) {
            // nothing of the failing license was sent: the same page, with the same key, orders the rest
            model.addAttribute("error", e.getMessage());
            return page(model, shop.quoteRenewals(licenses, years), ids, years, batchKey, present);
        }
    }

    private static List<License> licenses(EsetShop shop, List<String> ids) {
        // another reseller's id (or a malformed one) is 404, as everywhere in the shop
        return ids.stream().distinct().map(id -> ShopPages.ownLicense(shop, id)).toList();
    }

    private static boolean validKey(String key) {
        try {
            IdempotencyKey.of(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String page(
            Model model, RenewalBatch batch, List<String> ids, int years, String batchKey, ShopPresentation present) {
        List<Row> rows = new ArrayList<>();
        for (RenewalBatch.Renewal renewal : batch.renewals()) {
            License license = renewal.license();
            Optional<Quote> quote = renewal.accepted();
            String outcome = renewal.order()
                    .map(result -> result instanceof OrderResult.Ordered
                            ? "ORDERED"
                            : result instanceof OrderResult.Refused ? "REFUSED" : "PENDING")
                    .orElse(quote.isPresent() ? "" : "REFUSED");
            Optional<String> orderNumber = renewal.order()
                    .filter(OrderResult.Ordered.class::isInstance)
                    .map(result -> ((OrderResult.Ordered) result).orderNumber());
            List<String> reasons = new ArrayList<>();
            renewal.violations().forEach(violation -> reasons.add(present.violation(violation)));
            renewal.order()
                    .filter(OrderResult.Refused.class::isInstance)
                    .flatMap(result -> ((OrderResult.Refused) result).detail())
                    .ifPresent(reasons::add);
            renewal.order()
                    .filter(OrderResult.Pending.class::isInstance)
                    .map(result -> ((OrderResult.Pending) result).reason())
                    .ifPresent(reasons::add);
            rows.add(new Row(
                    license.id().value(),
                    present.product(license),
                    present.count(license.seats().count()),
                    present.date(license.expires()),
                    quote.map(q -> present.date(q.expires())).orElse("-"),
                    quote.map(q -> present.money(q.yourPrice())).orElse("-"),
                    outcome,
                    orderNumber.orElse(""),
                    reasons));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("ordered", batch.batchKey().isPresent());
        model.addAttribute("batch", batch);
        model.addAttribute("total", present.money(batch.total()));
        model.addAttribute("renewable", batch.renewals().size() - batch.refused());
        model.addAttribute("ids", ids);
        model.addAttribute("years", years);
        model.addAttribute("batchKey", batchKey);
        return "renew-batch";
    }

    /** One license of the batch as the page shows it. */
    record Row(
            String id,
            String product,
            String seats,
            String expires,
            String newExpiry,
            String price,
            String outcome,
            String orderNumber,
            List<String> reasons) {}
}
