package dev.esetshop.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.TestClock;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 §3.7: the registry's journals on a pool of their own ({@link EsetShops.Builder#journalDataSource}), while
 * the license books stay on {@link EsetShops.Builder#dataSource}. On H2 here, on PostgreSQL in the subclass.
 */
class EsetShopsJournalPoolTest {

    private static final ResellerId RESELLER = ResellerId.of("RES-1");

    private final TestClock clock = TestClock.at(Fixtures.NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final java.util.ArrayList<AutoCloseable> opened = new java.util.ArrayList<>();

    /** The URL of a fresh, empty database: H2 here, a fresh PostgreSQL schema in the subclass. */
    String newDatabaseUrl() {
        return "jdbc:h2:mem:journal-pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /**
     * The license pool's only connection is taken (a long report, a fleet sync): an order is still journalled, sent
     * and confirmed on the journals' pool, and its answer is Ordered; only storing its license in the book waits
     * and gives up (the next sync brings it). Without a pool of their own the journal would wait for the license
     * pool too, and the order would fail before it was sent.
     */
    @Test
    void anOrderIsJournalledAndConfirmedWhileTheLicensePoolIsExhausted() throws Exception {
        String url = newDatabaseUrl();
        // a pool of one cannot create the tables (it is refused saying so): they are there already
        JdbcStorage.migrate(pool(url, 2), JdbcStorage.DEFAULT_RESELLER);
        HikariDataSource licenses = pool(url, 1);
        EsetShops shops = registry(licenses, Optional.of(pool(url, 4)));
        EsetShop shop = shops.start().shop(RESELLER);
        OrderRequest purchase = purchase(shop, "cart-1");

        OrderResult result;
        try (Connection busy = licenses.getConnection()) {
            assertThat(busy.isValid(1))
                    .as("the license pool's only connection, taken")
                    .isTrue();
            result = shop.order(purchase);
        }

        assertThat(result).as(result.toString()).isInstanceOf(OrderResult.Ordered.class);
        assertThat(journal(url).find(IdempotencyKey.of("cart-1")).orElseThrow().state())
                .isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(shops.openOrders().pending()).isZero();
    }

    /**
     * A pool of one connection for the journals on a new database: the registry starts (the license pool creates the
     * tables), places an order, answers it again from the journal and reconciles, one connection at a time.
     */
    @Test
    void aJournalPoolOfOneConnectionServesOrdersAndReconcilesOnANewDatabase() throws Exception {
        String url = newDatabaseUrl();
        EsetShops shops = registry(pool(url, 4), Optional.of(pool(url, 1)));
        EsetShop shop = shops.start().shop(RESELLER);

        OrderResult first = shop.order(purchase(shop, "cart-1"));
        OrderResult again = shop.order(purchase(shop, "cart-1"));
        FleetReconcileReport reconciled = shops.reconcileAll();

        assertThat(first).as(first.toString()).isInstanceOf(OrderResult.Ordered.class);
        assertThat(((OrderResult.Ordered) again).orderNumber()).isEqualTo(((OrderResult.Ordered) first).orderNumber());
        assertThat(eset.licenseCount()).isOne();
        assertThat(reconciled.failed()).isEmpty();
        assertThat(journal(url).find(IdempotencyKey.of("cart-1")).orElseThrow().state())
                .isEqualTo(JournalEntry.State.CONFIRMED);
    }

    /**
     * A journal pool of one connection on a database whose tables nobody created yet (the license books are
     * elsewhere): the start is refused saying how many connections creating them needs.
     */
    @Test
    void aJournalPoolOfOneOnADatabaseWithoutTablesIsRefusedAtStartSayingHowManyConnectionsAreNeeded() {
        EsetShops shops = registry(pool(newDatabaseUrl(), 4), Optional.of(pool(newDatabaseUrl(), 1)));

        assertThatThrownBy(shops::start)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("needs 2 connections at once");
    }

    @Test
    void aJournalPoolWithoutADataSourceIsRefusedAtBuild() {
        // the pool outside the lambda: without a test server its URL skips the test instead of being the exception
        DataSource journals = pool(newDatabaseUrl(), 1);
        assertThatThrownBy(() -> builder().journalDataSource(journals).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataSource(DataSource)");
    }

    private EsetShops registry(DataSource licenses, Optional<DataSource> journals) {
        EsetShops.Builder builder = builder().dataSource(licenses);
        journals.ifPresent(builder::journalDataSource);
        EsetShops shops = builder.build();
        opened.add(shops);
        return shops;
    }

    private EsetShops.Builder builder() {
        return EsetShops.builder()
                .directory(new ResellerDirectory() {
                    @Override
                    public Optional<ResellerAccount> account(ResellerId reseller) {
                        return Optional.of(ResellerAccount.of("partner", Secret.of("pw")));
                    }

                    @Override
                    public Iterable<ResellerId> resellers() {
                        return List.of(RESELLER);
                    }
                })
                .catalog(Fixtures.CATALOG)
                .partnerApis(account -> eset)
                .clock(clock)
                .instance("instance-a");
    }

    /** A pool of at most {@code size} connections that gives up waiting for one after a quarter of a second. */
    private HikariDataSource pool(String url, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(size);
        pool.setConnectionTimeout(Duration.ofMillis(250).toMillis());
        opened.add(pool);
        return pool;
    }

    private JdbcOrderJournal journal(String url) {
        return JdbcOrderJournal.create(pool(url, 2), RESELLER);
    }

    private static OrderRequest purchase(EsetShop shop, String key) {
        QuoteResult quoted = shop.quote(
                NewLicenseRequest.builder().product("AV").seats(6).years(1).build());
        return OrderRequest.forNewLicense(((QuoteResult.Accepted) quoted).quote(), Fixtures.eula(), Fixtures.customer())
                .withIdempotencyKey(IdempotencyKey.of(key));
    }
}
