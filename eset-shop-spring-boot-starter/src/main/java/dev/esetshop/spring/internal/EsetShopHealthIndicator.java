package dev.esetshop.spring.internal;

import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.OpenOrders;
import dev.esetshop.spring.EsetShopMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN when the shared order journal cannot be read (the database is unreachable) or its oldest pending order is
 * older than the threshold: read from the database every instance shares, so every instance says the same, whichever
 * of them settled an order. Open circuit breakers (one reseller's ESET account failing) and undelivered confirmations
 * are details, counted, and not a reason to take the instance out of service.
 */
public final class EsetShopHealthIndicator implements HealthIndicator {

    private final Optional<EsetShops> shops;
    private final EsetShopMonitor monitor;
    private final Duration pendingOrderAge;
    private final Clock clock;

    /**
     * An indicator.
     *
     * @param shops the registry whose journal it reads, empty when the host has no directory of resellers
     * @param monitor counts the open circuit breakers
     * @param pendingOrderAge how old a pending order may get
     * @param clock the clock of ages
     */
    public EsetShopHealthIndicator(
            Optional<EsetShops> shops, EsetShopMonitor monitor, Duration pendingOrderAge, Clock clock) {
        this.shops = shops;
        this.monitor = monitor;
        this.pendingOrderAge = pendingOrderAge;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        if (shops.isPresent()) {
            OpenOrders open;
            try {
                open = shops.get().openOrders();
            } catch (EsetShopException e) {
                return Health.down()
                        .withDetail("openCircuitBreakers", monitor.openBreakers())
                        .withDetail(
                                "reason",
                                "the order journal cannot be read (" + e.code()
                                        + "): check that the database is reachable")
                        .build();
            }
            health.withDetail("pendingOrders", open.pending())
                    .withDetail("undeliveredConfirmations", open.undelivered());
            Optional<Duration> oldest =
                    open.oldestPendingSince().map(since -> Duration.between(since, Instant.now(clock)));
            oldest.ifPresent(age -> health.withDetail("oldestPendingOrder", age.toString()));
            if (oldest.filter(age -> age.compareTo(pendingOrderAge) > 0).isPresent()) {
                health.down()
                        .withDetail(
                                "reason",
                                "an order has been pending longer than " + pendingOrderAge
                                        + ": check ESET's availability and the reconcile (eset.shop.reconcile.*)");
            }
        }
        return health.withDetail("openCircuitBreakers", monitor.openBreakers()).build();
    }
}
