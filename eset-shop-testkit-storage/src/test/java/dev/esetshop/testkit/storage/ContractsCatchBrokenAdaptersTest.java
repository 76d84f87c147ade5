package dev.esetshop.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;
import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.sdk.memory.InMemoryReminderJournal;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.sdk.remind.ReminderJournal;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.ForwardingPartnerApi;
import dev.esetshop.testkit.TestClock;
import dev.esetshop.testkit.contract.EsetPartnerApiContract;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The contracts find what they promise to: each runs on an adapter broken in one way, in a launcher of its own, and
 * the case that guards that rule fails. (The broken adapters are nested classes, which the build's test run leaves
 * out.)
 */
class ContractsCatchBrokenAdaptersTest {

    @Test
    void aJournalWithoutFencingFailsTheJournalContract() {
        assertThat(failedCases(UnfencedJournalTest.class)).contains("onlyTheHolderOfTheClaimSettlesAnEntry");
    }

    @Test
    void aJournalThatListsPendingEntriesNewestFirstFailsTheJournalContract() {
        assertThat(failedCases(NewestFirstJournalTest.class))
                .containsExactly("pendingListsOnlyUnsettledEntriesOldestFirst");
    }

    @Test
    void aJournalWhoseHistoryIgnoresTheOperationFailsTheJournalContract() {
        assertThat(failedCases(OperationBlindJournalTest.class))
                .containsExactly("pagesComeNewestFirstFilteredByStateAndOperationWithoutOverlap");
    }

    @Test
    void aJournalWhoseClaimsOutliveTheirClaimedUntilFailsTheJournalContract() {
        assertThat(failedCases(LateLapseJournalTest.class)).containsExactly("aClaimLapsesExactlyAtItsClaimedUntil");
    }

    @Test
    void aJournalThatForgetsThatAnEntryNeedsAttentionFailsTheJournalContract() {
        assertThat(failedCases(ForgetfulAttentionJournalTest.class))
                .containsExactly("anEntryMarkedAsNeedingAttentionStaysPendingAndIsNeverClaimedAgain");
    }

    @Test
    void aJournalThatTakesAnyLeaseFailsTheJournalContract() {
        assertThat(failedCases(AnyLeaseJournalTest.class)).containsExactly("aLeaseThatIsNotPositiveIsRefused");
    }

    @Test
    void aReminderJournalThatForgetsDeliveriesFailsTheReminderContract() {
        assertThat(failedCases(ForgetfulReminderJournalTest.class)).contains("aDeliveredReminderIsNeverClaimedAgain");
    }

    @Test
    void aReminderJournalThatIgnoresLiveClaimsFailsTheReminderContract() {
        assertThat(failedCases(UnleasedReminderJournalTest.class))
                .contains("aLiveClaimKeepsEveryOwnerOutUntilItLapses", "journalsRacingForTheSameRemindersNeverBothWin");
    }

    @Test
    void aStoreThatPrintsItsLicensesFailsTheStoreContract() {
        assertThat(failedCases(ChattyStoreTest.class)).containsExactly("toStringShowsNoLicenseKey");
    }

    @Test
    void aStoreThatForgetsOrderNumbersFailsTheStoreContract() {
        assertThat(failedCases(ForgetfulStoreTest.class)).contains("aSyncNeverForgetsAnOrderNumber");
    }

    @Test
    void aPartnerApiThatOrdersUnderAFreshKeyFailsThePartnerApiContract() {
        assertThat(failedCases(FreshKeyPartnerApiTest.class)).contains("aNewLicenseOrderIsIdempotentByKey");
    }

    @Test
    void aPartnerApiThatConvertsATrialUnderAFreshKeyFailsThePartnerApiContract() {
        assertThat(failedCases(FreshKeyConversionPartnerApiTest.class))
                .containsExactly("aTrialConversionIsIdempotentByKey");
    }

