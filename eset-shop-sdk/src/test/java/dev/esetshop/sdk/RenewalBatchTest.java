package dev.esetshop.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Money;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.jdbc.TestDatabases;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.FaultyDataSource;
import dev.esetshop.testkit.ForwardingPartnerApi;
import dev.esetshop.testkit.SandboxProduct;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renewing many licenses at once, through the real client against the sandbox, with the journal and the license
 * book in a database: a batch run again with its key, even after a kill half-way, renews every license exactly once.
 */
class RenewalBatchTest {

    private static final Catalog CATALOG = Catalog.fromClasspath("sdk-test-catalog.json");
    private static final LicenseFilter EXPIRING_SOON =
            LicenseFilter.builder().expiringWithinDays(60).build();
    private static final IdempotencyKey BATCH = IdempotencyKey.of("renewals-2026-03");

    private final TestClock clock = TestClock.at(Fixtures.NOW);
    private EsetSandbox sandbox;
    private DataSource database;
    private final List<EsetPartnerClient> clients = new ArrayList<>();

    /** The database the journal and the book live in; PostgreSQL in {@link PostgresRenewalBatchTest}. */
    DataSource newDatabase() {
        return TestDatabases.h2("batch");
    }

    @BeforeEach
    void start() {
        // the sandbox sells the test catalog's products, so the shop's quotes and ESET's rules meet
        sandbox = EsetSandbox.builder()
                .seed(11)
                .licenses(120)
                .clock(clock)
                .products(List.of(
                        product("AV", 5, 100, List.of(1, 3), List.of("SEC", "SUITE")),
                        product("SEC", 5, 100, List.of(1), List.of("SUITE")),
                        product("SUITE", 5, 50, List.of(), List.of()),
                        product("SMALL", 1, 10, List.of(), List.of("SUITE")),
                        product("ONE", 5, 100, List.of(3), List.of())))
                .start();
        database = newDatabase();
    }

    @AfterEach
    void stop() {
        clients.forEach(EsetPartnerClient::close);
        sandbox.close();
    }

    @Test
    void aBatchRunAgainWithItsKeyOrdersEachLicenseOnce() {
        EsetShop shop = shop("shop-a", Function.identity());
        shop.sync();
        List<License> due = shop.renewableLicenses(EXPIRING_SOON);
        assertThat(due).hasSizeGreaterThanOrEqualTo(4);
        Map<LicenseId, LocalDate> expiredBefore = expiries(due);

        RenewalBatch first = shop.renew(due, 1, BATCH);
        // the same licenses as given the first time, and as the book now has them (renewed)
        RenewalBatch again = shop.renew(due, 1, BATCH);
        RenewalBatch reread = shop.renew(
                due.stream().map(l -> shop.license(l.id()).orElseThrow()).toList(), 1, BATCH);

        List<LicenseId> renewable = quotable(first);
        assertThat(renewable).isNotEmpty();
        assertThat(first.ordered()).isEqualTo(renewable.size());
        assertThat(first.pending()).isZero();
        assertThat(again.ordered()).isEqualTo(renewable.size());
        assertThat(reread.ordered()).isEqualTo(renewable.size());
        assertThat(again.total()).isEqualTo(first.total());
        assertOrderedExactlyOnce(renewable, expiredBefore);
    }

