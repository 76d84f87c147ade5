package dev.esetshop.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.testkit.TestClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The registry's own parts, in memory: closing fences the opening of shops (also while they open on another thread),
 * the fleet sync runs on the host's executor, and a reseller's failure is typed.
 */
class EsetShopsRegistryTest {

    private static final int RESELLERS = 8;
    private static final Duration DAILY = Duration.ofHours(24);

    private final TestClock clock = TestClock.at(Fixtures.NOW);
    /** The partner APIs the registries opened and did not close yet. */
    private final Set<EsetPartnerApi> openApis = ConcurrentHashMap.newKeySet();

    @Test
    void aClosedRegistryRefusesEveryUseSayingItIsClosedAndClosedEveryShopItOpened() {
        EsetShops shops = builder().build();
        EsetShop opened = shops.shop(reseller(0));
        assertThat(openApis).hasSize(1);

        shops.close();

        assertThat(openApis).isEmpty();
        assertThatThrownBy(opened::status).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> shops.shop(reseller(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the registry of shops is closed");
        assertThatThrownBy(() -> shops.shop(reseller(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(shops::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> shops.syncAll(DAILY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(shops::reconcileAll).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(shops::openOrders).isInstanceOf(IllegalStateException.class);
        assertThat(openApis).as("no shop opened after the close").isEmpty();
        shops.close();
    }

    /**
     * One thread opens every reseller's shop while another closes the registry, both let go at once, many times:
     * every shop the first got is closed afterwards, whichever came first, and so is every partner API; the first
     * thread's later calls fail saying the registry is closed.
     */
    @Test
    void aCloseRacingTheOpeningOfShopsNeverLeavesAnOpenShopBehind() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                EsetShops shops = builder().build().start();
                CyclicBarrier go = new CyclicBarrier(2);
                Future<List<EsetShop>> opening = threads.submit(() -> {
                    List<EsetShop> got = new ArrayList<>();
                    go.await();
                    for (int i = 0; i < RESELLERS; i++) {
                        try {
                            got.add(shops.shop(reseller(i)));
                        } catch (IllegalStateException closed) {
                            assertThat(closed).hasMessage("the registry of shops is closed");
                            break;
                        }
                    }
                    return got;
                });
                Future<?> closing = threads.submit(() -> {
                    go.await();
                    shops.close();
                    return null;
                });
                closing.get(10, TimeUnit.SECONDS);
                List<EsetShop> got = opening.get(10, TimeUnit.SECONDS);

                for (EsetShop shop : got) {
                    assertThatThrownBy(shop::status)
                            .as("round %d: a shop the registry gave out before it closed", round)
                            .isInstanceOf(IllegalStateException.class);
                }
                assertThat(openApis).as("round %d", round).isEmpty();
                assertThatThrownBy(() -> shops.shop(reseller(0))).isInstanceOf(IllegalStateException.class);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theFleetSyncRunsOnTheHostsExecutorWhichTheRegistryLeavesRunning() {
        AtomicInteger threadNumbers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(
                2, task -> new Thread(task, "host-sync-" + threadNumbers.incrementAndGet()));
        AtomicInteger tasks = new AtomicInteger();
        Executor hosts = task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        };
        Set<String> syncThreads = ConcurrentHashMap.newKeySet();
        try {
            EsetShops shops = builder()
                    .syncConcurrency(3)
                    .syncExecutor(hosts)
                    .onSynced((reseller, report) ->
                            syncThreads.add(Thread.currentThread().getName()))
                    .build();

            FleetSyncReport report = shops.syncAll(DAILY);
            shops.close();

            assertThat(report.failed()).isEmpty();
            assertThat(report.synced()).isEqualTo(RESELLERS);
            assertThat(tasks).as("one task per concurrent sync").hasValue(3);
            assertThat(syncThreads)
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(name).startsWith("host-sync-"));
            assertThat(pool.isShutdown()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutTheHostsExecutorEachRoundSyncsOnThreadsOfItsOwn() {
        Set<String> syncThreads = ConcurrentHashMap.newKeySet();
        EsetShops shops = builder()
                .onSynced((reseller, report) ->
                        syncThreads.add(Thread.currentThread().getName()))
                .build();

        assertThat(shops.syncAll(DAILY).synced()).isEqualTo(RESELLERS);
        shops.close();

        assertThat(syncThreads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("eset-shops-sync-"));
    }

    @Test
    void resellersWhoseSyncTheExecutorNeverRanAreReportedNotRunAndRetryable() {
        EsetShops shops = builder()
                .syncExecutor(task -> {
                    throw new RejectedExecutionException("the host's executor is full");
                })
                .build();

        FleetSyncReport report = shops.syncAll(DAILY);
        shops.close();

        assertThat(report.synced()).isZero();
        assertThat(report.failed()).hasSize(RESELLERS).allSatisfy(failure -> {
            assertThat(failure.code()).isEqualTo(ResellerFailure.NOT_RUN);
            assertThat(failure.retryable()).isTrue();
        });
        assertThat(report.failed().get(0).reseller()).isEqualTo(reseller(0));
    }

    /** The host's vault throwing is an unexpected failure, named by its class only: its text may quote a secret. */
    @Test
    void aSyncWhoseDirectoryThrowsIsAnUnexpectedFailureThatQuotesNothingOfTheException() {
        EsetShops shops = builder()
                .directory(new ResellerDirectory() {
                    @Override
                    public Optional<ResellerAccount> account(ResellerId reseller) {
                        if (reseller.equals(reseller(1))) {
                            throw new IllegalStateException("vault sealed; token s3cr3t-token");
                        }
                        return Optional.of(ResellerAccount.of("partner-" + reseller.value(), Secret.of("pw")));
                    }

                    @Override
                    public Iterable<ResellerId> resellers() {
                        return List.of(reseller(0), reseller(1));
                    }
                })
                .build();

        FleetSyncReport report = shops.syncAll(DAILY);
        shops.close();

        assertThat(report.synced()).isOne();
        assertThat(report.failed())
                .extracting(ResellerFailure::reseller, ResellerFailure::code, ResellerFailure::retryable)
                .containsExactly(tuple(reseller(1), ResellerFailure.UNEXPECTED, false));
        assertThat(report.failed().get(0).message())
                .isEqualTo("unexpected IllegalStateException")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aFailureNeedsACodeAndAMessage() {
        assertThatThrownBy(() -> new ResellerFailure(reseller(0), " ", "ESET is unavailable", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code");
        assertThatThrownBy(() -> new ResellerFailure(reseller(0), "ESET_UNAVAILABLE", "", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message");
        assertThat(new ResellerFailure(reseller(0), "ESET_UNAVAILABLE", "ESET is unavailable", true))
                .hasToString("RES-0: ESET_UNAVAILABLE (retryable) ESET is unavailable");
    }

    private EsetShops.Builder builder() {
        return EsetShops.builder()
                .directory(new ResellerDirectory() {
                    @Override
                    public Optional<ResellerAccount> account(ResellerId reseller) {
                        return Optional.of(ResellerAccount.of("partner-" + reseller.value(), Secret.of("pw")));
                    }

                    @Override
                    public Iterable<ResellerId> resellers() {
                        List<ResellerId> all = new ArrayList<>();
                        for (int i = 0; i < RESELLERS; i++) {
                            all.add(reseller(i));
                        }
                        return all;
                    }
                })
                .catalog(Fixtures.CATALOG)
                .partnerApis(account -> tracked(new FakeEsetApi(clock)))
                .clock(clock)
                .instance("instance-a");
    }

    /** The partner API, counted open from now until it is closed. */
    private EsetPartnerApi tracked(EsetPartnerApi api) {
        EsetPartnerApi proxy = (EsetPartnerApi) Proxy.newProxyInstance(
                EsetPartnerApi.class.getClassLoader(), new Class<?>[] {EsetPartnerApi.class}, (self, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        openApis.remove(self);
                    }
                    try {
                        return method.invoke(api, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        openApis.add(proxy);
        return proxy;
    }

    private static ResellerId reseller(int index) {
        return ResellerId.of("RES-" + index);
    }
}
