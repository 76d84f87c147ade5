package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static dev.esetshop.sdk.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;
import dev.esetshop.sdk.memory.InMemoryReminderJournal;
import dev.esetshop.sdk.remind.ReminderJournal;
import dev.esetshop.sdk.remind.ReminderReport;
import dev.esetshop.sdk.remind.RemindersDue;
import dev.esetshop.sdk.remind.RenewalReminder;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which licenses are due for a renewal reminder, with which quote, and their once-only delivery to listeners. */
class EsetShopRemindersTest {

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final InMemoryLicenseStore store = new InMemoryLicenseStore();
    private final InMemoryReminderJournal journal = new InMemoryReminderJournal();
    private final List<List<RenewalReminder>> rounds = new ArrayList<>();

    private EsetShop.Builder shop() {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .licenseStore(store)
                .reminderJournal(journal)
                .owner("shop-a")
                .addRenewalReminderListener(rounds::add);
    }

    private void book(License... licenses) {
        store.storePage(
                List.of(licenses),
                SyncCursor.builder().nextSkip(0).inProgress(false).build());
    }

    private static License expiringIn(String id, int days) {
        return Fixtures.license(id, "AV", 8, TODAY.plusDays(days), false, NOW);
    }

    @Test
    void aLicenseIsDueInTheSmallestWindowItsExpiryFallsWithinAndTrialsExpiredAndLaterOnesAreNot() {
        book(
                expiringIn("IN-90", 90),
                expiringIn("IN-61", 61),
                expiringIn("IN-60", 60),
                expiringIn("IN-30", 30),
                expiringIn("IN-8", 8),
                expiringIn("IN-7", 7),
                expiringIn("TODAY", 0),
                expiringIn("LATER", 91),
                expiringIn("EXPIRED", -1),
                Fixtures.license("TRIAL", "AV", 8, TODAY.plusDays(10), true, NOW));

        RemindersDue due = shop().build().dueReminders();

        assertThat(due.reminders())
                .extracting(r -> r.licenseId().value() + "@" + r.window())
                .containsExactly("TODAY@7", "IN-7@7", "IN-8@30", "IN-30@30", "IN-60@60", "IN-61@90", "IN-90@90");
        assertThat(due.reminders()).extracting(RenewalReminder::daysLeft).containsExactly(0, 7, 8, 30, 60, 61, 90);
        assertThat(due.notQuoted()).isEmpty();
    }

    @Test
    void eachReminderCarriesTheRenewalQuoteForTheSameSeatsAndOneYearAtTodaysMargin() {
        License license = expiringIn("LIC-1", 20);
        book(license);
        EsetShop shop = shop().build();

        RenewalReminder reminder = shop.dueReminders().reminders().get(0);

        QuoteResult expected = shop.quote(RenewalRequest.builder()
                .license(CurrentLicense.of(license))
                .seats(8)
                .years(1)
                .build());
        assertThat(reminder.quote()).isEqualTo(((QuoteResult.Accepted) expected).quote());
        assertThat(reminder.seats()).isEqualTo(8);
        assertThat(reminder.quote().yourPrice().amount()).isPositive();
        assertThat(reminder.eventId())
                .isEqualTo(RenewalReminder.eventIdFor(LicenseId.of("LIC-1"), TODAY.plusDays(20), 30));
    }

    @Test
    void aLicenseWhoseRenewalCannotBeQuotedIsReportedAndTheOthersAreStillReminded() {
        book(Fixtures.license("GONE-1", "GONE", 8, TODAY.plusDays(5), false, NOW), expiringIn("LIC-1", 5));
        EsetShop shop = shop().build();

        ReminderReport report = shop.deliverReminders();

        assertThat(report.notQuoted()).singleElement().satisfies(notQuoted -> {
            assertThat(notQuoted.licenseId()).isEqualTo(LicenseId.of("GONE-1"));
            assertThat(notQuoted.violations()).extracting(v -> v.code()).contains(ViolationCode.UNKNOWN_PRODUCT);
        });
        assertThat(report.delivered()).isEqualTo(1);
        assertThat(rounds)
                .singleElement()
                .satisfies(round ->
                        assertThat(round).extracting(r -> r.licenseId().value()).containsExactly("LIC-1"));
    }

