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

    /** One order as the reseller placed it. */
    record Entry(int number, Instant at, String operation, String product, int seats, String outcome,
            Optional<String> licenseId, Optional<String> orderNumber, List<String> reasons,
            Optional<RenderedEmail> email) {}

    private final Map<ResellerId, List<Entry>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();

    Entry add(ResellerId reseller, Instant at, String operation, String product, int seats, String outcome,
            Optional<String> licenseId, Optional<String> orderNumber, List<String> reasons,
            Optional<RenderedEmail> email) {
        Entry entry = new Entry(numbers.incrementAndGet(), at, operation, product, seats, outcome, licenseId,
                orderNumber, List.copyOf(reasons), email);
        List<Entry> list = entries.computeIfAbsent(reseller, r -> new ArrayList<>());
        synchronized (list) {
            list.add(0, entry);
        }
        return entry;
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
