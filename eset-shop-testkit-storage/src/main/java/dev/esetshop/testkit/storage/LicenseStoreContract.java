package dev.esetshop.testkit.storage;

import static dev.esetshop.testkit.SampleLicenses.license;
import static dev.esetshop.testkit.SampleLicenses.licenses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.LicenseStore.PageOutcome;
import dev.esetshop.sdk.license.SyncCursor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link LicenseStore} must have: pages stored with their cursor and counted, licenses read back
 * field for field, queries filtered and sorted by expiration then id, every license visited in id order, the cursor
 * one value that each page replaces, order numbers kept across syncs, no license key in {@code toString()}, and
 * safe use from several threads. The SDK's in-memory and JDBC stores run it; a marketplace that writes its own store
 * extends this class in its tests:
 *
 * <pre>{@code
 * class MyLicenseStoreTest extends LicenseStoreContract {
 *     private DataSource database;
 *
 *     @Override
 *     protected LicenseStore newStore() {
 *         database = freshDatabase();
 *         return new MyLicenseStore(database);
 *     }
 *
 *     @Override
 *     protected LicenseStore openAgain() {
 *         return new MyLicenseStore(database);
 *     }
 * }
 * }</pre>
 *
 * <p>What only some adapters can be asked (a page that fails half-way leaves rows and cursor as they were, which
 * needs a way to make the storage fail) stays in the adapter's own tests. A store may keep instants to the
 * microsecond only; the contract compares licenses at that precision.
 */
public abstract class LicenseStoreContract {

    private static final SyncCursor FIRST_PAGE = SyncCursor.builder()
            .nextSkip(100)
            .inProgress(true)
            .highWater(Instant.parse("2026-06-01T10:00:00.123456Z"))
            .build();
    /** How many stores of one reseller race their first pages. */
    private static final int RACERS = 2;
    /** How often they race, each time on fresh storage. */
    private static final int RACE_ROUNDS = 20;

    private static final Comparator<License> BY_EXPIRY_THEN_ID =
            Comparator.comparing(License::expires).thenComparing(License::id);

    private LicenseStore store;

    /** A contract test; a subclass supplies the store. */
    protected LicenseStoreContract() {}

    /**
     * A new store on fresh, empty storage, for one test; a test that races first writes calls it once per round.
     *
     * @return the store under test
     */
    protected abstract LicenseStore newStore();

    /**
     * Another store on the storage of the last {@link #newStore()}, as a restarted process or a second instance of
     * the marketplace opens it. A store that lives in memory only returns the same instance.
     *
     * @return a store that sees what the last new store stored
     */
    protected abstract LicenseStore openAgain();

    /** Creates the store under test. */
    @BeforeEach
    public final void createStore() {
        store = newStore();
    }

    /**
     * The store of the running test, for a subclass's own tests.
     *
     * @return the store
     */
    protected final LicenseStore store() {
        return store;
    }

    /** A new store has no licenses and no cursor. */
    @Test
    public void anEmptyStoreHasNoLicensesAndNoCursor() {
        assertThat(store.count()).isZero();
        assertThat(store.cursor()).isEmpty();
        assertThat(store.find(LicenseId.of("NOPE"))).isEmpty();
        assertThat(store.query(LicenseQuery.all())).isEmpty();
        List<License> seen = new ArrayList<>();
        store.forEach(seen::add);
        assertThat(seen).isEmpty();
    }

    /** A stored page reads back field for field, license key included, with its cursor. */
    @Test
    public void aStoredPageReadsBackFieldForFieldWithItsCursor() {
        List<License> page = licenses(0, 50);

        PageOutcome outcome = store.storePage(page, FIRST_PAGE);

        assertThat(outcome).isEqualTo(new PageOutcome(50, 0, 0));
        assertThat(store.count()).isEqualTo(50);
        assertThat(store.cursor()).contains(FIRST_PAGE);
        for (License license : page) {
            License stored = store.find(license.id()).orElseThrow();
            assertThat(toMicros(stored)).isEqualTo(toMicros(license));
            assertThat(stored.licenseKey().reveal())
                    .isEqualTo(license.licenseKey().reveal());
        }
    }