    @Test
    void theWindowsAreConfigurable() {
        book(expiringIn("IN-14", 14), expiringIn("IN-20", 20));

        RemindersDue due = shop().reminderWindows(List.of(14, 3)).build().dueReminders();

        assertThat(due.reminders())
                .extracting(r -> r.licenseId().value() + "@" + r.window())
                .containsExactly("IN-14@14");
        assertThat(EsetShop.DEFAULT_REMINDER_WINDOWS).containsExactly(7, 30, 60, 90);
        assertThatThrownBy(() -> shop().reminderWindows(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shop().reminderWindows(List.of(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shop().reminderWindows(List.of(7, 7))).hasMessageContaining("7 is given twice");
    }

    @Test
    void withinLimitsTheDueRemindersToLicensesExpiringSoonerThanThat() {
        book(expiringIn("IN-5", 5), expiringIn("IN-40", 40));

        assertThat(shop().build().dueReminders(10).reminders())
                .extracting(r -> r.licenseId().value())
                .containsExactly("IN-5");
    }

    @Test
    void aReminderIsDeliveredOncePerLicenseAndWindowInOneCallWhateverTheNumberOfRounds() {
        book(expiringIn("LIC-1", 50), expiringIn("LIC-2", 6));
        EsetShop shop = shop().build();

        ReminderReport first = shop.deliverReminders();
        ReminderReport second = shop.deliverReminders();

        assertThat(first)
                .extracting(ReminderReport::due, ReminderReport::delivered, ReminderReport::deliveredBefore)
                .containsExactly(2, 2, 0);
        assertThat(second)
                .extracting(ReminderReport::due, ReminderReport::delivered, ReminderReport::deliveredBefore)
                .containsExactly(2, 0, 2);
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0)).extracting(r -> r.licenseId().value()).containsExactly("LIC-2", "LIC-1");

        // 20 days later LIC-1 enters the 30-day window: one new reminder, LIC-2 has expired
        clock.advance(Duration.ofDays(20));
        ReminderReport later = shop.deliverReminders();
        assertThat(later.delivered()).isEqualTo(1);
        assertThat(rounds.get(1))
                .extracting(r -> r.licenseId().value() + "@" + r.window())
                .containsExactly("LIC-1@30");
    }

    @Test
    void aListenerThatThrowsGetsTheSameRemindersAgainOnTheNextRoundWithTheSameEventIds() {
        book(expiringIn("LIC-1", 25), expiringIn("LIC-2", 3));
        AtomicInteger failures = new AtomicInteger(1);
        List<List<String>> seen = new ArrayList<>();
        EsetShop shop = shop().addRenewalReminderListener(reminders -> {
                    seen.add(reminders.stream().map(RenewalReminder::eventId).toList());
                    if (failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("mail server down");
                    }
                })
                .build();

        ReminderReport failed = shop.deliverReminders();
        ReminderReport retried = shop.deliverReminders();
        ReminderReport after = shop.deliverReminders();

        assertThat(failed)
                .extracting(ReminderReport::delivered, ReminderReport::failed)
                .containsExactly(0, 2);
        assertThat(retried)
                .extracting(ReminderReport::delivered, ReminderReport::failed)
                .containsExactly(2, 0);
        assertThat(after.delivered()).isZero();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        // the first listener returned both times: at least once, de-duplicated by event id
        assertThat(rounds).hasSize(2);
    }

    @Test
    void aLicenseRenewedSinceItBecameDueIsNotReminded() {
        book(expiringIn("LIC-1", 10));
        EsetShop shop = shop().build();
        RemindersDue due = shop.dueReminders();
        assertThat(due.reminders()).hasSize(1);

        // renewed (the sync brings the new expiry) before the reminder went out
        book(expiringIn("LIC-1", 375));

        assertThat(shop.deliverReminders().due()).isZero();
        assertThat(rounds).isEmpty();
    }

    @Test
    void aLicenseRenewedWhileTheRoundRunsIsNotRemindedAndItsReminderStaysFree() {
        book(expiringIn("LIC-1", 10));
        ReminderJournal renewingMeanwhile = new ReminderJournal() {
            @Override
            public java.util.Set<String> delivered(java.util.Collection<String> eventIds) {
                return journal.delivered(eventIds);
            }

            @Override
            public Claim claim(
                    String eventId,
                    LicenseId licenseId,
                    LocalDate expires,
                    int window,
                    String owner,
                    java.time.Instant now,
                    Duration lease) {
                // another thread's renewal lands between the round's read of the book and its claim
                book(expiringIn("LIC-1", 375));
                return journal.claim(eventId, licenseId, expires, window, owner, now, lease);
            }

            @Override
            public boolean markDelivered(String eventId, String owner, java.time.Instant at) {
                return journal.markDelivered(eventId, owner, at);
            }

            @Override
            public void release(String eventId, String owner) {
                journal.release(eventId, owner);
            }
        };

        ReminderReport report =
                shop().reminderJournal(renewingMeanwhile).build().deliverReminders();

        assertThat(report.delivered()).isZero();
        assertThat(rounds).isEmpty();
        String eventId = RenewalReminder.eventIdFor(LicenseId.of("LIC-1"), TODAY.plusDays(10), 30);
        assertThat(journal.claim(
                        eventId, LicenseId.of("LIC-1"), TODAY.plusDays(10), 30, "shop-b", NOW, Duration.ofMinutes(1)))
                .isEqualTo(ReminderJournal.Claim.CLAIMED);
    }

    @Test
    void aShopWhoseClaimIsLiveKeepsAnotherShopOutUntilItLapses() {
        book(expiringIn("LIC-1", 10));
        RenewalReminder reminder = shop().build().dueReminders().reminders().get(0);
        // shop-b claimed it and stopped before it delivered
        assertThat(journal.claim(
                        reminder.eventId(),
                        reminder.licenseId(),
                        reminder.expires(),
                        reminder.window(),
                        "shop-b",
                        NOW,
                        Duration.ofMinutes(2)))
                .isEqualTo(dev.esetshop.sdk.remind.ReminderJournal.Claim.CLAIMED);
        EsetShop shop = shop().build();

        assertThat(shop.deliverReminders().heldElsewhere()).isEqualTo(1);
        assertThat(rounds).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(shop.deliverReminders().delivered()).isEqualTo(1);
        assertThat(rounds)
                .singleElement()
                .satisfies(round ->
                        assertThat(round).extracting(RenewalReminder::eventId).containsExactly(reminder.eventId()));
    }

    @Test
    void aShopWithNothingDueCallsNeitherTheListenersNorEset() {
        book(expiringIn("LATER", 200));
        int before = eset.partnerStatusCalls.get();

        assertThat(shop().build().deliverReminders()).isEqualTo(new ReminderReport(0, 0, 0, 0, 0, List.of()));
        assertThat(rounds).isEmpty();
        assertThat(eset.partnerStatusCalls.get()).isEqualTo(before);
    }

    @Test
    void aShopWithoutAReminderListenerRefusesTheRoundAndRecordsNothingDelivered() {
        book(expiringIn("SOON", 20));
        EsetShop withoutListener = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .licenseStore(store)
                .reminderJournal(journal)
                .owner("shop-a")
                .build();
        List<String> due = withoutListener.dueReminders().reminders().stream()
                .map(RenewalReminder::eventId)
                .toList();
        assertThat(due).hasSize(1);

        assertThatThrownBy(withoutListener::deliverReminders)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("addRenewalReminderListener");
        assertThat(journal.delivered(due)).isEmpty();
        assertThat(shop().build().deliverReminders().delivered()).isEqualTo(1);
    }
}
