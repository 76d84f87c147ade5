package dev.esetshop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.BreakerTransition;
import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetRetry;
import dev.esetshop.core.ResellerId;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.FleetSyncReport;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.remind.RenewalReminder;
import dev.esetshop.spring.internal.ShopScheduler;
import dev.esetshop.testkit.EsetSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EsetShopAutoConfigurationTest {

    private static final ResellerId ACME = ResellerId.of("acme");

    private static EsetSandbox sandbox;

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EsetShopAutoConfiguration.class));

    @BeforeAll
    static void startSandbox() {
        sandbox = EsetSandbox.builder().seed(7).licenses(12).start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    static ResellerDirectory directory() {
        Map<ResellerId, ResellerAccount> accounts =
                Map.of(ACME, ResellerAccount.of(sandbox.username(), sandbox.password()));
        return new ResellerDirectory() {
            @Override
            public Optional<ResellerAccount> account(ResellerId reseller) {
                return Optional.ofNullable(accounts.get(reseller));
            }

            @Override
            public Iterable<ResellerId> resellers() {
                return accounts.keySet();
            }
        };
    }

    private ApplicationContextRunner host() {
        return runner.withBean(ResellerDirectory.class, EsetShopAutoConfigurationTest::directory)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false");
    }

    @Test
    void definesTheRegistryAndItsPartsWithDefaults() {
        runner.withBean(ResellerDirectory.class, EsetShopAutoConfigurationTest::directory)
                .withPropertyValues("eset.shop.base-url=" + sandbox.baseUri())
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(EsetShops.class)
                            .hasSingleBean(EsetPartnerApiFactory.class)
                            .hasSingleBean(EsetShopMonitor.class)
                            .hasSingleBean(ShopScheduler.class)
                            .hasSingleBean(HealthIndicator.class);
                    assertThat(context.getBean(Catalog.class)).isEqualTo(Catalog.sample());
                    assertThat(context.getBean(ShopScheduler.class).isRunning()).isTrue();
                    EsetShopProperties properties = context.getBean(EsetShopProperties.class);
                    // what the builders default is left unset: their defaults are the only ones
                    assertThat(properties.retry().maxAttempts()).isEmpty();
                    assertThat(properties.retry().totalBudget()).isEmpty();
                    assertThat(properties.client().requestTimeout()).isEmpty();
                    assertThat(properties.client().connectTimeout()).isEmpty();
                    assertThat(properties.breaker().failureRatePercent()).isEmpty();
                    assertThat(properties.rateLimit().callsPerPeriod()).isEmpty();
                    assertThat(properties.reconcile().claimLease()).isEmpty();
                    assertThat(properties.sync().concurrency()).isEmpty();
                    assertThat(properties.reminders().windows()).isEmpty();
                    assertThat(properties.instanceId()).isEmpty();
                    assertThat(context.getBean(EsetShops.class).shop(ACME).reminderWindows())
                            .containsExactlyElementsOf(EsetShop.DEFAULT_REMINDER_WINDOWS.stream()
                                    .sorted()
                                    .toList());
                    // what only the starter has keeps its default here
                    assertThat(properties.sync().interval()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(properties.reconcile().interval()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(properties.health().pendingOrderAge()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(properties.catalogLocation()).isEmpty();
                    assertThat(properties.sync().enabled()).isTrue();
                    assertThat(properties.reconcile().enabled()).isTrue();
                    assertThat(properties.reminders().enabled()).isTrue();
                    assertThat(properties.reminders().interval()).isEqualTo(Duration.ofHours(6));
                });
    }

    @Test
    void theReminderTimerGivesEachResellersDueRemindersToTheHostsHandlerOnce() {
        List<RenewalReminder> handled = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstDelivery = new CountDownLatch(1);
        RenewalRemindersHandler handler = (reseller, reminders) -> {
            assertThat(reseller).isEqualTo(ACME);
            handled.addAll(reminders);
            firstDelivery.countDown();
        };
        CountDownLatch laterRounds = new CountDownLatch(5);
        ResellerDirectory counting = new ResellerDirectory() {
            @Override
            public Optional<ResellerAccount> account(ResellerId reseller) {
                return directory().account(reseller);
            }

            @Override
            public Iterable<ResellerId> resellers() {
                if (firstDelivery.getCount() == 0) {
                    laterRounds.countDown();
                }
                return directory().resellers();
            }
        };
        runner.withBean(ResellerDirectory.class, () -> counting)
                .withBean(RenewalRemindersHandler.class, () -> handler)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false",
                        "eset.shop.reminders.interval=20ms",
                        // one window of ten years: every running license of the sandbox's book is due
                        "eset.shop.reminders.windows=3650")
                .run(context -> {
                    EsetShop shop = context.getBean(EsetShops.class).shop(ACME);
                    shop.sync();
                    int due = shop.dueReminders().reminders().size();
                    assertThat(due).isPositive();
                    assertThat(firstDelivery.await(30, TimeUnit.SECONDS))
                            .as("a reminder round ran")
                            .isTrue();
                    assertThat(laterRounds.await(30, TimeUnit.SECONDS))
                            .as("later rounds ran")
                            .isTrue();
                    assertThat(handled).hasSize(due);
                    assertThat(handled.stream().map(RenewalReminder::eventId).distinct())
                            .hasSize(due);
                });
    }

    @Test
    void withoutAHandlerNoReminderRoundRuns() {
        AtomicInteger asked = new AtomicInteger();
        ResellerDirectory counting = new ResellerDirectory() {
            @Override
            public Optional<ResellerAccount> account(ResellerId reseller) {
                return directory().account(reseller);
            }

            @Override
            public Iterable<ResellerId> resellers() {
                asked.incrementAndGet();
                return directory().resellers();
            }
        };
        runner.withBean(ResellerDirectory.class, () -> counting)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false",
                        "eset.shop.reminders.interval=1ms")
                .run(context -> {
                    ShopScheduler scheduler = context.getBean(ShopScheduler.class);
                    // the start-up line counted the resellers once
                    assertThat(asked.get()).isEqualTo(1);
                    // a round run by hand delivers nothing to nobody: without the handler each shop refuses it
                    assertThat(scheduler.remindAll()).isEmpty();
                    assertThat(scheduler.remindAll()).isEmpty();
                    // the two rounds run by hand are the only ones
                    assertThat(asked.get()).isEqualTo(1 + 2);
                });
    }

    @Test
    void definesNoRegistryWithoutTheHostsDirectory() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(EsetShops.class)
                .doesNotHaveBean(ShopScheduler.class)
                .hasSingleBean(EsetShopMonitor.class));
    }

    @Test
    void backsOffWhenTheHostDefinesItsOwnBeans() {
        Catalog own = Catalog.sample();
        EsetPartnerApiFactory factory = account -> new EsetPartnerApi() {
            @Override
            public dev.esetshop.core.PartnerStatus partnerStatus() {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public dev.esetshop.client.LicensePage searchLicenses(int skip, int take) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public dev.esetshop.client.LicensePage searchLicenses(int skip, int take, java.time.Instant since) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public dev.esetshop.core.License licenseDetail(dev.esetshop.core.LicenseId id) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public dev.esetshop.client.OrderReceipt order(
                    dev.esetshop.client.NewLicenseOrder o, dev.esetshop.core.IdempotencyKey k) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public dev.esetshop.client.OrderReceipt renew(
                    dev.esetshop.client.RenewalOrder o, dev.esetshop.core.IdempotencyKey k) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public dev.esetshop.client.OrderReceipt changeProduct(
                    dev.esetshop.client.ProductChangeOrder o, dev.esetshop.core.IdempotencyKey k) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public dev.esetshop.client.OrderReceipt trial(
                    dev.esetshop.client.TrialOrder o, dev.esetshop.core.IdempotencyKey k) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public dev.esetshop.client.OrderReceipt convertTrial(
                    dev.esetshop.client.TrialConversionOrder o, dev.esetshop.core.IdempotencyKey k) {
                throw new UnsupportedOperationException("not called");
            }
        };
        EsetShops hostShops = EsetShops.builder()
                .directory(directory())
                .catalog(own)
                .partnerApis(a -> null)
                .build();
        // no base URL: the host's factory makes the clients, so none is needed
        runner.withBean(ResellerDirectory.class, EsetShopAutoConfigurationTest::directory)
                .withBean(Catalog.class, () -> own)
                .withBean(EsetPartnerApiFactory.class, () -> factory)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Catalog.class)).isSameAs(own);
                    assertThat(context.getBean(EsetPartnerApiFactory.class)).isSameAs(factory);
                    assertThat(context).hasSingleBean(EsetShops.class);
                });
        runner.withBean(ResellerDirectory.class, EsetShopAutoConfigurationTest::directory)
                .withBean(EsetShops.class, () -> hostShops)
                .withPropertyValues("eset.shop.base-url=" + sandbox.baseUri())
                .run(context -> assertThat(context.getBean(EsetShops.class)).isSameAs(hostShops));
        hostShops.close();
    }

    @Test
    void bindsEveryProperty() {
        host().withPropertyValues(
                        "eset.shop.client.connect-timeout=2s",
                        "eset.shop.client.request-timeout=7s",
                        "eset.shop.retry.max-attempts=3",
                        "eset.shop.retry.base-delay=50ms",
                        "eset.shop.retry.max-delay=1s",
                        "eset.shop.retry.total-budget=9s",
                        "eset.shop.breaker.sliding-window-size=8",
                        "eset.shop.breaker.failure-rate-percent=75",
                        "eset.shop.breaker.open-duration=1m",
                        "eset.shop.breaker.half-open-probes=2",
                        "eset.shop.rate-limit.calls-per-period=4",
                        "eset.shop.rate-limit.period=2s",
                        "eset.shop.rate-limit.max-wait=0s",
                        "eset.shop.sync.interval=1h",
                        "eset.shop.sync.max-age=30m",
                        "eset.shop.reconcile.interval=5m",
                        "eset.shop.health.pending-order-age=2h",
                        "eset.shop.sync.concurrency=9",
                        "eset.shop.reconcile.claim-lease=5m",
                        "eset.shop.storage.schema-managed-by-host=true",
                        "eset.shop.reminders.enabled=false",
                        "eset.shop.reminders.interval=12h",
                        "eset.shop.reminders.windows=45,14",
                        "eset.shop.instance-id=pod-7",
                        "eset.shop.catalog-location=classpath:" + Catalog.SAMPLE_RESOURCE)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EsetShopProperties p = context.getBean(EsetShopProperties.class);
                    assertThat(p.baseUrl()).contains(sandbox.baseUri());
                    assertThat(p.client().connectTimeout()).contains(Duration.ofSeconds(2));
                    assertThat(p.client().requestTimeout()).contains(Duration.ofSeconds(7));
                    assertThat(p.retry().maxAttempts()).hasValue(3);
                    assertThat(p.retry().baseDelay()).contains(Duration.ofMillis(50));
                    assertThat(p.retry().maxDelay()).contains(Duration.ofSeconds(1));
                    assertThat(p.retry().totalBudget()).contains(Duration.ofSeconds(9));
                    assertThat(p.breaker().slidingWindowSize()).hasValue(8);
                    assertThat(p.breaker().failureRatePercent()).hasValue(75);
                    assertThat(p.breaker().openDuration()).contains(Duration.ofMinutes(1));
                    assertThat(p.breaker().halfOpenProbes()).hasValue(2);
                    assertThat(p.rateLimit().callsPerPeriod()).hasValue(4);
                    assertThat(p.rateLimit().period()).contains(Duration.ofSeconds(2));
                    assertThat(p.rateLimit().maxWait()).contains(Duration.ZERO);
                    assertThat(p.sync().enabled()).isFalse();
                    assertThat(p.sync().interval()).isEqualTo(Duration.ofHours(1));
                    assertThat(p.sync().maxAge()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(p.sync().concurrency()).hasValue(9);
                    assertThat(p.reconcile().enabled()).isFalse();
                    assertThat(p.reconcile().interval()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(p.reconcile().claimLease()).contains(Duration.ofMinutes(5));
                    assertThat(p.instanceId()).contains("pod-7");
                    assertThat(context.getBean(EsetShops.class).instance()).isEqualTo("pod-7");
                    assertThat(p.storage().schemaManagedByHost()).isTrue();
                    assertThat(p.reminders().enabled()).isFalse();
                    assertThat(p.reminders().interval()).isEqualTo(Duration.ofHours(12));
                    assertThat(p.reminders().windows()).contains(List.of(45, 14));
                    assertThat(context.getBean(EsetShops.class).shop(ACME).reminderWindows())
                            .containsExactly(14, 45);
                    assertThat(p.health().pendingOrderAge()).isEqualTo(Duration.ofHours(2));
                    Catalog loaded = context.getBean(Catalog.class);
                    assertThat(loaded).isNotSameAs(Catalog.sample());
                    assertThat(loaded.fingerprint()).isEqualTo(Catalog.sample().fingerprint());
                    assertThat(context.getBean(ShopScheduler.class).isRunning()).isTrue();
                });
    }

    @Test
    void badValuesFailTheStartNamingTheProperty() {
        Map<String, String> bad = Map.of(
                "eset.shop.retry.max-attempts=0", "eset.shop.retry.max-attempts",
                "eset.shop.breaker.failure-rate-percent=101", "eset.shop.breaker.failure-rate-percent",
                "eset.shop.client.request-timeout=0s", "eset.shop.client.request-timeout",
                "eset.shop.sync.interval=soon", "eset.shop.sync.interval",
                "eset.shop.base-url=ftp://eset.example", "eset.shop.base-url",
                "eset.shop.retry.base-delay=20s", "eset.shop.retry.base-delay",
                "eset.shop.catalog-location=classpath:no/such/catalog.json", "eset.shop.catalog-location",
                "eset.shop.sync.concurrency=0", "eset.shop.sync.concurrency",
                "eset.shop.reconcile.claim-lease=0s", "eset.shop.reconcile.claim-lease");
        Map<String, String> badReminders = Map.of(
                "eset.shop.reminders.windows=30,0", "eset.shop.reminders.windows",
                "eset.shop.reminders.windows=30,30", "eset.shop.reminders.windows",
                "eset.shop.reminders.interval=0s", "eset.shop.reminders.interval");
        java.util.stream.Stream.of(bad, badReminders)
                .flatMap(settings -> settings.entrySet().stream())
                .forEach(entry -> host().withPropertyValues(entry.getKey()).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(causes(context.getStartupFailure()))
                            .as(entry.getKey())
                            .contains(entry.getValue());
                }));
    }

    @Test
    void whatTheClientWouldRefuseAtItsFirstCallFailsTheStartNamingTheProperty() {
        Map<String, String> unsafe = Map.of(
                // plain http:// to a remote host would send the password unencrypted: the client refuses it
                "eset.shop.base-url=http://partner-api.eset.example", "eset.shop.base-url: plain http://",
                "eset.shop.base-url=https://user:secret@partner-api.eset.example", "eset.shop.base-url",
                // a claim that lapses while a call (30 s budget by default) still runs lets another instance send it
                "eset.shop.reconcile.claim-lease=20s", "eset.shop.reconcile.claim-lease (PT20S) must be longer");
        unsafe.forEach((setting, message) -> host().withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(causes(context.getStartupFailure()))
                    .as(setting)
                    .contains(message)
                    .doesNotContain("secret");
        }));
    }

    @Test
    void esetShopEnabledFalseSwitchesTheStarterOff() {
        host().withPropertyValues("eset.shop.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(EsetShops.class)
                        .doesNotHaveBean(EsetShopMonitor.class)
                        .doesNotHaveBean(EsetPartnerApiFactory.class)
                        .doesNotHaveBean(ShopScheduler.class));
    }

    @Test
    void withoutABaseUrlTheStartSaysWhatToSet() {
        runner.withBean(ResellerDirectory.class, EsetShopAutoConfigurationTest::directory)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(causes(context.getStartupFailure())).contains("eset.shop.base-url is not set");
                });
    }

    @Test
    void callsSyncsAndBreakersShowInTheMetricsAndTheHealth() {
        StarterFixtures.withMetrics(host()).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            EsetShops shops = context.getBean(EsetShops.class);
            shops.shop(ACME).status();
            assertThat(registry.get(EsetShopMonitor.CALLS)
                            .tag("call", "Partner/Status")
                            .tag("outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);

            FleetSyncReport round = context.getBean(ShopScheduler.class).syncAll();
            assertThat(round.synced()).isEqualTo(1);
            assertThat(registry.get(EsetShopMonitor.CALLS)
                            .tag("call", "Search/Licenses")
                            .timer()
                            .count())
                    .isPositive();
            assertThat(registry.get(EsetShopMonitor.SYNC_DURATION)
                            .tag("outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get(EsetShopMonitor.SYNC_AGE).gauge().value()).isGreaterThanOrEqualTo(0.0);
            assertThat(context.getBean(ShopScheduler.class).reconcileAll()).isEmpty();
            assertThat(registry.get(EsetShopMonitor.PENDING_ORDERS).gauge().value())
                    .isZero();
            assertThat(registry.get(EsetShopMonitor.UNDELIVERED).gauge().value())
                    .isZero();

            HealthIndicator health = context.getBean(HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            EsetShopMonitor monitor = context.getBean(EsetShopMonitor.class);
            monitor.clientListener().onCircuitStateChange(new BreakerTransition("CLOSED", "OPEN"));
            // one reseller's breaker is a detail: the instance stays in service for the others
            Health withOpenBreaker = health.health();
            assertThat(withOpenBreaker.getStatus()).isEqualTo(Status.UP);
            assertThat(withOpenBreaker.getDetails()).containsEntry("openCircuitBreakers", 1);
            assertThat(registry.get(EsetShopMonitor.BREAKERS_OPEN).gauge().value())
                    .isEqualTo(1.0);
            monitor.clientListener().onCircuitStateChange(new BreakerTransition("OPEN", "HALF_OPEN"));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            monitor.clientListener().onRetry(new EsetRetry("Search/Licenses", 1, Duration.ofMillis(5), "HTTP 503"));
            assertThat(registry.get(EsetShopMonitor.RETRIES).counter().count()).isEqualTo(1.0);
        });
    }

    @Test
    void theHostsDataSourceHoldsEveryResellersBookWithTheSchemaAppliedByTheSdk() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:starter;DB_CLOSE_DELAY=-1");
        host().withBean(DataSource.class, () -> h2).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EsetShops.class);
            EsetShop shop = context.getBean(EsetShops.class).shop(ACME);
            assertThat(shop.status().partnerId()).isNotBlank();
            assertThat(shop.sync().added()).isPositive();
        });
        try (var connection = h2.getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT COUNT(*) FROM eset_license WHERE reseller_id = '" + ACME.value() + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1))
                    .as("licenses of the reseller in the host's database")
                    .isPositive();
        }
    }

    @Test
    void theTimersSyncAndReconcileEveryResellerWhileTheContextRuns() {
        CountDownLatch rounds = new CountDownLatch(4);
        ResellerDirectory counting = new ResellerDirectory() {
            private final ResellerDirectory inner = directory();

            @Override
            public Optional<ResellerAccount> account(ResellerId reseller) {
                return inner.account(reseller);
            }

            @Override
            public Iterable<ResellerId> resellers() {
                rounds.countDown();
                return inner.resellers();
            }
        };
        runner.withBean(ResellerDirectory.class, () -> counting)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.interval=20ms",
                        "eset.shop.reconcile.interval=20ms")
                .run(context -> {
                    assertThat(rounds.await(30, TimeUnit.SECONDS))
                            .as("scheduled rounds ran")
                            .isTrue();
                    EsetShops shops = context.getBean(EsetShops.class);
                    // the sync round records the reseller's sync in its book once the round is over
                    CountDownLatch synced = new CountDownLatch(1);
                    for (int waits = 0; shops.lastCompletedSyncs().isEmpty() && waits < 1_500; waits++) {
                        assertThat(synced.await(20, TimeUnit.MILLISECONDS)).isFalse();
                        assertThat(context.getBean(ShopScheduler.class).isRunning())
                                .isTrue();
                    }
                    assertThat(shops.lastCompletedSyncs()).containsKey(ACME);
                });
    }

    @Test
    void withBothTimersSwitchedOffNothingRunsOnATimer() {
        AtomicInteger asked = new AtomicInteger();
        ResellerDirectory counting = new ResellerDirectory() {
            @Override
            public Optional<ResellerAccount> account(ResellerId reseller) {
                return directory().account(reseller);
            }

            @Override
            public Iterable<ResellerId> resellers() {
                asked.incrementAndGet();
                return directory().resellers();
            }
        };
        runner.withBean(ResellerDirectory.class, () -> counting)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false",
                        "eset.shop.sync.interval=1ms",
                        "eset.shop.reconcile.interval=1ms")
                .run(context -> {
                    ShopScheduler scheduler = context.getBean(ShopScheduler.class);
                    // the start-up line counted the resellers once
                    assertThat(asked.get()).isEqualTo(1);
                    // the rounds run by hand are the only ones: none ran on a timer before or after them
                    // (a fleet sync round asks the directory once, whom to sync: the book ages come from the store)
                    scheduler.syncAll();
                    scheduler.syncAll();
                    assertThat(asked.get()).isEqualTo(1 + 2);
                });
    }

    private static String causes(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
