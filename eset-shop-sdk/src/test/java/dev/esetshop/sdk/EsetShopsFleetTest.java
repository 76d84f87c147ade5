package dev.esetshop.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.core.error.UnauthorizedException;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.jdbc.TestDatabases;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.jdbc.internal.JdbcFleetLeases;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.TestClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry of many resellers on one database, against one sandbox hosting several ESET partners. */
class EsetShopsFleetTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final Duration DAILY = Duration.ofHours(24);
    private static final int PARTNERS = 6;
    private static final int LICENSES = 30;

    private final TestClock clock = TestClock.at(T0);
    private final List<EsetShops> registries = new ArrayList<>();
    private EsetSandbox sandbox;
    private DataSource database;

    /** A fresh database: H2 here, PostgreSQL in the subclass. */
    DataSource newDatabase() {
        return TestDatabases.h2("fleet");
    }

    /** The URL of a fresh database, for pools of the test's own size. */
    String newDatabaseUrl() {
        return "jdbc:h2:mem:fleet-one-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A pool of one connection that gives up waiting for it after two seconds. */
    static HikariDataSource poolOfOne(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(1);
        pool.setConnectionTimeout(Duration.ofSeconds(2).toMillis());
        return pool;
    }

    /**
     * A pool of one connection: the start that would create the tables is refused saying how many connections it
     * needs (Flyway holds two); on a current database the schema check, a round of syncs (three resellers at once)
     * and a reconcile each need one connection at a time, and an instance works on it.
     */
    @Test
    void anInstanceOnAPoolOfOneConnectionIsRefusedAMigrationSayingWhyAndWorksOnACurrentDatabase() {
        String url = newDatabaseUrl();
        try (HikariDataSource one = poolOfOne(url)) {
            assertThatThrownBy(
                            () -> registry(directory(PARTNERS), one, "refused").start())
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("needs 2 connections at once");
            try (HikariDataSource two = (HikariDataSource) JdbcStorage.url(url)) {
                JdbcStorage.migrate(two, JdbcStorage.DEFAULT_RESELLER);
            }
            EsetShops shops = registry(directory(PARTNERS), one, "one");

            FleetSyncReport round = shops.syncAll(DAILY);
            JdbcOrderJournal.create(one, reseller(0))
                    .recordPending(JournalEntry.builder()
                            .key(IdempotencyKey.of("open-0"))
                            .operation(Operation.NEW)
                            .payload("{}")
                            .state(JournalEntry.State.PENDING)
                            .createdAt(T0)
                            .updatedAt(T0)
                            .build());
            FleetReconcileReport reconciled = shops.reconcileAll();

            assertThat(round.failed()).isEmpty();
            assertThat(round.synced()).isEqualTo(PARTNERS);
            assertThat(reconciled.failed()).isEmpty();
            assertThat(reconciled.reconciled()).containsOnlyKeys(reseller(0));
            shops.close();
        }
    }

    @BeforeEach
    void start() {
        sandbox = EsetSandbox.builder()
                .seed(11)
                .partners(PARTNERS)
                .licenses(LICENSES)
                .clock(clock)
                .start();
        database = newDatabase();
    }

    @AfterEach
    void stop() {
        registries.forEach(EsetShops::close);
        sandbox.close();
    }

    @Test
    void buildingTouchesNeitherTheDatabaseNorEset() {
        EsetShops shops = registry(directory(PARTNERS), JdbcStorage.url("jdbc:nosuchdriver:anywhere"), "a");

        assertThat(sandbox.requestsReceived()).isZero();
        assertThatThrownBy(shops::start).isInstanceOf(StorageException.class);
    }

    @Test
    void aRoundSyncsEveryResellerIntoItsOwnRowsAndReportsTheOnesEsetRefuses() {
        Map<ResellerId, ResellerAccount> accounts = directory(PARTNERS);
        accounts.put(ResellerId.of("WRONG-PW"), ResellerAccount.of(sandbox.username(1), Secret.of("wrong")));
        sandbox.setAccessGranted(2, false);
        EsetShops shops = registry(accounts, database, "a");

        FleetSyncReport round = shops.syncAll(DAILY);

        assertThat(round.resellers()).isEqualTo(PARTNERS + 1);
        assertThat(round.synced()).isEqualTo(PARTNERS - 1);
        assertThat(round.licenses()).isEqualTo((long) (PARTNERS - 1) * LICENSES);
        assertThat(round.failed())
                .extracting(ResellerFailure::reseller, ResellerFailure::code, ResellerFailure::retryable)
                .containsExactly(
                        tuple(reseller(2), AccessNotGrantedException.CODE, false),
                        tuple(ResellerId.of("WRONG-PW"), UnauthorizedException.CODE, false));
        assertThat(round.failed())
                .allSatisfy(failure -> assertThat(failure.message()).isNotBlank());
        for (int i = 0; i < PARTNERS; i++) {
            if (i != 2) {
                assertThat(JdbcLicenseStore.create(database, reseller(i)).count())
                        .isEqualTo(sandbox.licenseCount(i));
                assertThat(shops.shop(reseller(i))
                                .license(sandbox.licenses(i).get(0).id()))
                        .isPresent();
            }
        }

        FleetSyncReport again = shops.syncAll(DAILY);

        assertThat(again.synced()).isZero();
        assertThat(again.fresh()).isEqualTo(PARTNERS - 1);
        clock.advance(DAILY.plusMinutes(1));
        assertThat(shops.syncAll(DAILY).synced()).isEqualTo(PARTNERS - 1);
    }

    @Test
    void twoInstancesSyncingAtOnceSyncEveryResellerOnceBetweenThem() throws Exception {
        EsetShops first = registry(directory(PARTNERS), database, "first");
        EsetShops second = registry(directory(PARTNERS), database, "second");
        first.start();
        second.start();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<FleetSyncReport> a = instances.submit(() -> {
                go.await();
                return first.syncAll(DAILY);
            });
            Future<FleetSyncReport> b = instances.submit(() -> {
                go.await();
                return second.syncAll(DAILY);
            });
            go.countDown();
            FleetSyncReport ra = a.get(60, TimeUnit.SECONDS);
            FleetSyncReport rb = b.get(60, TimeUnit.SECONDS);

            assertThat(ra.failed()).isEmpty();
            assertThat(rb.failed()).isEmpty();
            assertThat(ra.synced() + rb.synced()).isEqualTo(PARTNERS);
            assertThat(ra.licenses() + rb.licenses()).isEqualTo((long) PARTNERS * LICENSES);
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void aResellerHeldByAStoppedInstanceIsTakenOverWhenTheLeaseLapsesAndResumedFromItsCursor() {
        JdbcStorage.migrate(database, JdbcStorage.DEFAULT_RESELLER);
        JdbcFleetLeases leases = new JdbcFleetLeases(new Db(database, Db.DEFAULT_QUERY_TIMEOUT));
        assertThat(leases.claim(reseller(0), "stopped", T0, EsetShops.DEFAULT_SYNC_LEASE))
                .isTrue();
        EsetShops shops = registry(directory(PARTNERS), database, "survivor");

        FleetSyncReport held = shops.syncAll(DAILY);

        assertThat(held.synced()).isEqualTo(PARTNERS - 1);
        assertThat(held.fresh()).isEqualTo(1);
        assertThat(leases.claim(reseller(0), "other", T0, EsetShops.DEFAULT_SYNC_LEASE))
                .isFalse();
        clock.advance(EsetShops.DEFAULT_SYNC_LEASE.plusSeconds(1));

        FleetSyncReport takenOver = shops.syncAll(DAILY);

        assertThat(takenOver.synced()).isEqualTo(1);
        assertThat(takenOver.licenses()).isEqualTo(LICENSES);
        assertThat(JdbcLicenseStore.create(database, reseller(0)).count()).isEqualTo(sandbox.licenseCount(0));
    }

    /** A sync lease lapses exactly as the journal's claims do: live before its end, free from its end on. */
    @Test
    void aSyncLeaseIsLiveUntilItsEndAndFreeFromItsEndOn() {
        JdbcStorage.migrate(database, JdbcStorage.DEFAULT_RESELLER);
        JdbcFleetLeases leases = new JdbcFleetLeases(new Db(database, Db.DEFAULT_QUERY_TIMEOUT));
        Duration lease = EsetShops.DEFAULT_SYNC_LEASE;
        assertThat(leases.claim(reseller(0), "first", T0, lease)).isTrue();

        assertThat(leases.claim(reseller(0), "second", T0.plus(lease).minus(Duration.ofNanos(1_000)), lease))
                .as("a microsecond before the lease ends")
                .isFalse();
        assertThat(leases.claim(reseller(0), "second", T0.plus(lease), lease))
                .as("at its end")
                .isTrue();
        assertThat(leases.renew(reseller(0), "first", T0.plus(lease), lease))
                .as("the first lost it")
                .isFalse();
    }

    /** An instance whose clock runs ten minutes ahead finds a sync lease live on the database's clock still held. */
    @Test
    void anInstanceWhoseClockRunsAheadNeverTakesOverASyncLeaseLiveOnTheDatabasesClock() {
        JdbcStorage.migrate(database, JdbcStorage.DEFAULT_RESELLER);
        JdbcFleetLeases leases = new JdbcFleetLeases(new Db(database, Db.DEFAULT_QUERY_TIMEOUT));
        Duration lease = EsetShops.DEFAULT_SYNC_LEASE;
        Instant now = TestDatabases.databaseNow(database);
        assertThat(leases.claim(reseller(0), "on-time", now, lease)).isTrue();

        assertThat(leases.claim(reseller(0), "ahead", now.plus(lease).plus(Duration.ofMinutes(10)), lease))
                .isFalse();
        assertThat(leases.renew(reseller(0), "on-time", now, lease))
                .as("still the first instance's")
                .isTrue();
    }

    @Test
    void resellersShareOneHttpClientAndClosingOneClientLeavesTheOthersWorking() {
        HttpClient shared = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        EsetPartnerClient one = EsetPartnerClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(sandbox.username(0), sandbox.password(0))
                .httpClient(shared)
                .build();
        EsetPartnerClient two = EsetPartnerClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(sandbox.username(1), sandbox.password(1))
                .httpClient(shared)
                .build();

        assertThat(one.partnerStatus().partnerId())
                .isNotEqualTo(two.partnerStatus().partnerId());
        one.close();

        assertThat(two.partnerStatus().partnerId()).isEqualTo("ESET-P-104234");
        two.close();
    }

    @Test
    void aBookAnotherInstanceSyncedAfterTheRoundBeganIsNotSyncedAgainInThatRound() {
        Map<ResellerId, ResellerAccount> accounts = directory(PARTNERS);
        EsetShops other = registry(accounts, database, "other");
        List<FleetSyncReport> othersRound = new ArrayList<>();
        // while "slow" holds its first reseller, "other" syncs the rest a minute later, and "slow" goes on later still
        EsetShops slow = registry(
                accounts,
                database,
                "slow",
                builder -> builder.syncConcurrency(1).onSynced((reseller, report) -> {
                    if (othersRound.isEmpty()) {
                        clock.advance(Duration.ofMinutes(1));
                        othersRound.add(other.syncAll(Duration.ofSeconds(30)));
                        clock.advance(Duration.ofMinutes(1));
                    }
                }));

        FleetSyncReport slowRound = slow.syncAll(Duration.ofSeconds(30));

        assertThat(othersRound.get(0).synced()).isEqualTo(PARTNERS - 1);
        assertThat(slowRound.synced()).isEqualTo(1);
        assertThat(slowRound.fresh()).isEqualTo(PARTNERS - 1);
    }

    @Test
    void reconcileAllFindsNothingToDoOnAQuietDatabase() {
        EsetShops shops = registry(directory(PARTNERS), database, "a");

        FleetReconcileReport report = shops.reconcileAll();

        assertThat(report.reconciled()).isEmpty();
        assertThat(report.failed()).isEmpty();
    }

    /**
     * While an instance syncs a book of three pages, its lease lapses and another instance takes it over: the first
     * stops after the page it stored (it asks ESET for no second page), and the book's cursor stays where it stopped,
     * for the new holder to go on from.
     */
    @Test
    void aSyncThatLostItsLeaseStopsAfterThePageItStored() {
        JdbcStorage.migrate(database, JdbcStorage.DEFAULT_RESELLER);
        JdbcFleetLeases leases = new JdbcFleetLeases(new Db(database, Db.DEFAULT_QUERY_TIMEOUT));
        FakeEsetApi eset = new FakeEsetApi(clock);
        for (int i = 0; i < 250; i++) {
            eset.put(Fixtures.license(String.format("LIC-%03d", i), "AV", 5, Fixtures.TODAY.plusYears(1), false, T0));
        }
        Map<ResellerId, ResellerAccount> one = Map.of(reseller(0), directory(1).get(reseller(0)));
        EsetShops slow = registry(
                one,
                database,
                "slow",
                builder -> builder.partnerApis(account -> eset).syncLease(Duration.ofMinutes(2)));
        eset.whileSearching = () -> {
            // the slow instance's lease lapses during its first page, and another instance takes the reseller
            clock.advance(Duration.ofMinutes(3));
            assertThat(leases.claim(reseller(0), "other", clock.instant(), Duration.ofMinutes(2)))
                    .isTrue();
        };

        FleetSyncReport report = slow.syncAll(DAILY);

        assertThat(eset.searchSkips).containsExactly(0);
        assertThat(report.synced()).isZero();
        assertThat(report.failed()).isEmpty();
        assertThat(JdbcLicenseStore.create(database, reseller(0)).count()).isEqualTo(100);
        assertThat(JdbcLicenseStore.create(database, reseller(0))
                        .cursor()
                        .orElseThrow()
                        .nextSkip())
                .isEqualTo(100);
        assertThat(leases.renew(reseller(0), "other", clock.instant(), Duration.ofMinutes(2)))
                .as("still other's")
                .isTrue();
    }

    /**
     * The host's vault throws for one reseller with open orders (an unchecked exception of its own): that reseller is
     * in the report's failures as unexpected, named by the exception's class only, and the others are reconciled.
     */
    @Test
    void aResellerWhoseVaultThrowsIsReportedAsFailedAndTheOthersAreReconciled() {
        Map<ResellerId, ResellerAccount> accounts = directory(PARTNERS);
        for (int i = 0; i < 3; i++) {
            JdbcOrderJournal.create(database, reseller(i))
                    .recordPending(JournalEntry.builder()
                            .key(IdempotencyKey.of("open-" + i))
                            .operation(Operation.NEW)
                            .payload("{}")
                            .state(JournalEntry.State.PENDING)
                            .createdAt(T0)
                            .updatedAt(T0)
                            .build());
        }
        EsetShops shops = registry(
                accounts,
                database,
                "a",
                builder -> builder.directory(new ResellerDirectory() {
                    @Override
                    public Optional<ResellerAccount> account(ResellerId reseller) {
                        if (reseller.equals(reseller(1))) {
                            throw new IllegalStateException("vault sealed; token s3cr3t-token");
                        }
                        return Optional.ofNullable(accounts.get(reseller));
                    }

                    @Override
                    public Iterable<ResellerId> resellers() {
                        return accounts.keySet();
                    }
                }));

        FleetReconcileReport report = shops.reconcileAll();

        assertThat(report.failed())
                .extracting(ResellerFailure::reseller, ResellerFailure::code, ResellerFailure::retryable)
                .containsExactly(tuple(reseller(1), ResellerFailure.UNEXPECTED, false));
        assertThat(report.failed().get(0).message())
                .isEqualTo("unexpected IllegalStateException")
                .doesNotContain("s3cr3t");
        assertThat(report.reconciled()).containsOnlyKeys(reseller(0), reseller(2));
    }

    private EsetShops registry(Map<ResellerId, ResellerAccount> accounts, DataSource storage, String instance) {
        return registry(accounts, storage, instance, UnaryOperator.identity());
    }

    private EsetShops registry(
            Map<ResellerId, ResellerAccount> accounts,
            DataSource storage,
            String instance,
            UnaryOperator<EsetShops.Builder> settings) {
        EsetShops.Builder builder = EsetShops.builder()
                .directory(new ResellerDirectory() {
                    @Override
                    public Optional<ResellerAccount> account(ResellerId reseller) {
                        return Optional.ofNullable(accounts.get(reseller));
                    }

                    @Override
                    public Iterable<ResellerId> resellers() {
                        return accounts.keySet();
                    }
                })
                .catalog(Catalog.fromClasspath("sdk-test-catalog.json"))
                .baseUri(sandbox.baseUri())
                .client(client ->
                        client.retry(RetrySettings.builder().maxAttempts(1).build()))
                .clock(clock)
                .dataSource(storage)
                .instance(instance)
                .syncConcurrency(3);
        EsetShops shops = settings.apply(builder).build();
        registries.add(shops);
        return shops;
    }

    private Map<ResellerId, ResellerAccount> directory(int partners) {
        Map<ResellerId, ResellerAccount> accounts = new LinkedHashMap<>();
        for (int i = 0; i < partners; i++) {
            accounts.put(reseller(i), ResellerAccount.of(sandbox.username(i), sandbox.password(i)));
        }
        return accounts;
    }

    private static ResellerId reseller(int index) {
        return ResellerId.of("RES-" + index);
    }
}
