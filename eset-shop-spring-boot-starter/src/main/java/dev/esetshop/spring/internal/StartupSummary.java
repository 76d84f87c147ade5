package dev.esetshop.spring.internal;

import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.spring.EsetShopProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one line the starter logs at start-up, so an operator sees at once where the instance sends its calls, for
 * whom, where it keeps the books, and what it runs on a timer.
 */
public final class StartupSummary {

    private StartupSummary() {}

    /**
     * The line.
     *
     * @param properties the starter's properties
     * @param directory the host's resellers, counted
     * @param database true when the books and journals live in the host's database
     * @param remindersHandled true when the host has a handler of renewal reminders
     * @param instance the name the registry claims work under
     * @return e.g. {@code eset-shop started: base URL https://..., 2 resellers known, storage database (schema applied
     *     by the SDK), schedules sync every 15m, reconcile every 1m, reminders off, instance pod-1}
     */
    public static String of(
            EsetShopProperties properties,
            ResellerDirectory directory,
            boolean database,
            boolean remindersHandled,
            String instance) {
        long resellers = 0;
        for (var ignored : directory.resellers()) {
            resellers++;
        }
        // the base URL was checked at start-up: no user info, query or fragment can show here
        String baseUrl = properties.baseUrl().map(Object::toString).orElse("(the host's EsetPartnerApiFactory)");
        String storage = !database
                ? "in memory (one instance only)"
                : properties.storage().schemaManagedByHost()
                        ? "database (schema managed by the host)"
                        : "database (schema applied by the SDK)";
        List<String> schedules = new ArrayList<>();
        schedules.add(
                properties.sync().enabled()
                        ? "sync every " + text(properties.sync().interval())
                        : "sync off");
        schedules.add(
                properties.reconcile().enabled()
                        ? "reconcile every " + text(properties.reconcile().interval())
                        : "reconcile off");
        schedules.add(
                !properties.reminders().enabled()
                        ? "reminders off"
                        : remindersHandled
                                ? "reminders every "
                                        + text(properties.reminders().interval())
                                : "reminders off (no RenewalRemindersHandler bean)");
        return "eset-shop started: base URL " + baseUrl + ", " + resellers
                + (resellers == 1 ? " reseller" : " resellers")
                + " known, storage " + storage + ", schedules " + String.join(", ", schedules) + ", instance "
                + instance;
    }

    /** A duration as an operator writes it in the properties: 15m, 1h, 20ms. */
    private static String text(Duration duration) {
        if (duration.toMillis() % 3_600_000 == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        if (duration.toMillis() % 1_000 == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }
}