    /** The names of the test methods of {@code contractTest} that failed. */
    private static List<String> failedCases(Class<?> contractTest) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(contractTest))
                                .build(),
                        listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsStartedCount())
                .as("cases run on %s", contractTest.getSimpleName())
                .isPositive();
        return summary.getFailures().stream()
                .map(failure ->
                        failure.getTestIdentifier().getLegacyReportingName().replaceAll("\\(.*", ""))
                .toList();
    }

    /** The journal contract on an in-memory journal broken one way, one journal per test that every shop shares. */
    abstract static class BrokenJournalTest extends OrderJournalContract {
        private OrderJournal journal;

        /** The journal, broken. */
        abstract OrderJournal broken(InMemoryOrderJournal real);

        @Override
        protected OrderJournal newJournal() {
            journal = broken(new InMemoryOrderJournal());
            return journal;
        }

        @Override
        protected OrderJournal openAgain() {
            return journal;
        }
    }

    /** Settles and marks delivered as whoever holds the claim, whatever owner the caller says it is. */
    static class UnfencedJournalTest extends BrokenJournalTest {
        @Override
        OrderJournal broken(InMemoryOrderJournal real) {
            return new ForwardingJournal(real) {
                @Override
                public boolean confirm(
                        IdempotencyKey key,
                        String owner,
                        String orderNumber,
                        LicenseId licenseId,
                        Instant at,
                        Duration deliveryLease) {
                    return super.confirm(key, holder(key, owner), orderNumber, licenseId, at, deliveryLease);
                }

                @Override
                public boolean reject(IdempotencyKey key, String owner, String reason, Instant at) {
                    return super.reject(key, holder(key, owner), reason, at);
                }

                @Override
                public boolean markDelivered(IdempotencyKey key, String owner, Instant at) {
                    return super.markDelivered(key, holder(key, owner), at);
                }

                private String holder(IdempotencyKey key, String owner) {
                    return find(key).flatMap(JournalEntry::claimedBy).orElse(owner);
                }
            };
        }
    }

    /** Lists the pending entries newest first. */
    static class NewestFirstJournalTest extends BrokenJournalTest {
        @Override
        OrderJournal broken(InMemoryOrderJournal real) {
            return new ForwardingJournal(real) {
                @Override
                public List<JournalEntry> pending() {
                    List<JournalEntry> entries = new ArrayList<>(super.pending());
                    java.util.Collections.reverse(entries);
                    return entries;
                }
            };
        }
    }

    /** Pages the history by state only: an order of another operation shows under the operation's filter. */
    static class OperationBlindJournalTest extends BrokenJournalTest {
        @Override
        OrderJournal broken(InMemoryOrderJournal real) {
            return new ForwardingJournal(real) {
                @Override
                public List<JournalEntry> page(OrderHistoryQuery query) {
                    OrderHistoryQuery.Builder stateOnly =
                            OrderHistoryQuery.builder().page(query.page()).size(query.size());
                    query.state().ifPresent(stateOnly::state);
                    return super.page(stateOnly.build());
                }
            };
        }
    }

    /** Keeps another owner's claim live at its {@code claimedUntil} too, lapsed only after it. */
    static class LateLapseJournalTest extends BrokenJournalTest {
        @Override
        OrderJournal broken(InMemoryOrderJournal real) {
            return new ForwardingJournal(real) {
                @Override
                public Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease) {
                    boolean othersEndingNow = find(key)
                            .filter(entry -> entry.claimedBy()
                                    .filter(holder -> !holder.equals(owner))
                                    .isPresent())
                            .flatMap(JournalEntry::claimedUntil)
                            .filter(now::equals)
                            .isPresent();
                    return othersEndingNow ? Optional.empty() : super.claim(key, owner, now, lease);
                }
            };
        }
    }

    /** Answers a mark as needing attention by releasing the claim only: the entry is sent again by the next claim. */
    static class ForgetfulAttentionJournalTest extends BrokenJournalTest {
        @Override
        OrderJournal broken(InMemoryOrderJournal real) {
            return new ForwardingJournal(real) {
                @Override
                public boolean markNeedsAttention(IdempotencyKey key, String owner, String reason, Instant at) {
                    boolean held = find(key)
                            .flatMap(JournalEntry::claimedBy)
                            .filter(owner::equals)
                            .isPresent();
                    super.release(key, owner);
                    return held;
                }
            };
        }
    }

    /** Takes a zero or negative lease as a second's, for a claim and for a confirmation's delivery. */
    static class AnyLeaseJournalTest extends BrokenJournalTest {
        @Override
        OrderJournal broken(InMemoryOrderJournal real) {
            return new ForwardingJournal(real) {
                @Override
                public Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease) {
                    return super.claim(key, owner, now, atLeastASecond(lease));
                }

                @Override
                public boolean confirm(
                        IdempotencyKey key,
                        String owner,
                        String orderNumber,
                        LicenseId licenseId,
                        Instant at,
                        Duration deliveryLease) {
                    return super.confirm(key, owner, orderNumber, licenseId, at, atLeastASecond(deliveryLease));
                }

                private Duration atLeastASecond(Duration lease) {
                    return lease.isNegative() || lease.isZero() ? Duration.ofSeconds(1) : lease;
                }
            };
        }
    }

    /** Forgets that a reminder was delivered: every later round would send it again. */
    static class ForgetfulReminderJournalTest extends ReminderJournalContract {
        private ReminderJournal journal;

        @Override
        protected ReminderJournal newJournal() {
            journal = new ForwardingReminderJournal(new InMemoryReminderJournal()) {
                @Override
                public Set<String> delivered(Collection<String> eventIds) {
                    return Set.of();
                }

                @Override
                public Claim claim(
                        String eventId,
                        LicenseId licenseId,
                        LocalDate expires,
                        int window,
                        String owner,
                        Instant now,
                        Duration lease) {
                    Claim claim = super.claim(eventId, licenseId, expires, window, owner, now, lease);
                    return claim == Claim.DELIVERED_BEFORE ? Claim.CLAIMED : claim;
                }
            };
            return journal;
        }

        @Override
        protected ReminderJournal openAgain() {
            return journal;
        }
    }

    /** Lets any owner claim a reminder another owner is delivering: two instances would both send it. */
    static class UnleasedReminderJournalTest extends ReminderJournalContract {
        private ReminderJournal journal;

        @Override
        protected ReminderJournal newJournal() {
            journal = new ForwardingReminderJournal(new InMemoryReminderJournal()) {
                @Override
                public Claim claim(
                        String eventId,
                        LicenseId licenseId,
                        LocalDate expires,
                        int window,
                        String owner,
                        Instant now,
                        Duration lease) {
                    Claim claim = super.claim(eventId, licenseId, expires, window, owner, now, lease);
                    return claim == Claim.HELD_ELSEWHERE ? Claim.CLAIMED : claim;
                }
            };
            return journal;
        }

        @Override
        protected ReminderJournal openAgain() {
            return journal;
        }
    }

    /** Prints every license it holds, keys included, in {@code toString()}. */
    static class ChattyStoreTest extends LicenseStoreContract {
        private LicenseStore store;

        @Override
        protected LicenseStore newStore() {
            InMemoryLicenseStore real = new InMemoryLicenseStore();
            store = new ForwardingStore(real) {
                @Override
                public String toString() {
                    StringBuilder text = new StringBuilder("Store[");
                    real.forEach(license ->
                            text.append(license.licenseKey().reveal()).append(' '));
                    return text.append(']').toString();
                }
            };
            return store;
        }

        @Override
        protected LicenseStore openAgain() {
            return store;
        }
    }

    /** Loses the order numbers of the licenses it holds. */
    static class ForgetfulStoreTest extends LicenseStoreContract {
        private LicenseStore store;

        @Override
        protected LicenseStore newStore() {
            store = new ForwardingStore(new InMemoryLicenseStore()) {
                @Override
                public Optional<License> find(LicenseId id) {
                    return super.find(id).map(ForgetfulStoreTest::withoutOrderNumber);
                }
            };
            return store;
        }

        @Override
        protected LicenseStore openAgain() {
            return store;
        }

        /** Every value of the license but its order number. */
        private static License withoutOrderNumber(License license) {
            License.Builder copy = License.builder()
                    .id(license.id())
                    .licenseKey(license.licenseKey())
                    .productCode(license.productCode())
                    .productName(license.productName())
                    .seats(license.seats())
                    .usedSeats(license.usedSeats())
                    .state(license.state())
                    .trial(license.trial())
                    .issued(license.issued())
                    .expires(license.expires())
                    .modified(license.modified())
                    .customer(license.customer());
            license.discount().ifPresent(copy::discount);
            return copy.build();
        }
    }

    /** Sends every order under a fresh key, so a repeated order is a second license. */
    static class FreshKeyPartnerApiTest extends EsetPartnerApiContract {
        @Override
        protected EsetPartnerApi newPartnerApi(EsetSandbox sandbox, TestClock clock) {
            return new ForwardingPartnerApi(sandboxClient(sandbox, clock)) {
                @Override
                public OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
                    return super.order(
                            order, IdempotencyKey.of(UUID.randomUUID().toString()));
                }
            };
        }
    }

    /** Converts a trial under a key of its own: a resend converts (and is charged) again. */
    static class FreshKeyConversionPartnerApiTest extends EsetPartnerApiContract {
        @Override
        protected EsetPartnerApi newPartnerApi(EsetSandbox sandbox, TestClock clock) {
            return new ForwardingPartnerApi(sandboxClient(sandbox, clock)) {
                @Override
                public OrderReceipt convertTrial(TrialConversionOrder order, IdempotencyKey key) {
                    return super.convertTrial(
                            order, IdempotencyKey.of(UUID.randomUUID().toString()));
                }
            };
        }
    }

    /** An order journal that passes every call on. */
    private static class ForwardingJournal implements OrderJournal {
        private final OrderJournal delegate;

        ForwardingJournal(OrderJournal delegate) {
            this.delegate = delegate;
        }

        @Override
        public void recordPending(JournalEntry entry) {
            delegate.recordPending(entry);
        }

        @Override
        public Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease) {
            return delegate.claim(key, owner, now, lease);
        }

        @Override
        public void release(IdempotencyKey key, String owner) {
            delegate.release(key, owner);
        }

        @Override
        public boolean confirm(
                IdempotencyKey key,
                String owner,
                String orderNumber,
                LicenseId licenseId,
                Instant at,
                Duration deliveryLease) {
            return delegate.confirm(key, owner, orderNumber, licenseId, at, deliveryLease);
        }

        @Override
        public boolean reject(IdempotencyKey key, String owner, String reason, Instant at) {
            return delegate.reject(key, owner, reason, at);
        }

        @Override
        public Optional<JournalEntry> find(IdempotencyKey key) {
            return delegate.find(key);
        }

        @Override
        public List<JournalEntry> pending() {
            return delegate.pending();
        }

        @Override
        public boolean markDelivered(IdempotencyKey key, String owner, Instant at) {
            return delegate.markDelivered(key, owner, at);
        }

        @Override
        public boolean markNeedsAttention(IdempotencyKey key, String owner, String reason, Instant at) {
            return delegate.markNeedsAttention(key, owner, reason, at);
        }

        @Override
        public List<JournalEntry> undelivered() {
            return delegate.undelivered();
        }

        @Override
        public List<IdempotencyKey> unreadable() {
            return delegate.unreadable();
        }

        @Override
        public List<JournalEntry> latest(int limit) {
            return delegate.latest(limit);
        }

        @Override
        public List<JournalEntry> latest(JournalEntry.State state, int limit) {
            return delegate.latest(state, limit);
        }

        @Override
        public List<JournalEntry> page(OrderHistoryQuery query) {
            return delegate.page(query);
        }

        @Override
        public void bindPartner(String partnerId) {
            delegate.bindPartner(partnerId);
        }
    }

    /** A license store that passes every call on. */
    private static class ForwardingStore implements LicenseStore {
        private final LicenseStore delegate;

        ForwardingStore(LicenseStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public PageOutcome storePage(List<License> licenses, SyncCursor cursorAfterPage) {
            return delegate.storePage(licenses, cursorAfterPage);
        }

        @Override
        public Optional<License> find(LicenseId id) {
            return delegate.find(id);
        }

        @Override
        public List<License> query(LicenseQuery query) {
            return delegate.query(query);
        }

        @Override
        public void forEach(Consumer<License> action) {
            delegate.forEach(action);
        }

        @Override
        public long count() {
            return delegate.count();
        }

        @Override
        public Optional<SyncCursor> cursor() {
            return delegate.cursor();
        }

        @Override
        public void bindPartner(String partnerId) {
            delegate.bindPartner(partnerId);
        }
    }

    private static class ForwardingReminderJournal implements ReminderJournal {
        private final ReminderJournal inner;

        ForwardingReminderJournal(ReminderJournal inner) {
            this.inner = inner;
        }

        @Override
        public Set<String> delivered(Collection<String> eventIds) {
            return inner.delivered(eventIds);
        }

        @Override
        public Claim claim(
                String eventId,
                LicenseId licenseId,
                LocalDate expires,
                int window,
                String owner,
                Instant now,
                Duration lease) {
            return inner.claim(eventId, licenseId, expires, window, owner, now, lease);
        }

        @Override
        public boolean markDelivered(String eventId, String owner, Instant at) {
            return inner.markDelivered(eventId, owner, at);
        }

        @Override
        public void release(String eventId, String owner) {
            inner.release(eventId, owner);
        }

        @Override
        public void bindPartner(String partnerId) {
            inner.bindPartner(partnerId);
        }
    }
}
