package dev.esetshop.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.LicensePage;
import dev.esetshop.client.LicenseRecord;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.ClientClosedException;
import dev.esetshop.core.error.EsetOutcomeUnknownException;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.LicenseNotFoundException;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EsetPartnerApi} must have, checked against an {@link EsetSandbox}: the partner's status,
 * paging through the licenses, a license's detail, the five orders idempotent by key, and ESET's refusals as typed
 * errors that say whether a retry can help. The SDK's own client runs it; a marketplace that writes its own
 * implementation (a decorator that meters or caches, a client of a proxy) extends this class in its tests and
 * returns its implementation from {@link #newPartnerApi}:
 *
 * <pre>{@code
 * class MyPartnerApiTest extends EsetPartnerApiContract {
 *     @Override
 *     protected EsetPartnerApi newPartnerApi(EsetSandbox sandbox, TestClock clock) {
 *         return new MyPartnerApi(sandboxClient(sandbox, clock));
 *     }
 * }
 * }</pre>
 *
 * <p>Every test gets a fresh sandbox ({@value #RECORDS} license records, {@value #MALFORMED} of them malformed, the
 * demo partner, seed {@value #SEED}) whose clock stands at {@link #NOW} and moves only when the test or the
 * implementation's waiter advances it. The implementation is closed after each test.
 */
public abstract class EsetPartnerApiContract {

    /** When every test starts, on the sandbox's and the implementation's clock. */
    protected static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    /** How many records the sandbox's license list holds at the start, the malformed ones among them. */
    protected static final int RECORDS = 230;
    /** How many records of the license list the sandbox garbles (the rest are well-formed licenses). */
    protected static final int MALFORMED = 3;
    /** The sandbox's seed. */
    protected static final long SEED = 21;

    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static final EndCustomer CUSTOMER = EndCustomer.builder()
            .organization("Holzbau Eder GmbH")
            .firstName("Lukas")
            .lastName("Eder")
            .email("lukas.eder@holzbau-eder.at")
            .country("AT")
            .build();

    private TestClock clock;
    private EsetSandbox sandbox;
    private EsetPartnerApi api;

    /** A contract test; a subclass supplies the implementation. */
    protected EsetPartnerApiContract() {}

    /**
     * The implementation under test, talking to {@code sandbox} with its credentials and reading time from
     * {@code clock}. Let it wait on the clock ({@code clock::advance}) rather than sleep, so retries take no time.
     *
     * @param sandbox the ESET to talk to: {@link EsetSandbox#baseUri()}, {@link EsetSandbox#username()},
     *     {@link EsetSandbox#password()}
     * @param clock the test's clock, standing at {@link #NOW}
     * @return a new implementation; the contract closes it after the test
     */
    protected abstract EsetPartnerApi newPartnerApi(EsetSandbox sandbox, TestClock clock);

    /**
     * The SDK's client for the sandbox, retrying without real waits (its waiter advances the clock): what a
     * decorator under test can wrap.
     *
     * @param sandbox the sandbox to talk to
     * @param clock the test's clock
     * @return a new client, which the caller closes
     */
    protected static EsetPartnerClient sandboxClient(EsetSandbox sandbox, TestClock clock) {
        return EsetPartnerClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(sandbox.username(), sandbox.password())
                .clock(clock)
                .retry(RetrySettings.builder()
                        .baseDelay(Duration.ofMillis(1))
                        .maxDelay(Duration.ofMillis(2))
                        .jitterSeed(1)
                        .build())
                .waiter(clock::advance)
                .build();
    }

    /** Starts a fresh sandbox and the implementation under test. */
    @BeforeEach
    public final void startSandboxAndApi() {
        clock = TestClock.at(NOW);
        sandbox = EsetSandbox.builder()
                .seed(SEED)
                .licenses(RECORDS)
                .malformedRecords(MALFORMED)
                .clock(clock)
                .start();
        api = newPartnerApi(sandbox, clock);
    }

    /** Closes the implementation and the sandbox. */
    @AfterEach
    public final void closeApiAndSandbox() {
        try {
            api.close();
        } finally {
            sandbox.close();
        }
    }

    /**
     * The sandbox of the running test, for a subclass's own tests.
     *
     * @return the sandbox
     */
    protected final EsetSandbox sandbox() {
        return sandbox;
    }

    /**
     * The clock of the running test, for a subclass's own tests.
     *
     * @return the clock
     */
    protected final TestClock clock() {
        return clock;
    }

    /**
     * The implementation under test, for a subclass's own tests.
     *
     * @return the implementation
     */
    protected final EsetPartnerApi api() {
        return api;
    }

    /** The status is the partner's that the credentials belong to. */
    @Test
    public void partnerStatusIsThePartnerOfTheCredentials() {
        PartnerStatus status = api.partnerStatus();

        assertThat(status.partnerId()).isEqualTo("ESET-P-104233");
        assertThat(status.companyName()).isEqualTo("Sync IT Trial GmbH");
        assertThat(status.level()).isEqualTo(PartnerLevel.GOLD);
        assertThat(status.margin()).isEqualByComparingTo("0.25");
    }

    /** Pages are as large as asked, carry the total, say whether more follow, and come in license id order. */
    @Test
    public void searchPagesThroughTheLicensesInIdOrder() {
        LicensePage first = api.searchLicenses(0, 100);
        LicensePage middle = api.searchLicenses(100, 100);
        LicensePage last = api.searchLicenses(200, 100);
        LicensePage beyond = api.searchLicenses(300, 100);

        assertThat(first.totalCount()).isEqualTo(RECORDS);
        assertThat(first.items()).hasSize(100);
        assertThat(first.hasNext()).isTrue();
        assertThat(middle.hasNext()).isTrue();
        assertThat(last.items()).hasSize(RECORDS - 200);
        assertThat(last.hasNext()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.hasNext()).isFalse();
        List<LicenseId> ids = Stream.of(first, middle, last)
                .flatMap(page -> valid(page.items()).stream())
                .map(License::id)
                .toList();
        assertThat(ids).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
    }

    /** A page size outside 1 to {@link EsetPartnerApi#MAX_PAGE_SIZE} is the caller's mistake, found before sending. */
    @Test
    public void aPageSizeOutOfRangeIsRefusedBeforeAnythingIsSent() {
        long before = sandbox.requestsReceived();

        assertThatThrownBy(() -> api.searchLicenses(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.searchLicenses(0, EsetPartnerApi.MAX_PAGE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.requestsReceived()).isEqualTo(before);
    }

    /** Paging reads every license once, as ESET holds it, and keeps malformed records apart instead of failing. */
    @Test
    public void pagesReadEveryLicenseOnceAndKeepMalformedRecordsApart() {
        List<LicenseRecord> records;
        try (Stream<LicensePage> pages = api.pages(EsetPartnerApi.MAX_PAGE_SIZE)) {
            records = pages.flatMap(page -> page.items().stream()).toList();
        }

        assertThat(records).hasSize(RECORDS);
        assertThat(valid(records)).containsExactlyElementsOf(sandbox.licenses());
        assertThat(records)
                .filteredOn(LicenseRecord.Malformed.class::isInstance)
                .hasSize(MALFORMED);
    }

    /** Paging is lazy: a page is asked for only when the stream reaches it. */
    @Test
    public void pagesAskOnlyForWhatIsRead() {
        api.partnerStatus();
        long before = sandbox.requestsReceived();

        try (Stream<LicensePage> pages = api.pages(50)) {
            assertThat(pages.limit(2).map(page -> page.items().size()).collect(Collectors.toList()))
                    .containsExactly(50, 50);
        }

        assertThat(sandbox.requestsReceived() - before)
                .as("requests for two of five pages")
                .isLessThanOrEqualTo(2);
    }

    /** {@code modifiedSince} lists only the licenses changed at or after the instant. */
    @Test
    public void modifiedSinceListsOnlyLaterChanges() {
        clock.advance(Duration.ofSeconds(1));
        Instant since = clock.instant();
        OrderReceipt receipt = api.order(newOrder(10), IdempotencyKey.of("contract-since"));

        LicensePage changed = api.searchLicenses(0, 100, since);

        assertThat(changed.totalCount()).isEqualTo(1);
        assertThat(changed.items()).containsExactly(new LicenseRecord.Valid(receipt.license()));
        assertThat(changed.hasNext()).isFalse();
    }

    /** A license's detail is the license as ESET holds it; an unknown id is {@link LicenseNotFoundException}. */
    @Test
    public void detailIsTheLicenseAndAnUnknownIdIsNotFound() {
        License known = sandbox.licenses().get(5);

        assertThat(api.licenseDetail(known.id())).isEqualTo(known);
        assertThatThrownBy(() -> api.licenseDetail(LicenseId.of("ZZZ-ZZZ-ZZZ")))
                .isInstanceOfSatisfying(LicenseNotFoundException.class, e -> {
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.retryable()).isFalse();
                });
    }

    /** A new license: the same key with the same order answers the same, once; another order is a conflict. */
    @Test
    public void aNewLicenseOrderIsIdempotentByKey() {
        IdempotencyKey key = IdempotencyKey.of("contract-order");

        assertIdempotent(() -> api.order(newOrder(12), key), () -> api.order(newOrder(13), key), 1, receipt -> {
            assertThat(receipt.license().seats().count()).isEqualTo(12);
            assertThat(receipt.license().customer()).isEqualTo(CUSTOMER);
            assertThat(sandbox.licenses()).contains(receipt.license());
        });
    }

    /** A renewal: extends the license by the years ordered; idempotent by key. */
    @Test
    public void aRenewalIsIdempotentByKey() {
        License license = sandbox.licenses().stream()
                .filter(l -> l.expires().isAfter(TODAY))
                .findFirst()
                .orElseThrow();
        IdempotencyKey key = IdempotencyKey.of("contract-renew");
        Supplier<RenewalOrder> renewal = () -> RenewalOrder.builder()
                .publicLicenseId(license.id())
                .seats(20)
                .years(1)
                .addSkus(Sku.of(license.productCode().value() + "-R1B11"))
                .build();

        assertIdempotent(
                () -> api.renew(renewal.get(), key),
                () -> api.renew(
                        RenewalOrder.builder().from(renewal.get()).seats(21).build(), key),
                0,
                receipt -> {
                    assertThat(receipt.license().id()).isEqualTo(license.id());
                    assertThat(receipt.license().expires())
                            .isEqualTo(license.expires().plusYears(1));
                    assertThat(receipt.license().seats().count()).isEqualTo(20);
                });
    }

    /** A product change: the license becomes the new product with the seats ordered; idempotent by key. */
    @Test
    public void aProductChangeIsIdempotentByKey() {
        License eavb = sandbox.licenses().stream()
                .filter(l ->
                        l.productCode().value().equals("EAVB") && l.expires().isAfter(TODAY))
                .findFirst()
                .orElseThrow();
        IdempotencyKey key = IdempotencyKey.of("contract-change");
        Supplier<ProductChangeOrder> change = () -> ProductChangeOrder.builder()
                .publicLicenseId(eavb.id())
                .productCode(ProductCode.of("EESB"))
                .sku(Sku.of("EESB-C1B5"))
                .seats(15)
                .years(1)
                .build();

        assertIdempotent(
                () -> api.changeProduct(change.get(), key),
                () -> api.changeProduct(
                        ProductChangeOrder.builder()
                                .from(change.get())
                                .seats(16)
                                .build(),
                        key),
                0,
                receipt -> {
                    assertThat(receipt.license().id()).isEqualTo(eavb.id());
                    assertThat(receipt.license().productCode()).isEqualTo(ProductCode.of("EESB"));
                    assertThat(receipt.license().seats().count()).isEqualTo(15);
                });
    }

    /** A trial: a trial license that runs the months ordered; idempotent by key. */
    @Test
    public void aTrialIsIdempotentByKey() {
        IdempotencyKey key = IdempotencyKey.of("contract-trial");

        assertIdempotent(() -> api.trial(trial(5), key), () -> api.trial(trial(6), key), 1, receipt -> {
            assertThat(receipt.license().trial()).isTrue();
            assertThat(receipt.license().expires()).isEqualTo(TODAY.plusMonths(1));
            assertThat(sandbox.licenses()).contains(receipt.license());
        });
    }

    /**
     * A trial conversion: the trial becomes a paid license under the same id, with the seats ordered, running the
     * years ordered from the day of the order, and changed since the conversion (a sync sees it); idempotent by key.
     */
    @Test
    public void aTrialConversionIsIdempotentByKey() {
        License trial = sandbox.licenses().stream()
                .filter(l -> l.trial() && l.expires().isAfter(TODAY))
                .findFirst()
                .orElseThrow();
        IdempotencyKey key = IdempotencyKey.of("contract-convert");
        clock.advance(Duration.ofSeconds(1));
        Instant ordered = clock.instant();

        assertIdempotent(
                () -> api.convertTrial(conversion(trial, 8), key),
                () -> api.convertTrial(conversion(trial, 9), key),
                0,
                receipt -> {
                    License paid = receipt.license();
                    assertThat(paid.id()).isEqualTo(trial.id());
                    assertThat(paid.trial()).isFalse();
                    assertThat(paid.productCode()).isEqualTo(trial.productCode());
                    assertThat(paid.seats().count()).isEqualTo(8);
                    assertThat(paid.expires()).isEqualTo(TODAY.plusYears(2));
                    assertThat(paid.customer()).isEqualTo(trial.customer());
                    assertThat(paid.modified()).isAfterOrEqualTo(ordered);
                    assertThat(sandbox.licenses()).contains(paid);
                });
        assertThat(api.searchLicenses(0, 100, ordered).items())
                .extracting(record -> ((LicenseRecord.Valid) record).license().id())
                .containsExactly(trial.id());
    }

    /**
     * A conversion of a license that is not a trial is refused with 8/48, and of a trial that expired longer ago
     * than ESET allows with 8/37; neither changes anything.
     */
    @Test
    public void aConversionOfAPaidLicenseOrALongExpiredTrialIsRefused() {
        License paid = sandbox.licenses().stream()
                .filter(l -> !l.trial() && l.expires().isAfter(TODAY))
                .findFirst()
                .orElseThrow();
        License trial =
                sandbox.licenses().stream().filter(License::trial).findFirst().orElseThrow();

        assertRefused(() -> api.convertTrial(conversion(paid, 8), IdempotencyKey.of("contract-not-a-trial")), 48);
        Instant longExpired =
                trial.expires().plusDays(61).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (longExpired.isAfter(NOW)) {
            clock.advance(Duration.between(NOW, longExpired));
        }
        assertRefused(() -> api.convertTrial(conversion(trial, 8), IdempotencyKey.of("contract-long-expired")), 37);
        assertThat(sandbox.ordersApplied()).isZero();
        assertThat(sandbox.licenses()).contains(paid, trial);
    }

    /** ESET's rule refusals arrive as {@link EsetRuleRefusedException} with ESET's codes; retrying cannot help. */
    @Test
    public void ruleRefusalsArriveTypedWithEsetsCodes() {
        License emds = sandbox.licenses().stream()
                .filter(l ->
                        l.productCode().value().equals("EMDS") && l.expires().isAfter(TODAY))
                .findFirst()
                .orElseThrow();

        assertRefused(() -> api.order(newOrder(2000), IdempotencyKey.of("contract-range")), 30);
        assertRefused(
                () -> api.trial(
                        TrialOrder.builder()
                                .productCode(ProductCode.of("ESBP"))
                                .seats(5)
                                .months(1)
                                .customer(CUSTOMER)
                                .build(),
                        IdempotencyKey.of("contract-no-trial")),
                32);
        assertRefused(
                () -> api.changeProduct(
                        ProductChangeOrder.builder()
                                .publicLicenseId(emds.id())
                                .productCode(ProductCode.of("ESB"))
                                .sku(Sku.of("ESB-C1B5"))
                                .seats(5)
                                .years(1)
                                .build(),
                        IdempotencyKey.of("contract-no-change")),
                45);
        assertThat(sandbox.ordersApplied()).isZero();
    }

    /** A partner without API access gets {@link AccessNotGrantedException}, which a retry does not cure. */
    @Test
    public void accessNotGrantedArrivesTyped() {
        sandbox.setAccessGranted(false);

        assertThatThrownBy(api::partnerStatus)
                .isInstanceOfSatisfying(
                        AccessNotGrantedException.class,
                        e -> assertThat(e.retryable()).isFalse());
    }

    /** ESET down for maintenance is an outcome the caller may retry later, never a refusal. */
    @Test
    public void maintenanceIsRetryableNotARefusal() {
        sandbox.setMaintenance(true);

        assertThatThrownBy(api::partnerStatus)
                .isInstanceOfSatisfying(
                        EsetOutcomeUnknownException.class,
                        e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> api.order(newOrder(10), IdempotencyKey.of("contract-maintenance")))
                .isInstanceOfSatisfying(
                        EsetOutcomeUnknownException.class,
                        e -> assertThat(e.retryable()).isTrue());
        assertThat(sandbox.ordersApplied()).isZero();
    }

    /** After closing, calls fail with {@link ClientClosedException} (not an answer of ESET); closing twice is harmless. */
    @Test
    public void callsAfterCloseFailAndClosingTwiceIsHarmless() {
        api.partnerStatus();

        api.close();
        api.close();

        assertThatThrownBy(api::partnerStatus).isInstanceOf(ClientClosedException.class);
        assertThatThrownBy(() -> api.order(newOrder(10), IdempotencyKey.of("contract-closed")))
                .isInstanceOf(ClientClosedException.class);
        assertThat(sandbox.ordersApplied()).isZero();
    }

    private void assertIdempotent(
            Supplier<OrderReceipt> order,
            Supplier<OrderReceipt> otherOrderSameKey,
            int licensesAdded,
            Consumer<OrderReceipt> firstAnswer) {
        int licensesBefore = sandbox.licenseCount();

        OrderReceipt first = order.get();
        clock.advance(Duration.ofSeconds(5));
        OrderReceipt again = order.get();

        firstAnswer.accept(first);
        assertThat(again).as("the answer to the same order under the same key").isEqualTo(first);
        assertThat(sandbox.ordersApplied()).as("orders ESET applied").isEqualTo(1);
        assertThat(sandbox.licenseCount())
                .as("licenses after the order and its replay")
                .isEqualTo(licensesBefore + licensesAdded);
        assertThatThrownBy(otherOrderSameKey::get)
                .isInstanceOfSatisfying(
                        IdempotencyConflictException.class,
                        e -> assertThat(e.retryable()).isFalse());
        assertThat(sandbox.ordersApplied()).isEqualTo(1);
    }

    private static void assertRefused(Runnable call, int subCode) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(EsetRuleRefusedException.class, e -> {
            assertThat(e.esetCode()).isEqualTo(8);
            assertThat(e.subCode()).isEqualTo(subCode);
            assertThat(e.retryable()).isFalse();
        });
    }

    private static List<License> valid(List<LicenseRecord> records) {
        return records.stream()
                .filter(LicenseRecord.Valid.class::isInstance)
                .map(record -> ((LicenseRecord.Valid) record).license())
                .toList();
    }

    private static NewLicenseOrder newOrder(int seats) {
        return NewLicenseOrder.builder()
                .sku(Sku.of("EESB-N1B11"))
                .productCode(ProductCode.of("EESB"))
                .seats(seats)
                .years(1)
                .customer(CUSTOMER)
                .build();
    }

    private static TrialConversionOrder conversion(License trial, int seats) {
        return TrialConversionOrder.builder()
                .publicLicenseId(trial.id())
                .sku(Sku.of(trial.productCode().value() + "-N2B5"))
                .seats(seats)
                .years(2)
                .eula(EulaAcceptance.of("2026-1", "Lukas Eder", NOW))
                .build();
    }

    private static TrialOrder trial(int seats) {
        return TrialOrder.builder()
                .productCode(ProductCode.of("ESB"))
                .seats(seats)
                .months(1)
                .customer(CUSTOMER)
                .build();
    }
}
