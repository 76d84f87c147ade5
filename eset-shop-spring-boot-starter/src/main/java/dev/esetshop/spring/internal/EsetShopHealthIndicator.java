package dev.esetshop.spring.internal;

import dev.esetshop.spring.EsetShopMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** DOWN while an ESET client's circuit breaker is open or an order has been pending longer than the threshold. */
public final class EsetShopHealthIndicator implements HealthIndicator {

    private final EsetShopMonitor monitor;
    private final Duration pendingOrderAge;
    private final Clock clock;

    /**
     * An indicator.
     *
     * @param monitor what the starter knows
     * @param pendingOrderAge how old a pending order may get
     * @param clock the clock of ages
     */
    public EsetShopHealthIndicator(EsetShopMonitor monitor, Duration pendingOrderAge, Clock clock) {
        this.monitor = monitor;
        this.pendingOrderAge = pendingOrderAge;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Optional<Duration> oldest = monitor.oldestPendingSince()
                .map(since -> Duration.between(since, Instant.now(clock)));
        boolean breakerOpen = monitor.openBreakers() > 0;
        boolean stale = oldest.filter(age -> age.compareTo(pendingOrderAge) > 0).isPresent();
        Health.Builder health = breakerOpen || stale ? Health.down() : Health.up();
        health.withDetail("openCircuitBreakers", monitor.openBreakers())
                .withDetail("pendingOrders", monitor.pendingOrders());
        oldest.ifPresent(age -> health.withDetail("oldestPendingOrder", age.toString()));
        if (breakerOpen) {
            health.withDetail("reason", "an ESET client's circuit breaker is open: ESET fails; orders stay pending");
        } else if (stale) {
            health.withDetail("reason", "an order has been pending longer than " + pendingOrderAge
                    + ": check ESET's availability and the reconcile (eset.shop.reconcile.*)");
        }
        return health.build();
    }
}