    /** Instants keep at least their microseconds. */
    @Test
    public void theModificationInstantKeepsAtLeastItsMicroseconds() {
        License license = License.builder()
                .from(license(1))
                .modified(Instant.parse("2026-06-01T10:00:00.123456789Z"))
                .build();

        store.storePage(List.of(license), FIRST_PAGE);

        Instant stored = store.find(license.id()).orElseThrow().modified();
        assertThat(Duration.between(stored, license.modified()).abs()).isLessThan(Duration.ofNanos(1_000));
    }

    /** Storing a page again counts its licenses unchanged; a changed seat count or license key counts changed. */
    @Test
    public void storingThePageAgainCountsUnchangedAndAChangedRecordCountsChanged() {
        store.storePage(licenses(0, 20), FIRST_PAGE);
        List<License> again = new ArrayList<>(licenses(0, 20));
        License renewed = License.builder()
                .from(again.get(3))
                .expires(again.get(3).expires().plusYears(1))
                .seats(Seats.of(999))
                .build();
        License newKey = License.builder()
                .from(again.get(4))
                .licenseKey(Secret.of("NEW-KEY"))
                .build();
        again.set(3, renewed);
        again.set(4, newKey);
        again.add(license(20));

        PageOutcome outcome = store.storePage(again, nextPage(200));

        assertThat(outcome).isEqualTo(new PageOutcome(1, 2, 18));
        assertThat(store.find(renewed.id()).orElseThrow().seats()).isEqualTo(Seats.of(999));
        assertThat(store.find(renewed.id()).orElseThrow().expires()).isEqualTo(renewed.expires());
        assertThat(store.find(newKey.id()).orElseThrow().licenseKey().reveal()).isEqualTo("NEW-KEY");
        assertThat(store.cursor().orElseThrow().nextSkip()).isEqualTo(200);
        assertThat(store.count()).isEqualTo(21);
    }

    /** A page that lists a license twice stores its last version and counts each copy. */
    @Test
    public void aPageThatListsALicenseTwiceStoresItsLastVersion() {
        License first = license(1);
        License second = License.builder()
                .from(first)
                .usedSeats(0)
                .productName("renamed")
                .build();

        PageOutcome outcome = store.storePage(List.of(first, license(2), first, second), FIRST_PAGE);

        assertThat(outcome).isEqualTo(new PageOutcome(2, 1, 1));
        assertThat(store.find(first.id()).orElseThrow().productName()).isEqualTo("renamed");
        assertThat(store.count()).isEqualTo(2);
    }

    /** The cursor is one value that every page replaces, an empty page's too, and a store opened again sees it. */
    @Test
    public void theCursorIsOneValueThatEveryPageReplaces() {
        SyncCursor done = SyncCursor.builder()
                .nextSkip(0)
                .inProgress(false)
                .since(Instant.parse("2026-05-01T00:00:00Z"))
                .lastCompleted(Instant.parse("2026-06-02T08:00:00Z"))
                .build();
        store.storePage(licenses(0, 3), FIRST_PAGE);
        store.storePage(List.of(), done);

        assertThat(store.cursor()).contains(done);
        assertThat(openAgain().cursor()).contains(done);
        assertThat(store.count()).isEqualTo(3);
    }

    /** A store opened again on the same storage has every license stored before. */
    @Test
    public void openingTheStoreAgainKeepsTheData() {
        store.storePage(licenses(0, 4), FIRST_PAGE);

        LicenseStore again = openAgain();

        assertThat(again.count()).isEqualTo(4);
        assertThat(again.find(license(2).id()).map(LicenseStoreContract::toMicros))
                .contains(toMicros(license(2)));
    }

