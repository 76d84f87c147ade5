package dev.esetshop.sdk.memory;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.sdk.internal.LicenseText;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LicenseStore} in memory: the license book lives as long as the JVM. Thread-safe; a page and its cursor are
 * stored under one lock, so a reader sees either both or neither.
 */
public final class InMemoryLicenseStore implements LicenseStore {

    private static final Comparator<License> BY_EXPIRY_THEN_ID =
            Comparator.comparing(License::expires).thenComparing(License::id);

    private final TreeMap<LicenseId, License> licenses = new TreeMap<>();
    private @Nullable SyncCursor cursor;
    private @Nullable String partner;

    /** An empty store without a cursor. */
    public InMemoryLicenseStore() {}

    @Override
    public synchronized PageOutcome storePage(List<License> page, SyncCursor cursorAfterPage) {
        Objects.requireNonNull(cursorAfterPage, "cursorAfterPage");
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (License incoming : page) {
            License cleaned = LicenseText.cleaned(incoming);
            License stored = licenses.get(incoming.id());
            License license = stored == null ? cleaned : LicenseStore.keepingOrderNumber(cleaned, stored);
            License previous = licenses.put(license.id(), license);
            if (previous == null) {
                added++;
            } else if (previous.equals(license)) {
                unchanged++;
            } else {
                changed++;
            }
        }
        cursor = cursorAfterPage;
        return new PageOutcome(added, changed, unchanged);
    }

    @Override
    public synchronized void bindPartner(String partnerId) {
        if (partner == null) {
            partner = partnerId;
        } else if (!partner.equals(partnerId)) {
            throw new PartnerMismatchException("license store", partner, partnerId);
        }
    }

    @Override
    public synchronized Optional<License> find(LicenseId id) {
        return Optional.ofNullable(licenses.get(id));
    }

    @Override
    public synchronized List<License> query(LicenseQuery query) {
        List<License> matching = new ArrayList<>();
        for (License license : licenses.values()) {
            if (matches(query, license)) {
                matching.add(license);
            }
        }
        matching.sort(BY_EXPIRY_THEN_ID);
        int limit = query.limit().orElse(Integer.MAX_VALUE);
        return List.copyOf(matching.size() > limit ? matching.subList(0, limit) : matching);
    }

    @Override
    public void forEach(Consumer<License> action) {
        List<License> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(licenses.values());
        }
        // the action runs outside the lock, so a slow report writer never blocks a sync
        snapshot.forEach(action);
    }

    @Override
    public synchronized long count() {
        return licenses.size();
    }

    @Override
    public synchronized Optional<SyncCursor> cursor() {
        return Optional.ofNullable(cursor);
    }

    static boolean matches(LicenseQuery query, License license) {
        if (query.expiresOnOrAfter()
                .filter(day -> license.expires().isBefore(day))
                .isPresent()) {
            return false;
        }
        if (query.expiresOnOrBefore()
                .filter(day -> license.expires().isAfter(day))
                .isPresent()) {
            return false;
        }
        if (query.product()
                .filter(product -> !product.equals(license.productCode()))
                .isPresent()) {
            return false;
        }
        if (!query.includeTrials() && license.trial()) {
            return false;
        }
        return query.customerText().map(text -> customerContains(license, text)).orElse(true);
    }

    private static boolean customerContains(License license, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        var customer = license.customer();
        return customer.organization().toLowerCase(Locale.ROOT).contains(needle)
                || (customer.firstName() + " " + customer.lastName())
                        .toLowerCase(Locale.ROOT)
                        .contains(needle)
                || customer.email().toLowerCase(Locale.ROOT).contains(needle);
    }
}
