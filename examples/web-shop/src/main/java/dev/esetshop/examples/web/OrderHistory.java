package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.confirm.RenderedEmail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The outcomes of the orders placed through this process's pages, per reseller, for the outcome page a submit
 * redirects to (with the confirmation e-mail). The order history ({@code /orders}) is not kept here: it is the SDK's
 * {@code EsetShop.orders}, read from the durable journal, so it holds every instance's orders and survives restarts.
 */
@Component
class OrderHistory {

    /** One purchase as the reseller placed it, under the key of the form it was posted from. */
    record Entry(int number, String purchaseKey, Instant at, String operation, String product, int seats,
            String outcome, Optional<String> licenseId, Optional<String> orderNumber, List<String> reasons,
            Optional<RenderedEmail> email) {}

    private static final String ORDERED = "ORDERED";

    private final Map<ResellerId, List<Entry>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();

    /**
     * Records a purchase's outcome. A form posted again (the same purchase key) keeps its entry and number, so every
     * answer to it shows the one order; a later answer replaces the outcome, except that an order once shown as
     * ordered stays so.
     */
    Entry add(ResellerId reseller, String purchaseKey, Instant at, String operation, String product, int seats,
            String outcome, Optional<String> licenseId, Optional<String> orderNumber, List<String> reasons,
            Optional<RenderedEmail> email) {
        List<Entry> list = entries.computeIfAbsent(reseller, r -> new ArrayList<>());
        synchronized (list) {
            for (int i = 0; i < list.size(); i++) {
                Entry known = list.get(i);
                if (known.purchaseKey().equals(purchaseKey)) {
                    if (known.outcome().equals(ORDERED)) {
                        return known;
                    }
                    Entry again = new Entry(known.number(), purchaseKey, at, operation, product, seats, outcome,
                            licenseId, orderNumber, List.copyOf(reasons), email);
                    list.set(i, again);
                    return again;
                }
            }
            Entry entry = new Entry(numbers.incrementAndGet(), purchaseKey, at, operation, product, seats, outcome,
                    licenseId, orderNumber, List.copyOf(reasons), email);
            list.add(0, entry);
            return entry;
        }
    }

    private List<Entry> of(ResellerId reseller) {
        List<Entry> list = entries.getOrDefault(reseller, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    Optional<Entry> find(ResellerId reseller, int number) {
        return of(reseller).stream().filter(entry -> entry.number() == number).findFirst();
    }
}