    /** ESET's license list has no order number: a license synced without one keeps the number the book has. */
    @Test
    public void aSyncNeverForgetsAnOrderNumber() {
        // a sample license has no order number, as ESET lists it
        License listed = license(7);
        License ordered = License.builder().from(listed).orderNumber("ORD-77").build();
        License listedAndChanged = License.builder().from(listed).usedSeats(0).build();
        store.storePage(List.of(ordered), FIRST_PAGE);

        PageOutcome same = store.storePage(List.of(listed), FIRST_PAGE);
        PageOutcome changed = store.storePage(List.of(listedAndChanged), FIRST_PAGE);

        assertThat(same).isEqualTo(new PageOutcome(0, 0, 1));
        assertThat(changed).isEqualTo(new PageOutcome(0, 1, 0));
        License stored = store.find(ordered.id()).orElseThrow();
        assertThat(stored.orderNumber()).contains("ORD-77");
        assertThat(stored.usedSeats()).isZero();
        License renumbered =
                License.builder().from(listed).orderNumber("ORD-78").build();
        store.storePage(List.of(renumbered), FIRST_PAGE);
        assertThat(store.find(ordered.id()).orElseThrow().orderNumber()).contains("ORD-78");
    }

    /** Queries filter by expiration window, product and trial, sort by expiration then id, and stop at the limit. */
    @Test
    public void queriesFilterAndSortByExpirationThenId() {
        List<License> all = licenses(0, 300);
        store.storePage(all, FIRST_PAGE);
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2027, 3, 1);

