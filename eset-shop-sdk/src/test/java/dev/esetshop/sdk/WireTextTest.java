package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static dev.esetshop.sdk.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.OrderReceipt;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.jdbc.TestDatabases;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.report.LicenseReport;
import dev.esetshop.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 §2: what the license book, ESET's wire and the screen can hold. On H2 here, on PostgreSQL (which refuses a
 * NUL in text outright) in {@link PostgresWireTextTest}.
 */
class WireTextTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    final TestClock clock = TestClock.at(NOW);
    final FakeEsetApi eset = new FakeEsetApi(clock);
    DataSource database;
    JdbcOrderJournal journal;
    JdbcLicenseStore book;

    /** A fresh, empty database for one test: H2 here, PostgreSQL in the subclass. */
    DataSource newDatabase() {
        return TestDatabases.h2("wire-text");
    }

    @BeforeEach
    void start() {
        database = newDatabase();
        journal = JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
        book = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
    }

    EsetShop shop() {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .licenseStore(book)
                .owner("shop-a")
                .claimLease(LEASE)
                .idempotencyKeys(Fixtures.keys("a"))
                .build();
    }

    static Quote quote(EsetShop shop) {
        return ((QuoteResult.Accepted) shop.quote(NewLicenseRequest.builder()
                        .product("AV")
                        .seats(6)
                        .years(1)
                        .build()))
                .quote();
    }

    static OrderRequest purchase(Quote quote, EndCustomer customer, String key) {
        return OrderRequest.forNewLicense(quote, Fixtures.eula(), customer).withIdempotencyKey(IdempotencyKey.of(key));
    }

    @Test
    void item1EndCustomerTextTheBookOrTheWireCannotKeepIsRefusedBeforeAnythingIsJournalled() {
        EndCustomer good = Fixtures.customer();
        Map<String, EndCustomer> bad = Map.of(
                "customer.organization",
                        EndCustomer.builder()
                                .from(good)
                                .organization("O".repeat(1001))
                                .build(),
                "customer.firstName",
                        EndCustomer.builder().from(good).firstName("An\u0000na").build(),
                "customer.lastName",
                        EndCustomer.builder()
                                .from(good)
                                .lastName("Mus\uD800ter")
                                .build(),
                "customer.email",
                        EndCustomer.builder()
                                .from(good)
                                .email("anna@muster.example\r\nBcc: x@y.example")
                                .build(),
                "customer.country",
                        EndCustomer.builder().from(good).country("D".repeat(65)).build(),
                "customer.vatId",
                        EndCustomer.builder().from(good).vatId("DE\u001b[2J123").build());
        EsetShop shop = shop();
        Quote quote = quote(shop);
        int n = 0;
        for (Map.Entry<String, EndCustomer> customer : bad.entrySet()) {
            String key = "bad-" + n++;

            OrderResult result = shop.order(purchase(quote, customer.getValue(), key));

            assertThat(result).as(customer.getKey()).isInstanceOfSatisfying(OrderResult.Refused.class, refused -> {
                assertThat(refused.violations())
                        .extracting(Violation::code, Violation::field)
                        .contains(org.assertj.core.groups.Tuple.tuple(
                                ViolationCode.END_CUSTOMER_INVALID, customer.getKey()));
                for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH)) {
                    assertThat(refused.violations())
                            .allSatisfy(v -> assertThat(v.message(locale))
                                    .doesNotContainPattern("\\{\\d}")
                                    .isNotBlank());
                }
            });
            assertThat(journal.find(IdempotencyKey.of(key)))
                    .as(customer.getKey())
                    .isEmpty();
        }
        assertThat(journal.pending()).isEmpty();
        assertThat(eset.orderCalls).hasValue(0);

        // text at the limits and with a pair of surrogates (an emoji) is kept as sent
        EndCustomer atTheLimits = EndCustomer.builder()
                .from(good)
                .organization("O".repeat(998) + "\uD83D\uDE00")
                .country("D".repeat(64))
                .vatId("V".repeat(128))
                .build();
        assertThat(shop.order(purchase(quote, atTheLimits, "ok-1")))
                .isInstanceOfSatisfying(
                        OrderResult.Ordered.class,
                        ordered -> assertThat(book.find(ordered.license().id()))
                                .hasValueSatisfying(
                                        stored -> assertThat(stored.customer()).isEqualTo(atTheLimits)));
    }

    @Test
    void item1ALicenseOfAReceiptIsStoredCleanedInTheBookAndTheJournal() {
        eset.receipts = receipt -> OrderReceipt.of(
                receipt.orderNumber(),
                License.builder()
                        .from(receipt.license())
                        .productName("ESET\u0000 AV\uDC00")
                        .build());
        EsetShop shop = shop();

        OrderResult result = shop.order(purchase(quote(shop), Fixtures.customer(), "cart-1"));

        assertThat(result).isInstanceOfSatisfying(OrderResult.Ordered.class, ordered -> {
            assertThat(ordered.license().productName()).isEqualTo("ESET AV\uFFFD");
            assertThat(book.find(ordered.license().id()))
                    .hasValueSatisfying(
                            stored -> assertThat(stored.productName()).isEqualTo("ESET AV\uFFFD"));
        });
        assertThat(journal.find(IdempotencyKey.of("cart-1")).orElseThrow().state())
                .isEqualTo(dev.esetshop.sdk.order.JournalEntry.State.CONFIRMED);
    }

    @Test
    void item1ASyncStoresControlCharactersCleanedAndQuarantinesTooLongTextAndTheReportsRead() throws Exception {
        License base = Fixtures.license("L-0010", "EAVB", 5, TODAY.plusDays(30), false, NOW);
        eset.put(License.builder()
                .from(base)
                .customer(EndCustomer.builder()
                        .from(base.customer())
                        .organization("Null\u0000Byte\u001b GmbH")
                        .lastName("Lone\uD800Surrogate")
                        .build())
                .build());
        License wide = Fixtures.license("L-0020", "EAVB", 5, TODAY.plusDays(30), false, NOW);
        eset.put(License.builder()
                .from(wide)
                .customer(EndCustomer.builder()
                        .from(wide.customer())
                        .organization("O".repeat(1001))
                        .build())
                .build());
        eset.put(Fixtures.license("L-0030", "EAVB", 5, TODAY.plusDays(30), false, NOW));

        SyncReport report = shop().sync();

        assertThat(report.added()).isEqualTo(2);
        assertThat(report.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.publicLicenseId()).contains("L-0020");
            assertThat(q.reason()).contains("organization");
        });
        License cleaned = book.find(LicenseId.of("L-0010")).orElseThrow();
        assertThat(cleaned.customer().organization()).isEqualTo("NullByte GmbH");
        assertThat(cleaned.customer().lastName()).isEqualTo("Lone\uFFFDSurrogate");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        LicenseReport.csv(book, Locale.ENGLISH, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("NullByte GmbH");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        LicenseReport.xlsx(book, Locale.ENGLISH, xlsx);
        assertThat(xlsx.size()).isPositive();
    }

    @Test
    void item1AHostsOwnPageGoesThroughTheSameCleaning() {
        License base = Fixtures.license("L-0040", "EAVB", 5, TODAY.plusDays(30), false, NOW);
        UnaryOperator<String> dirty = text -> text + "\u0000\uDBFF";
        License odd = License.builder()
                .from(base)
                .productName(dirty.apply("ESET AV"))
                .customer(EndCustomer.builder()
                        .from(base.customer())
                        .firstName(dirty.apply("Anna"))
                        .build())
                .build();

        book.storePage(
                List.of(odd), SyncCursor.builder().nextSkip(0).inProgress(false).build());

        License stored = book.find(LicenseId.of("L-0040")).orElseThrow();
        assertThat(stored.productName()).isEqualTo("ESET AV\uFFFD");
        assertThat(stored.customer().firstName()).isEqualTo("Anna\uFFFD");
    }

    private static OrderReceipt withOrderNumber(OrderReceipt receipt, String orderNumber) {
        return OrderReceipt.of(orderNumber, receipt.license());
    }

    /**
     * ESET's receipt cannot be recorded: the order stays pending, marked as needing a person in the journal after the
     * one send, and every later reconcile (of this shop or another sharing the journal) and every retry of the
     * purchase lists or answers it without sending it again.
     */
    private void anUnrecordableOrderNumberStaysPendingAndNeedsAttentionOnEveryPass(String orderNumber) {
        eset.receipts = receipt -> withOrderNumber(receipt, orderNumber);
        EsetShop shop = shop();
        IdempotencyKey key = IdempotencyKey.of("cart-1");
        OrderRequest purchase = purchase(quote(shop), Fixtures.customer(), "cart-1");

        OrderResult result = shop.order(purchase);

        assertThat(result)
                .isInstanceOfSatisfying(
                        OrderResult.Pending.class,
                        pending -> assertThat(pending.reason())
                                .contains("needs attention")
                                .doesNotContain("\u0000"));
        dev.esetshop.sdk.order.JournalEntry entry = journal.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(dev.esetshop.sdk.order.JournalEntry.State.PENDING);
        assertThat(entry.attention())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("order history")
                        .as("printable: no control character, no lone surrogate")
                        .isEqualTo(dev.esetshop.core.PrintableText.of(reason)));
        assertThat(entry.claimedBy()).isEmpty();
        EsetShop another = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(book)
                .owner("shop-b")
                .claimLease(LEASE)
                .idempotencyKeys(Fixtures.keys("b"))
                .build();
        for (EsetShop reconciling : List.of(shop, another, shop)) {
            ReconcileReport report = reconciling.reconcile();
            assertThat(report.needsAttention()).containsExactly(key);
            assertThat(report.failed()).isEmpty();
            assertThat(report.stillPending()).isEmpty();
        }
        assertThat(another.order(purchase))
                .isInstanceOfSatisfying(
                        OrderResult.Pending.class,
                        pending -> assertThat(pending.reason()).contains("needs attention"));
        assertThat(eset.orderCalls).as("sent once, never again").hasValue(1);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void item2AnOrderNumberOf129CharactersStaysPendingAndIsListedAsNeedingAttention() {
        anUnrecordableOrderNumberStaysPendingAndNeedsAttentionOnEveryPass("N".repeat(129));
    }

    @Test
    void item2AnOrderNumberWithANulStaysPendingAndIsListedAsNeedingAttention() {
        anUnrecordableOrderNumberStaysPendingAndNeedsAttentionOnEveryPass("ORD-\u00001");
    }

    /** The reason quotes the first 200 characters of the order number, never half of a pair of surrogates. */
    @Test
    void item2AnOrderNumberOfManyEmojiIsMarkedWithAReasonEveryDatabaseKeeps() {
        anUnrecordableOrderNumberStaysPendingAndNeedsAttentionOnEveryPass("N" + "\uD83D\uDE00".repeat(150));
    }

    @Test
    void item2AnOrderNumberOf128CharactersIsRecorded() {
        String longest = "N".repeat(128);
        eset.receipts = receipt -> withOrderNumber(receipt, longest);
        EsetShop shop = shop();

        OrderResult result = shop.order(purchase(quote(shop), Fixtures.customer(), "cart-1"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        OrderResult.Ordered.class,
                        ordered -> assertThat(ordered.orderNumber()).isEqualTo(longest));
        assertThat(journal.find(IdempotencyKey.of("cart-1")).orElseThrow().orderNumber())
                .contains(longest);
    }

    @Test
    void item3ControlCharactersInAnOrderNumberNeverReachTheLogOrTheAnswer() throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of("target", "sdk-tests.log");
        long start = java.nio.file.Files.exists(log) ? java.nio.file.Files.size(log) : 0;
        eset.receipts = receipt -> withOrderNumber(receipt, "ORD-77\r\nINFO forged line\u001b[2J");
        EsetShop shop = shop();

        OrderResult result = shop.order(purchase(quote(shop), Fixtures.customer(), "cart-1"));
        shop.reconcile();

        assertThat(result)
                .isInstanceOfSatisfying(
                        OrderResult.Pending.class,
                        pending ->
                                assertThat(pending.reason()).contains("ORD-77").doesNotContain("\r", "\n", "\u001b"));
        byte[] all = java.nio.file.Files.readAllBytes(log);
        String written = new String(all, (int) start, all.length - (int) start, StandardCharsets.UTF_8);
        assertThat(written).contains("ORD-77").doesNotContain("\r", "\u001b", "\nINFO forged line");
    }

    @Test
    void item4ARefusalOfTheClientsRetryAfterAnAttemptESETAppliedKeepsTheOrderPendingNeedingAttention() {
        eset.fault(FakeEsetApi.Fault.APPLY_THEN_REFUSE_RETRY, FakeEsetApi.Fault.REFUSE);
        EsetShop shop = shop();
        IdempotencyKey key = IdempotencyKey.of("cart-1");

        OrderResult result = shop.order(purchase(quote(shop), Fixtures.customer(), "cart-1"));

        assertThat(result).isInstanceOf(OrderResult.Pending.class);
        assertThat(journal.find(key).orElseThrow().state())
                .isEqualTo(dev.esetshop.sdk.order.JournalEntry.State.PENDING);
        ReconcileReport report = shop.reconcile();
        assertThat(report.needsAttention()).containsExactly(key);
        assertThat(report.rejected()).isZero();
        assertThat(journal.find(key).orElseThrow().state())
                .isEqualTo(dev.esetshop.sdk.order.JournalEntry.State.PENDING);
    }

    @Test
    void item4ARefusalOfAResendAfterAnUnknownOutcomeKeepsTheOrderPendingNeedingAttention() {
        eset.fault(FakeEsetApi.Fault.LOSE_AFTER_COMMIT, FakeEsetApi.Fault.REFUSE);
        EsetShop shop = shop();
        IdempotencyKey key = IdempotencyKey.of("cart-1");
        assertThat(shop.order(purchase(quote(shop), Fixtures.customer(), "cart-1")))
                .isInstanceOf(OrderResult.Pending.class);

        ReconcileReport report = shop.reconcile();

        assertThat(report.needsAttention()).containsExactly(key);
        assertThat(report.rejected()).isZero();
        assertThat(journal.find(key).orElseThrow().state())
                .isEqualTo(dev.esetshop.sdk.order.JournalEntry.State.PENDING);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void item4ARefusalOfTheFirstAndOnlyAttemptStillSettlesTheOrderAsRefused() {
        eset.fault(FakeEsetApi.Fault.REFUSE);
        EsetShop shop = shop();

        OrderResult result = shop.order(purchase(quote(shop), Fixtures.customer(), "cart-1"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        OrderResult.Refused.class,
                        refused -> assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.ESET));
        assertThat(journal.find(IdempotencyKey.of("cart-1")).orElseThrow().state())
                .isEqualTo(dev.esetshop.sdk.order.JournalEntry.State.REJECTED);
    }

    @Test
    void item3AMalformedRecordsIdFromAnyAdapterIsPrintableInTheReportAndTheLog() throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of("target", "sdk-tests.log");
        long start = java.nio.file.Files.exists(log) ? java.nio.file.Files.size(log) : 0;
        eset.putMalformed("L-66\r\nWARN forged\u001b[2J", "seats is not a number: '1\r\n2'", NOW);

        SyncReport report = shop().sync();

        assertThat(report.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.publicLicenseId())
                    .hasValueSatisfying(id -> assertThat(id).startsWith("L-66").doesNotContain("\r", "\n", "\u001b"));
            assertThat(q.reason()).doesNotContain("\r", "\n");
        });
        byte[] all = java.nio.file.Files.readAllBytes(log);
        String written = new String(all, (int) start, all.length - (int) start, StandardCharsets.UTF_8);
        assertThat(written).contains("L-66").doesNotContain("\r", "\u001b", "\nWARN forged");
    }
}
