package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static dev.esetshop.sdk.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.License;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcReminderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.jdbc.TestDatabases;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.remind.ReminderReport;
import dev.esetshop.sdk.remind.RenewalReminder;
import dev.esetshop.testkit.TestClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Renewal reminders on a database that several instances share: two shops (two processes' worth of adapters, nothing
 * shared but the database) running rounds at once deliver each reminder once; a restarted shop sends nothing again;
 * a listener that failed gets the same reminders again. On H2 here, on PostgreSQL in the subclass.
 */
class RemindersAcrossInstancesTest {

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final DataSource database = newDatabase();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    DataSource newDatabase() {
        return TestDatabases.h2("reminders");
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private EsetShop instance(String owner, List<RenewalReminder> delivered) {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .reminderJournal(JdbcReminderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner(owner)
                .addRenewalReminderListener(delivered::addAll)
                .build();
    }

    private void book(List<License> licenses) {
        LicenseStore store = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
        store.storePage(
                licenses,
                store.cursor()
                        .orElseGet(() -> SyncCursor.builder()
                                .nextSkip(0)
                                .inProgress(false)
                                .build()));
    }

    private static List<License> licenses(int round, int count) {
        List<License> licenses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            licenses.add(Fixtures.license("R" + round + "-" + i, "AV", 5 + i % 20, TODAY.plusDays(i % 91), false, NOW));
        }
        return licenses;
    }

    @Test
    void twoInstancesRunningRoundsAtOnceDeliverEachReminderOnce() throws Exception {
        List<RenewalReminder> deliveredByA = Collections.synchronizedList(new ArrayList<>());
        List<RenewalReminder> deliveredByB = Collections.synchronizedList(new ArrayList<>());
        EsetShop a = instance("instance-a", deliveredByA);
        EsetShop b = instance("instance-b", deliveredByB);
        int rounds = 12;
        int perRound = 25;
        CyclicBarrier barrier = new CyclicBarrier(2);
        AtomicInteger deliveredInReports = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            book(licenses(round, perRound));
            List<Future<ReminderReport>> both = new ArrayList<>();
            for (EsetShop shop : List.of(a, b)) {
                both.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return shop.deliverReminders();
                }));
            }
            for (Future<ReminderReport> report : both) {
                deliveredInReports.addAndGet(report.get(30, TimeUnit.SECONDS).delivered());
            }
        }

        Map<String, Integer> times = new ConcurrentHashMap<>();
        for (RenewalReminder reminder : concat(deliveredByA, deliveredByB)) {
            times.merge(reminder.eventId(), 1, Integer::sum);
        }
        assertThat(times).hasSize(rounds * perRound);
        assertThat(times.values()).containsOnly(1);
        assertThat(deliveredInReports).hasValue(rounds * perRound);
        assertThat(a.deliverReminders().deliveredBefore()).isEqualTo(rounds * perRound);
    }

    @Test
    void aRestartedInstanceSendsNothingAgain() {
        book(licenses(0, 30));
        List<RenewalReminder> first = new ArrayList<>();
        assertThat(instance("instance-a", first).deliverReminders().delivered()).isEqualTo(30);

        List<RenewalReminder> afterRestart = new ArrayList<>();
        ReminderReport report = instance("instance-a", afterRestart).deliverReminders();

        assertThat(report)
                .extracting(ReminderReport::due, ReminderReport::delivered, ReminderReport::deliveredBefore)
                .containsExactly(30, 0, 30);
        assertThat(afterRestart).isEmpty();
    }

    @Test
    void aListenerThatFailedGetsTheSameRemindersFromTheNextRoundOfAnyInstance() {
        book(licenses(0, 4));
        List<RenewalReminder> failedOnce = new ArrayList<>();
        EsetShop failing = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .reminderJournal(JdbcReminderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner("instance-a")
                .addRenewalReminderListener(reminders -> {
                    failedOnce.addAll(reminders);
                    throw new IllegalStateException("SMTP refused");
                })
                .build();
        assertThat(failing.deliverReminders().failed()).isEqualTo(4);

        List<RenewalReminder> redelivered = new ArrayList<>();
        assertThat(instance("instance-b", redelivered).deliverReminders().delivered())
                .isEqualTo(4);

        assertThat(redelivered)
                .extracting(RenewalReminder::eventId)
                .containsExactlyElementsOf(
                        failedOnce.stream().map(RenewalReminder::eventId).toList());
    }

    private static List<RenewalReminder> concat(List<RenewalReminder> one, List<RenewalReminder> two) {
        List<RenewalReminder> all = new ArrayList<>(one);
        all.addAll(two);
        return all;
    }
}