        assertThat(ids(store.query(LicenseQuery.all()))).isEqualTo(ids(sorted(all, l -> true)));
        assertThat(ids(store.query(LicenseQuery.builder()
                        .expiresOnOrAfter(from)
                        .expiresOnOrBefore(to)
                        .build())))
                .isNotEmpty()
                .isEqualTo(ids(sorted(
                        all, l -> !l.expires().isBefore(from) && !l.expires().isAfter(to))));
        assertThat(ids(store.query(LicenseQuery.builder().expiresOnOrAfter(to).build())))
                .isNotEmpty()
                .isEqualTo(ids(sorted(all, l -> !l.expires().isBefore(to))));
        assertThat(ids(store.query(
                        LicenseQuery.builder().product(ProductCode.of("ESB")).build())))
                .isNotEmpty()
                .isEqualTo(ids(sorted(all, l -> l.productCode().value().equals("ESB"))));
        assertThat(ids(store.query(LicenseQuery.builder().includeTrials(false).build())))
                .hasSizeLessThan(all.size())
                .isEqualTo(ids(sorted(all, l -> !l.trial())));
        assertThat(ids(store.query(LicenseQuery.builder()
                        .product(ProductCode.of("EAVB"))
                        .includeTrials(false)
                        .expiresOnOrBefore(to)
                        .build())))
                .isNotEmpty()
                .isEqualTo(ids(sorted(
                        all,
                        l -> l.productCode().value().equals("EAVB")
                                && !l.trial()
                                && !l.expires().isAfter(to))));
        assertThat(ids(store.query(LicenseQuery.builder().limit(7).build())))
                .isEqualTo(ids(sorted(all, l -> true)).subList(0, 7));
        assertThat(store.query(LicenseQuery.builder().limit(0).build())).isEmpty();
        assertThat(store.query(
                        LicenseQuery.builder().product(ProductCode.of("NONE")).build()))
                .isEmpty();
    }

    /** Licenses that expire on the same day come in id order. */
    @Test
    public void licensesExpiringOnOneDayComeInIdOrder() {
        LocalDate day = LocalDate.of(2027, 1, 15);
        List<License> sameDay = new ArrayList<>();
        for (int i : new int[] {5, 3, 9, 1, 7}) {
            sameDay.add(License.builder().from(license(i)).expires(day).build());
        }
        store.storePage(sameDay, FIRST_PAGE);

        assertThat(ids(store.query(LicenseQuery.all())))
                .isSortedAccordingTo(Comparator.naturalOrder())
                .hasSize(5);
    }

    /** The customer text matches organisation, "first last" name or e-mail, ignoring case and taking % and _ literally. */
    @Test
    public void customerTextMatchesOrganisationNameOrEmailIgnoringCaseAndLiterally() {
        License muller = customer(license(1), "Müller KG", "Anna", "Berg", "anna@mueller.example");
        License percent = customer(license(2), "100% Security_AG", "Ben", "Car", "ben@pct.example");
        License other = customer(license(3), "Other Ltd", "Carla", "Dorn", "carla@other.example");
        store.storePage(List.of(muller, percent, other), FIRST_PAGE);

        assertThat(ids(byText("müller"))).containsExactly(muller.id());
        assertThat(ids(byText("ANNA BERG"))).containsExactly(muller.id());
        assertThat(ids(byText("dorn"))).containsExactly(other.id());
        assertThat(ids(byText("@PCT."))).containsExactly(percent.id());
        assertThat(ids(byText("0% s"))).containsExactly(percent.id());
        assertThat(ids(byText("%"))).containsExactly(percent.id());
        assertThat(ids(byText("y_a"))).containsExactly(percent.id());
        assertThat(ids(byText("_"))).containsExactly(percent.id());
        assertThat(byText("nobody")).isEmpty();
        assertThat(ids(store.query(
                        LicenseQuery.builder().customerText("example").limit(2).build())))
                .isEqualTo(
                        ids(sorted(List.of(muller, percent, other), l -> true)).subList(0, 2));
    }

    /**
     * {@code forEach} visits every license once, in id order, however many there are (the sizes cross the batch
     * sizes a store may read in).
     *
     * @param size how many licenses the store holds
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 999, 1_000, 1_001, 2_345})
    public void forEachVisitsEveryLicenseOnceInIdOrder(int size) {
        List<License> all = licenses(0, size);
        for (int from = 0; from < all.size(); from += 250) {
            store.storePage(all.subList(from, Math.min(size, from + 250)), nextPage(from + 250));
        }
        List<License> seen = new ArrayList<>();

        store.forEach(seen::add);

        assertThat(seen).hasSize(size);
        assertThat(ids(seen)).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        assertThat(seen.stream().map(LicenseStoreContract::toMicros).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(
                        all.stream().map(LicenseStoreContract::toMicros).collect(Collectors.toList()));
    }

    /** An exception of the action reaches the caller as it was thrown. */
    @Test
    public void anExceptionOfTheActionReachesTheCallerUnwrapped() {
        store.storePage(licenses(0, 5), FIRST_PAGE);
        IllegalStateException stop = new IllegalStateException("stop");

        assertThatThrownBy(() -> store.forEach(license -> {
                    throw stop;
                }))
                .isSameAs(stop);
    }

    /** A state the SDK does not know and every absent optional field survive the round trip. */
    @Test
    public void anUnknownStateAndAllOptionalFieldsSurviveTheRoundTrip() {
        License sample = license(9);
        EndCustomer customer = sample.customer();
        // no discount, order number, country or VAT id: only what a license must have
        License odd = License.builder()
                .id(sample.id())
                .licenseKey(sample.licenseKey())
                .productCode(sample.productCode())
                .productName(sample.productName())
                .seats(sample.seats())
                .usedSeats(sample.usedSeats())
                .state(LicenseState.of("ARCHIVED"))
                .trial(sample.trial())
                .issued(sample.issued())
                .expires(sample.expires())
                .modified(sample.modified())
                .customer(EndCustomer.builder()
                        .organization(customer.organization())
                        .firstName(customer.firstName())
                        .lastName(customer.lastName())
                        .email(customer.email())
                        .build())
                .build();

        store.storePage(List.of(odd), FIRST_PAGE);

        License stored = store.find(odd.id()).orElseThrow();
        assertThat(stored.state().raw()).isEqualTo("ARCHIVED");
        assertThat(stored.state().isKnown()).isFalse();
        assertThat(stored.discount()).isEmpty();
        assertThat(stored.orderNumber()).isEmpty();
        assertThat(stored.customer().country()).isEmpty();
        assertThat(stored.customer().vatId()).isEmpty();
        assertThat(toMicros(stored)).isEqualTo(toMicros(odd));
    }

    /** Neither the store nor a license it returns shows a license key in {@code toString()}. */
    @Test
    public void toStringShowsNoLicenseKey() {
        store.storePage(licenses(0, 3), FIRST_PAGE);

        for (License license : licenses(0, 3)) {
            String key = license.licenseKey().reveal();
            assertThat(store.toString()).doesNotContain(key);
            assertThat(store.find(license.id()).orElseThrow().toString()).doesNotContain(key);
            assertThat(store.query(LicenseQuery.all()).toString()).doesNotContain(key);
        }
    }

    /**
     * A store that checks the partner binds to the first and refuses another, also when opened again. A store that
     * keeps the port's default (no check, for a store of one reseller) skips this case.
     */
    @Test
    public void aStoreKeepsTheLicensesOfOnePartner() {
        Assumptions.assumeTrue(
                overridesBindPartner(store),
                () -> store.getClass().getName() + " keeps the default bindPartner, which does not check");
        store.bindPartner("ESET-P-1");
        store.bindPartner("ESET-P-1");

        assertThatThrownBy(() -> store.bindPartner("ESET-P-2")).isInstanceOf(PartnerMismatchException.class);
        assertThatThrownBy(() -> openAgain().bindPartner("ESET-P-2")).isInstanceOf(PartnerMismatchException.class);
        openAgain().bindPartner("ESET-P-1");
    }

    /**
     * Pages of different licenses stored from several threads at once are all kept, each license counted once. The
     * store has a cursor already, so this races the pages only (first writes race in
     * {@link #storesOfOneResellerWriteTheirFirstPageAtOnce}).
     */
    @Test
    public void pagesStoredFromSeveralThreadsAreAllKept() throws Exception {
        store.storePage(List.of(), FIRST_PAGE);
        int threads = 4;
        int pagesPerThread = 5;
        int pageSize = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> added = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                added.add(pool.submit(() -> {
                    start.await();
                    int sum = 0;
                    for (int p = 0; p < pagesPerThread; p++) {
                        int from = (thread * pagesPerThread + p) * pageSize;
                        sum += store.storePage(licenses(from, from + pageSize), FIRST_PAGE)
                                .added();
                        assertThat(store.count()).isGreaterThanOrEqualTo(sum);
                    }
                    return sum;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> future : added) {
                total += future.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(threads * pagesPerThread * pageSize);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.count()).isEqualTo(threads * pagesPerThread * pageSize);
        List<License> seen = new ArrayList<>();
        store.forEach(seen::add);
        assertThat(ids(seen)).doesNotHaveDuplicates().hasSize(threads * pagesPerThread * pageSize);
    }

    /**
     * Stores of one reseller on one storage (instances of the marketplace) that sync at once all bind the partner and
     * write the first page and its cursor, the first writes of the reseller's rows: all succeed, each license is kept
     * once and counted added once, and the cursor is one of theirs. {@value #RACERS} stores race
     * {@value #RACE_ROUNDS} times, each time on fresh storage, each step started at the same instant, to make the
     * collision likely.
     *
     * @param samePage true when all list the same licenses (every shop reads the same ESET account), false when
     *     their pages differ, so only the cursor and the binding collide
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    public void storesOfOneResellerWriteTheirFirstPageAtOnce(boolean samePage) throws Exception {
        List<List<License>> pages = new ArrayList<>();
        List<SyncCursor> cursors = new ArrayList<>();
        for (int racer = 0; racer < RACERS; racer++) {
            // one license each when only the cursor collides: the shorter the page, the sooner its cursor write
            pages.add(samePage ? licenses(0, 20) : licenses(racer, racer + 1));
            cursors.add(nextPage(samePage ? 20 : racer + 1));
        }
        int distinct = samePage ? 20 : RACERS;
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < RACE_ROUNDS; round++) {
                List<LicenseStore> stores = new ArrayList<>();
                stores.add(round == 0 ? store : newStore());
                while (stores.size() < RACERS) {
                    stores.add(openAgain());
                }
                AtomicInteger boundArrived = new AtomicInteger();
                AtomicInteger storeArrived = new AtomicInteger();
                List<Future<PageOutcome>> syncs = new ArrayList<>();
                for (int racer = 0; racer < RACERS; racer++) {
                    LicenseStore racing = stores.get(racer);
                    List<License> page = pages.get(racer);
                    SyncCursor cursor = cursors.get(racer);
                    syncs.add(pool.submit(() -> {
                        startTogether(boundArrived);
                        try {
                            racing.bindPartner("ESET-P-1");
                        } finally {
                            // a racer that failed still arrives, so the others are not left spinning
                            startTogether(storeArrived);
                        }
                        return racing.storePage(page, cursor);
                    }));
                }
                int added = 0;
                for (int racer = 0; racer < RACERS; racer++) {
                    PageOutcome outcome = syncs.get(racer).get(60, TimeUnit.SECONDS);
                    assertThat(outcome.added() + outcome.changed() + outcome.unchanged())
                            .isEqualTo(pages.get(racer).size());
                    added += outcome.added();
                }

                assertThat(added).as("licenses added in round %s", round).isEqualTo(distinct);
                for (LicenseStore racing : stores) {
                    assertThat(racing.count()).isEqualTo(distinct);
                    assertThat(racing.cursor().orElseThrow()).isIn(cursors);
                }
                if (overridesBindPartner(store)) {
                    assertThatThrownBy(() -> stores.get(RACERS - 1).bindPartner("ESET-P-2"))
                            .isInstanceOf(PartnerMismatchException.class);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Returns once all {@value #RACERS} racers arrived, all at the same moment: a barrier wakes its waiters one after
     * the other, tens of microseconds apart, longer than an embedded database needs for a whole first write, while
     * spinning racers (one per core) all see the last arrival at once.
     */
    private static void startTogether(AtomicInteger arrived) throws InterruptedException {
        arrived.incrementAndGet();
        while (arrived.get() < RACERS) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the other racers did not arrive");
            }
            Thread.onSpinWait();
        }
    }

    private static boolean overridesBindPartner(LicenseStore store) {
        try {
            return store.getClass().getMethod("bindPartner", String.class).getDeclaringClass() != LicenseStore.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("LicenseStore has bindPartner(String)", e);
        }
    }

    /** The first page's cursor with another skip. */
    private static SyncCursor nextPage(int skip) {
        return SyncCursor.builder().from(FIRST_PAGE).nextSkip(skip).build();
    }

    private List<License> byText(String text) {
        return store.query(LicenseQuery.builder().customerText(text).build());
    }

    /** The license as a store that keeps instants to the microsecond holds it. */
    private static License toMicros(License license) {
        return License.builder()
                .from(license)
                .modified(license.modified().truncatedTo(ChronoUnit.MICROS))
                .build();
    }

    private static License customer(License license, String org, String first, String last, String email) {
        EndCustomer customer = EndCustomer.builder()
                .organization(org)
                .firstName(first)
                .lastName(last)
                .email(email)
                .build();
        return License.builder().from(license).customer(customer).build();
    }

    private static List<License> sorted(List<License> all, Predicate<License> filter) {
        return all.stream().filter(filter).sorted(BY_EXPIRY_THEN_ID).collect(Collectors.toList());
    }

    private static List<LicenseId> ids(List<License> licenses) {
        return licenses.stream().map(License::id).collect(Collectors.toList());
    }
}