    @ParameterizedTest(name = "killed {0} ESET applied the order")
    @ValueSource(booleans = {true, false})
    void aBatchKilledHalfWayAndRunAgainOrdersEachLicenseExactlyOnce(boolean afterEsetApplied) {
        EsetShop first = shop("shop-a", api -> new KillingApi(api, 2, afterEsetApplied));
        first.sync();
        List<License> due = first.renewableLicenses(EXPIRING_SOON);
        Map<LicenseId, LocalDate> expiredBefore = expiries(due);
        List<LicenseId> renewable = quotable(first.quoteRenewals(due, 1));
        assertThat(renewable).hasSizeGreaterThanOrEqualTo(4);

        assertThatThrownBy(() -> first.renew(due, 1, BATCH)).isInstanceOf(Killed.class);
        assertThat(sandbox.ordersApplied()).isEqualTo(afterEsetApplied ? 3 : 2);

        // a new process on the same database, once the dead one's claim has lapsed, runs the same batch again
        clock.advance(Duration.ofMinutes(5));
        EsetShop restarted = shop("shop-b", Function.identity());
        RenewalBatch retried = restarted.renew(restarted.renewableLicenses(EXPIRING_SOON), 1, BATCH);

        // the two renewed before the kill left the selection; the one killed in flight is settled under its key
        assertThat(retried.renewals()).hasSize(due.size() - 2);
        assertThat(retried.pending()).isZero();
        assertThat(retried.ordered()).isEqualTo(renewable.size() - 2);
        assertOrderedExactlyOnce(renewable, expiredBefore);
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .pending())
                .isEmpty();
        assertThat(restarted.reconcile().confirmed()).isZero();
        assertThat(sandbox.ordersApplied()).isEqualTo(renewable.size());
    }

    @Test
    void aBatchWhoseJournalStoppedHalfWayAndRunAgainOrdersEachLicenseExactlyOnce() {
        FaultyDataSource faulty = FaultyDataSource.around(database);
        EsetShop first = EsetShop.builder()
                .catalog(CATALOG)
                .partnerApi(new JournalStoppingApi(client(), faulty, 3))
                .clock(clock)
                .owner("shop-a")
                .orderJournal(JdbcOrderJournal.create(faulty, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .build();
        first.sync();
        List<License> due = first.renewableLicenses(EXPIRING_SOON);
        Map<LicenseId, LocalDate> expiredBefore = expiries(due);
        List<LicenseId> renewable = quotable(first.quoteRenewals(due, 1));
        assertThat(renewable).hasSizeGreaterThanOrEqualTo(4);

        // the third renewal reaches ESET, then the database stops: it ends pending, the fourth cannot be journaled
        assertThatThrownBy(() -> first.renew(due, 1, BATCH)).isInstanceOf(StorageException.class);
        assertThat(sandbox.ordersApplied()).isEqualTo(3);

        faulty.heal();
        clock.advance(Duration.ofMinutes(5));
        EsetShop restarted = shop("shop-b", Function.identity());
        RenewalBatch retried = restarted.renew(restarted.renewableLicenses(EXPIRING_SOON), 1, BATCH);

        assertThat(retried.pending()).isZero();
        assertThat(retried.ordered()).isEqualTo(renewable.size() - 2);
        assertOrderedExactlyOnce(renewable, expiredBefore);
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .pending())
                .isEmpty();
    }

    @Test
    void aDryRunQuotesEveryLicenseAndOrdersNothing() {
        EsetShop shop = shop("shop-a", Function.identity());
        shop.sync();
        List<License> due = shop.renewableLicenses(EXPIRING_SOON);

        RenewalBatch quoted = shop.quoteRenewals(due, 1);

        assertThat(quoted.renewals())
                .extracting(r -> r.license().id())
                .containsExactlyElementsOf(due.stream().map(License::id).toList());
        assertThat(quoted.batchKey()).isEmpty();
        assertThat(quoted.ordered()).isZero();
        assertThat(quoted.pending()).isZero();
        assertThat(quoted.renewals()).allMatch(r -> r.order().isEmpty());
        Money sum = quoted.renewals().stream()
                .flatMap(r -> r.accepted().stream())
                .map(q -> q.yourPrice())
                .reduce(Money.zero(CATALOG.currency()), Money::plus);
        assertThat(quoted.total()).isEqualTo(sum);
        assertThat(quoted.total().isZero()).isFalse();
        assertThat(sandbox.ordersApplied()).isZero();
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .latest(100))
                .isEmpty();
    }

    @Test
    void aLicenseThatCannotBeRenewedGetsItsViolationsAndNoOrderWhileTheOthersAreOrdered() {
        EsetShop shop = shop("shop-a", Function.identity());
        shop.sync();
        License trial = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER)
                .query(LicenseQuery.builder().includeTrials(true).build())
                .stream()
                .filter(License::trial)
                .findFirst()
                .orElseThrow();
        License running = shop.renewableLicenses(EXPIRING_SOON).get(0);

        RenewalBatch batch = shop.renew(List.of(trial, running, trial), 1, BATCH);

        assertThat(batch.renewals()).hasSize(2);
        RenewalBatch.Renewal refused = batch.renewals().get(0);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.order()).isEmpty();
        assertThat(refused.violations()).isNotEmpty();
        assertThat(batch.renewals().get(1).order()).containsInstanceOf(OrderResult.Ordered.class);
        assertThat(batch.refused()).isEqualTo(1);
        assertThat(batch.ordered()).isEqualTo(1);
        assertThat(batch.total())
                .isEqualTo(batch.renewals().get(1).accepted().orElseThrow().yourPrice());
        assertThat(sandbox.ordersByIdempotencyKey())
                .containsOnlyKeys(RenewalBatch.orderKey(BATCH, running.id()).value());
    }

    @Test
    void theSameBatchKeyForOtherYearsIsRefusedAndOrdersNothingMore() {
        EsetShop shop = shop("shop-a", Function.identity());
        shop.sync();
        License running = shop.renewableLicenses(EXPIRING_SOON).get(0);
        shop.renew(List.of(running), 1, BATCH);

        RenewalBatch other = shop.renew(List.of(running), 2, BATCH);

        assertThat(other.refused()).isEqualTo(1);
        OrderResult.Refused refused =
                (OrderResult.Refused) other.renewals().get(0).order().orElseThrow();
        assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.SHOP);
        assertThat(refused.errorCode()).contains(IdempotencyConflictException.CODE);
        assertThat(refused.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.INVALID_REQUEST);
        assertThat(other.total().isZero()).isTrue();
        assertThat(sandbox.ordersApplied()).isEqualTo(1);
        assertThat(sandbox.licenses().stream()
                        .filter(l -> l.id().equals(running.id()))
                        .findFirst()
                        .orElseThrow()
                        .expires())
                .isEqualTo(running.expires().plusYears(1));
    }

    @ParameterizedTest(name = "{0} years")
    @ValueSource(ints = {-1, 0, 4})
    void yearsOutsideOneToThreeAreEachLicensesViolationAndOrderNothing(int years) {
        EsetShop shop = shop("shop-a", Function.identity());
        shop.sync();
        List<License> due = shop.renewableLicenses(EXPIRING_SOON);

        RenewalBatch batch = shop.renew(due, years, BATCH);

        assertThat(batch.renewals()).hasSize(due.size()).allSatisfy(renewal -> {
            assertThat(renewal.refused()).isTrue();
            assertThat(renewal.violations()).isNotEmpty();
            assertThat(renewal.order()).isEmpty();
        });
        assertThat(batch.refused()).isEqualTo(due.size());
        assertThat(batch.total().isZero()).isTrue();
        assertThat(sandbox.ordersApplied()).isZero();
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .latest(100))
                .isEmpty();
    }

    @Test
    void eachLicenseOfABatchHasItsOwnKeyAndNoTwoBatchesShareOne() {
        LicenseId one = LicenseId.of("3AB-7KQ-XD2");
        LicenseId two = LicenseId.of("3AB-7KQ-XD3");
        IdempotencyKey other = IdempotencyKey.of("renewals-2026-04");

        assertThat(RenewalBatch.orderKey(BATCH, one)).isEqualTo(RenewalBatch.orderKey(BATCH, one));
        assertThat(Set.of(
                        RenewalBatch.orderKey(BATCH, one),
                        RenewalBatch.orderKey(BATCH, two),
                        RenewalBatch.orderKey(other, one),
                        RenewalBatch.orderKey(other, two)))
                .hasSize(4);
        assertThat(RenewalBatch.orderKey(BATCH, one).value()).hasSizeLessThanOrEqualTo(IdempotencyKey.MAX_LENGTH);
    }

    /** Each license renewed by exactly one year at ESET, by exactly one order under its batch-derived key. */
    private void assertOrderedExactlyOnce(List<LicenseId> renewable, Map<LicenseId, LocalDate> expiredBefore) {
        Map<LicenseId, LocalDate> now = expiries(sandbox.licenses());
        renewable.forEach(id -> assertThat(now.get(id))
                .as(id.value())
                .isEqualTo(expiredBefore.get(id).plusYears(1)));
        Map<String, LicenseId> orders = sandbox.ordersByIdempotencyKey();
        assertThat(orders).hasSize(renewable.size());
        renewable.forEach(id -> assertThat(orders)
                .containsEntry(RenewalBatch.orderKey(BATCH, id).value(), id));
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .latest(JournalEntry.State.CONFIRMED, 1000))
                .hasSize(renewable.size());
    }

    private static List<LicenseId> quotable(RenewalBatch batch) {
        return batch.renewals().stream()
                .filter(r -> r.quote().isAccepted())
                .map(r -> r.license().id())
                .toList();
    }

    private static Map<LicenseId, LocalDate> expiries(List<License> licenses) {
        return licenses.stream().collect(Collectors.toMap(License::id, License::expires));
    }

    private EsetShop shop(String owner, Function<EsetPartnerApi, EsetPartnerApi> wrap) {
        return EsetShop.builder()
                .catalog(CATALOG)
                .partnerApi(wrap.apply(client()))
                .clock(clock)
                .owner(owner)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .build();
    }

    private EsetPartnerClient client() {
        EsetPartnerClient client = EsetPartnerClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(sandbox.username(), sandbox.password())
                .retry(RetrySettings.builder().maxAttempts(1).build())
                .build();
        clients.add(client);
        return client;
    }

    private static SandboxProduct product(String code, int min, int max, List<Integer> trials, List<String> to) {
        return SandboxProduct.builder()
                .code(code)
                .name("Test " + code)
                .minSeats(min)
                .maxSeats(max)
                .trialMonths(trials)
                .changeTo(to)
                .build();
    }

    /** The process dies at the renewal after {@code survive} of them, before or after ESET applied it. */
    static final class KillingApi extends ForwardingPartnerApi {
        private final int survive;
        private final boolean afterEsetApplied;
        private int renewals;

        KillingApi(EsetPartnerApi delegate, int survive, boolean afterEsetApplied) {
            super(delegate);
            this.survive = survive;
            this.afterEsetApplied = afterEsetApplied;
        }

        @Override
        public OrderReceipt renew(RenewalOrder order, IdempotencyKey key) {
            if (renewals++ < survive) {
                return super.renew(order, key);
            }
            if (afterEsetApplied) {
                super.renew(order, key);
            }
            throw new Killed();
        }
    }

    /** The database under the journal stops right after ESET applied the {@code stopAt}th renewal. */
    static final class JournalStoppingApi extends ForwardingPartnerApi {
        private final FaultyDataSource journal;
        private final int stopAt;
        private int renewals;

        JournalStoppingApi(EsetPartnerApi delegate, FaultyDataSource journal, int stopAt) {
            super(delegate);
            this.journal = journal;
            this.stopAt = stopAt;
        }

        @Override
        public OrderReceipt renew(RenewalOrder order, IdempotencyKey key) {
            OrderReceipt receipt = super.renew(order, key);
            if (++renewals == stopAt) {
                journal.failCommits(true);
                journal.failRandomly(1.0, 7);
            }
            return receipt;
        }
    }

    /** The process was killed: nothing after it runs, nothing catches it. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("process killed half-way through the batch");
        }
    }
}
