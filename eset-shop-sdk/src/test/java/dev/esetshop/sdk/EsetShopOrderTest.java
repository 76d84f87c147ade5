package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static dev.esetshop.sdk.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Money;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.EsetApiException.Failure;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.TrialRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.FakeEsetApi.Fault;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.testkit.ForwardingPartnerApi;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EsetShopOrderTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    private final List<OrderConfirmed> events = new ArrayList<>();

    private EsetShop shop(String owner, String keyPrefix) {
        return shop(owner, keyPrefix, Fixtures.CATALOG);
    }

    private EsetShop shop(String owner, String keyPrefix, Catalog catalog) {
        return EsetShop.builder()
                .catalog(catalog)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .owner(owner)
                .claimLease(Duration.ofMinutes(2))
                .idempotencyKeys(Fixtures.keys(keyPrefix))
                .addConfirmationListener(events::add)
                .build();
    }

    private static NewLicenseRequest newLicense(int seats) {
        return NewLicenseRequest.builder().product("AV").seats(seats).years(1).build();
    }

    private static Quote accepted(EsetShop shop, QuoteRequest request) {
        QuoteResult result = shop.quote(request);
        assertThat(result).isInstanceOf(QuoteResult.Accepted.class);
        return ((QuoteResult.Accepted) result).quote();
    }

    @Test
    void aNewOrderIsJournaledSentConfirmedStoredAndAnnouncedOnce() {
        EsetShop shop = shop("shop-a", "a");
        Quote quote = accepted(shop, newLicense(6));

        OrderResult result = shop.order(OrderRequest.forNewLicense(quote, Fixtures.eula(), Fixtures.customer())
                .withReference("PO-4711"));

        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        OrderResult.Ordered ordered = (OrderResult.Ordered) result;
        assertThat(ordered.license().seats().count()).isEqualTo(6);
        assertThat(ordered.license().expires()).isEqualTo(TODAY.plusYears(1));
        assertThat(shop.license(ordered.license().id())).contains(ordered.license());
        assertThat(events).containsExactly(ordered.event());
        OrderConfirmed event = ordered.event();
        assertThat(event.eventId()).isEqualTo(Fixtures.eventId("a-1"));
        assertThat(event.customerReference()).contains("PO-4711");
        assertThat(event.streetPrice()).isEqualTo(quote.streetPrice());
        assertThat(event.yourPrice()).isEqualTo(quote.yourPrice());
        // the test catalog's AV-N1B5: 6 seats at 24.50 for a year; the partner's margin of 0.25 off for the reseller
        assertThat(quote.streetPrice()).isEqualTo(Money.of("147.00", EUR));
        assertThat(quote.yourPrice()).isEqualTo(Money.of("110.25", EUR));
        assertThat(event.lines()).hasSize(1);
        assertThat(event.toString()).doesNotContain("SECRET");
        JournalEntry entry = journal.find(IdempotencyKey.of("a-1")).orElseThrow();
        assertThat(entry.state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(entry.orderNumber()).contains(ordered.orderNumber());
        assertThat(entry.payload()).contains("PO-4711").doesNotContain("SECRET");
        assertThat(entry.deliveredAt()).contains(NOW);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void aShopWithoutAListenerNeverMarksAConfirmationDeliveredAndAShopWithOneDeliversItLater() {
        EsetShop deaf = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .owner("shop-deaf")
                .claimLease(Duration.ofMinutes(2))
                .idempotencyKeys(Fixtures.keys("d"))
                .build();

        OrderResult result = deaf.order(
                OrderRequest.forNewLicense(accepted(deaf, newLicense(6)), Fixtures.eula(), Fixtures.customer()));

        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        IdempotencyKey key = IdempotencyKey.of("d-1");
        assertThat(journal.find(key).orElseThrow().deliveredAt())
                .as("delivered to nobody")
                .isEmpty();
        clock.advance(Duration.ofMinutes(3));
        ReconcileReport nobodyYet = deaf.reconcile();
        assertThat(nobodyYet.undelivered()).containsExactly(key);
        assertThat(nobodyYet.redelivered()).isZero();
        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(key);

        ReconcileReport delivered = shop("shop-a", "a").reconcile();

        assertThat(delivered.redelivered()).isEqualTo(1);
        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("d-1"));
        assertThat(journal.undelivered()).isEmpty();
    }

    @Test
    void aListenerThatThrowsLeavesTheConfirmationForTheNextReconcileWhichDeliversItOnceMore() {
        int[] calls = {0};
        EsetShop shop = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .owner("shop-a")
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(event -> {
                    if (calls[0]++ == 0) {
                        throw new IllegalStateException("mail server down");
                    }
                })
                .addConfirmationListener(events::add)
                .build();

        OrderResult result = shop.order(accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        assertThat(events).containsExactly(((OrderResult.Ordered) result).event());
        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(IdempotencyKey.of("a-1"));

        clock.advance(Duration.ofSeconds(119));
        assertThat(shop.reconcile().redelivered())
                .as("within the lease the shop may still be delivering")
                .isZero();
        assertThat(calls[0]).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        ReconcileReport again = shop.reconcile();

        assertThat(again.redelivered()).isEqualTo(1);
        assertThat(again.undelivered()).isEmpty();
        assertThat(again.confirmed()).isZero();
        assertThat(calls[0]).isEqualTo(2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(events.get(0));
        assertThat(journal.find(IdempotencyKey.of("a-1")).orElseThrow().deliveredAt())
                .contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(shop.reconcile().redelivered()).isZero();
        assertThat(events).hasSize(2);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void aShopThatDiesAfterTheJournalConfirmedHasItsConfirmationDeliveredByTheNextShopOnce() {
        EsetShop first = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .owner("shop-a")
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(event -> {
                    throw new ProcessDeath();
                })
                .build();
        Quote quote = accepted(first, newLicense(7));
        assertThatThrownBy(() -> first.order(OrderRequest.forNewLicense(quote, Fixtures.eula(), Fixtures.customer())
                        .withReference("PO-9")))
                .isInstanceOf(ProcessDeath.class);
        assertThat(journal.find(IdempotencyKey.of("a-1")).orElseThrow().state())
                .isEqualTo(JournalEntry.State.CONFIRMED);

        clock.advance(Duration.ofMinutes(3));
        // a shop of its own license book: the license of the event comes from ESET
        EsetShop restarted = shop("shop-b", "b");
        restarted.reconcile(); // as a host does at start-up

        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
        OrderConfirmed event = events.get(0);
        License issued = eset.licenseDetail(event.licenseId());
        assertThat(event.licenseKey()).isEqualTo(issued.licenseKey());
        assertThat(event.seats()).isEqualTo(7);
        assertThat(event.customerReference()).contains("PO-9");
        assertThat(event.lines()).hasSize(1);
        assertThat(event.streetPrice()).isEqualTo(quote.streetPrice());
        assertThat(event.yourPrice()).isEqualTo(quote.yourPrice());
        assertThat(event.orderNumber())
                .isEqualTo(journal.find(IdempotencyKey.of("a-1"))
                        .orElseThrow()
                        .orderNumber()
                        .orElseThrow());
        assertThat(restarted.reconcile().redelivered()).isZero();
        assertThat(events).hasSize(1);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void aConfirmationWhoseLicenseCannotBeReadStaysUndeliveredAndIsReported() {
        EsetShop first = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .owner("shop-a")
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(event -> {
                    throw new ProcessDeath();
                })
                .build();
        assertThatThrownBy(() -> first.order(accepted(first, newLicense(5)), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(ProcessDeath.class);
        clock.advance(Duration.ofMinutes(3));
        ForwardingPartnerApi unavailable = new ForwardingPartnerApi(eset) {
            @Override
            public License licenseDetail(LicenseId id) {
                throw new EsetUnavailableException("ESET is in maintenance", Failure.of(503, "req-m", 1));
            }
        };

        EsetShop restarted = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(unavailable)
                .clock(clock)
                .orderJournal(journal)
                .owner("shop-b")
                .idempotencyKeys(Fixtures.keys("b"))
                .addConfirmationListener(events::add)
                .build();
        ReconcileReport report = restarted.reconcile();

        assertThat(events).isEmpty();
        assertThat(report.redelivered()).isZero();
        assertThat(report.undelivered()).containsExactly(IdempotencyKey.of("a-1"));
        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(IdempotencyKey.of("a-1"));
    }

    @Test
    void violationsRefuseTheOrderWithoutJournalOrCall() {
        EsetShop shop = shop("shop-a", "a");
        Quote quote = accepted(shop, newLicense(6));
        EndCustomer badCustomer = EndCustomer.builder()
                .from(Fixtures.customer())
                .lastName(" ")
                .email("anna@")
                .build();

        OrderResult result = shop.order(OrderDraft.builder()
                .request(quote.request())
                .customer(badCustomer)
                .reference("R".repeat(65))
                .build()
                .withQuote(quote));

        assertThat(result).isInstanceOf(OrderResult.Refused.class);
        OrderResult.Refused refused = (OrderResult.Refused) result;
        assertThat(refused.violations())
                .extracting(Violation::code, Violation::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ViolationCode.EULA_REQUIRED, "eula"),
                        org.assertj.core.groups.Tuple.tuple(ViolationCode.END_CUSTOMER_INVALID, "customer.lastName"),
                        org.assertj.core.groups.Tuple.tuple(ViolationCode.END_CUSTOMER_INVALID, "customer.email"),
                        org.assertj.core.groups.Tuple.tuple(ViolationCode.REFERENCE_TOO_LONG, "reference"));
        assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.SHOP);
        assertThat(refused.errorCode()).isEmpty();
        assertThat(refused.detail()).isEmpty();
        assertThat(shop.message(refused.violations().get(0))).isNotBlank();
        assertThat(journal.pending()).isEmpty();
        assertThat(journal.find(IdempotencyKey.of("a-1"))).isEmpty();
        assertThat(eset.orderCalls).hasValue(0);
    }

    @Test
    void oneCheckOfADraftGivesTheQuoteRulesTheEndCustomerAndTheEulaAtOnceAndOrdersNothing() {
        EsetShop shop = shop("shop-a", "a");
        EndCustomer badCustomer = EndCustomer.builder()
                .from(Fixtures.customer())
                .organization(" ")
                .email("anna@")
                .build();
        OrderDraft draft = OrderDraft.builder()
                .request(newLicense(1))
                .customer(badCustomer)
                .reference("R".repeat(65))
                .build();

        List<Violation> violations = shop.violations(draft);

        assertThat(violations)
                .extracting(Violation::code, Violation::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ViolationCode.SEATS_OUT_OF_RANGE, "seats"),
                        org.assertj.core.groups.Tuple.tuple(ViolationCode.EULA_REQUIRED, "eula"),
                        org.assertj.core.groups.Tuple.tuple(
                                ViolationCode.END_CUSTOMER_INVALID, "customer.organization"),
                        org.assertj.core.groups.Tuple.tuple(ViolationCode.END_CUSTOMER_INVALID, "customer.email"),
                        org.assertj.core.groups.Tuple.tuple(ViolationCode.REFERENCE_TOO_LONG, "reference"));
        assertThat(journal.pending()).isEmpty();
        assertThat(eset.orderCalls).hasValue(0);
    }

    @Test
    void aDraftTheCheckPassesIsOrderedAndTheOrderRefusesExactlyWhatTheCheckGives() {
        EsetShop shop = shop("shop-a", "a");
        OrderDraft incomplete = OrderDraft.builder()
                .request(newLicense(6))
                .customer(Fixtures.customer())
                .build();
        Quote quote = accepted(shop, incomplete.request());

        List<Violation> checked = shop.violations(incomplete);
        OrderResult refused = shop.order(incomplete.withQuote(quote));

        assertThat(checked).extracting(Violation::code).containsExactly(ViolationCode.EULA_REQUIRED);
        assertThat(((OrderResult.Refused) refused).violations()).isEqualTo(checked);
        assertThat(shop.violations(incomplete.withQuote(quote))).isEqualTo(checked);

        OrderDraft complete =
                OrderDraft.builder().from(incomplete).eula(Fixtures.eula()).build();
        assertThat(shop.violations(complete)).isEmpty();
        OrderRequest request = complete.withQuote(quote);
        assertThat(shop.violations(request)).isEmpty();
        assertThat(request.draft()).isEqualTo(complete);
        assertThat(shop.order(request)).isInstanceOf(OrderResult.Ordered.class);
    }

    @Test
    void aTrialNeedsTheEulaToo() {
        EsetShop shop = shop("shop-a", "a");
        Quote quote = accepted(
                shop, TrialRequest.builder().product("AV").seats(5).months(1).build());
        OrderResult result = shop.order(OrderDraft.builder()
                .request(quote.request())
                .customer(Fixtures.customer())
                .build()
                .withQuote(quote));
        assertThat(((OrderResult.Refused) result).violations())
                .extracting(Violation::code)
                .containsExactly(ViolationCode.EULA_REQUIRED);
        assertThat(shop.order(quote, Fixtures.eula(), Fixtures.customer())).isInstanceOf(OrderResult.Ordered.class);
    }

    @Test
    void aQuoteOfYesterdayOrOfAnotherCatalogIsOutdated() {
        EsetShop shop = shop("shop-a", "a");
        Quote quote = accepted(shop, newLicense(6));
        clock.advance(Duration.ofDays(1));
        assertThat(codes(shop.order(quote, Fixtures.eula(), Fixtures.customer())))
                .containsExactly(ViolationCode.QUOTE_OUTDATED);

        Quote fresh = accepted(shop, newLicense(6));
        // the distributor republished the catalog, and the host built its shop on the new one
        EsetShop republished = shop("shop-a", "a", Fixtures.republishedCatalog());
        assertThat(codes(republished.order(fresh, Fixtures.eula(), Fixtures.customer())))
                .containsExactly(ViolationCode.QUOTE_OUTDATED);
        assertThat(eset.orderCalls).hasValue(0);
    }

    @Test
    void aRenewalNeedsTheLicenseItWasQuotedFor() {
        License license = Fixtures.license("LIC-1", "AV", 5, TODAY.plusDays(20), false, NOW);
        eset.put(license);
        EsetShop shop = shop("shop-a", "a");
        Quote quote = accepted(
                shop,
                RenewalRequest.builder()
                        .license(CurrentLicense.of(license))
                        .seats(5)
                        .years(1)
                        .build());

        assertThat(codes(shop.order(
                        OrderDraft.builder().request(quote.request()).build().withQuote(quote))))
                .containsExactly(ViolationCode.INVALID_REQUEST);
        License other = License.builder()
                .from(license)
                .seats(dev.esetshop.core.Seats.of(9))
                .build();
        assertThat(codes(shop.order(quote, other))).containsExactly(ViolationCode.QUOTE_OUTDATED);

        OrderResult result = shop.order(quote, license);
        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        assertThat(((OrderResult.Ordered) result).license().expires())
                .isEqualTo(license.expires().plusYears(1));
        assertThat(((OrderResult.Ordered) result).event().customer()).isEqualTo(license.customer());
    }

    @Test
    void anEsetRefusalIsRejectedInTheJournalAndNotRetried() {
        EsetShop shop = shop("shop-a", "a");
        eset.fault(Fault.REFUSE);
        OrderResult result = shop.order(accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Refused.class);
        OrderResult.Refused refused = (OrderResult.Refused) result;
        assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.ESET);
        assertThat(refused.errorCode()).contains(EsetRuleRefusedException.CODE);
        assertThat(refused.detail().orElseThrow()).contains("req-r");
        assertThat(refused.violations()).extracting(Violation::field).containsExactly("seats");
        assertThat(refused.violations()).extracting(Violation::code).containsExactly(ViolationCode.SEATS_OUT_OF_RANGE);
        assertThat(journal.find(IdempotencyKey.of("a-1")).orElseThrow().state()).isEqualTo(JournalEntry.State.REJECTED);
        assertThat(shop.reconcile().rejected()).isZero();
        assertThat(eset.orderCalls).hasValue(1);
        assertThat(events).isEmpty();
    }

    @Test
    void esetsRefusalAnsweredAgainFromTheJournalIsStillEsetsWithItsCode() {
        EsetShop shop = shop("shop-a", "a");
        eset.fault(Fault.REFUSE);
        OrderRequest purchase = OrderRequest.forNewLicense(
                        accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer())
                .withIdempotencyKey(IdempotencyKey.of("cart-refused"));
        OrderResult.Refused first = (OrderResult.Refused) shop.order(purchase);

        OrderResult again = shop.order(purchase);

        assertThat(again).isInstanceOfSatisfying(OrderResult.Refused.class, refused -> {
            assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.ESET);
            assertThat(refused.errorCode()).isEqualTo(first.errorCode()).contains(EsetRuleRefusedException.CODE);
            assertThat(refused.detail().orElseThrow()).contains("req-r");
        });
        assertThat(eset.orderCalls).hasValue(1);
    }

    @Test
    void noAccessToThePartnersDataRefusesTheOrderForGood() {
        EsetShop shop = shop("shop-a", "a");
        Quote quote = accepted(shop, newLicense(6));
        eset.accessGranted = false;

        OrderResult result = shop.order(quote, Fixtures.eula(), Fixtures.customer());

        assertThat(((OrderResult.Refused) result).refusedBy()).isEqualTo(OrderResult.RefusedBy.ESET);
        assertThat(((OrderResult.Refused) result).errorCode()).contains(AccessNotGrantedException.CODE);
        assertThat(journal.find(IdempotencyKey.of("a-1")).orElseThrow().state()).isEqualTo(JournalEntry.State.REJECTED);
    }

    @Test
    void aRefusedTokenLeavesTheOrderPendingForALaterReconcile() {
        EsetShop shop = shop("shop-a", "a");
        eset.fault(Fault.UNAUTHORIZED);

        OrderResult result = shop.order(accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Pending.class);
        assertThat(shop.reconcile().confirmed()).isEqualTo(1);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void aClosedClientLeavesTheOrderPendingWithItsKeyNeverRefused() {
        EsetShop shop = shop("shop-a", "a");
        eset.fault(Fault.CLOSED);

        OrderResult result = shop.order(accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Pending.class);
        assertThat(((OrderResult.Pending) result).idempotencyKey()).isEqualTo(IdempotencyKey.of("a-1"));
        assertThat(((OrderResult.Pending) result).reason()).contains("closed");
        JournalEntry entry = journal.find(IdempotencyKey.of("a-1")).orElseThrow();
        assertThat(entry.state()).isEqualTo(JournalEntry.State.PENDING);
        assertThat(entry.claimedBy()).isEmpty();
        assertThat(eset.licensesIssued).hasValue(0);
        assertThat(shop.reconcile().confirmed()).isEqualTo(1);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void anUnknownOutcomeStaysPendingAndReconcileSettlesItOnce() {
        EsetShop shop = shop("shop-a", "a");
        eset.fault(Fault.FAIL_BEFORE, Fault.FAIL_BEFORE);
        OrderResult result = shop.order(accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Pending.class);
        assertThat(((OrderResult.Pending) result).idempotencyKey()).isEqualTo(IdempotencyKey.of("a-1"));
        assertThat(journal.find(IdempotencyKey.of("a-1")).orElseThrow().claimedBy())
                .isEmpty();

        ReconcileReport stillDown = shop.reconcile();
        assertThat(stillDown.stillPending()).containsExactly(IdempotencyKey.of("a-1"));

        ReconcileReport report = shop.reconcile();
        assertThat(report.confirmed()).isEqualTo(1);
        assertThat(report.stillPending()).isEmpty();
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void commitThenLoseIsSettledWithTheFirstAnswerNotASecondLicense() {
        EsetShop shop = shop("shop-a", "a");
        eset.fault(Fault.LOSE_AFTER_COMMIT);
        OrderResult result = shop.order(accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer());
        assertThat(result).isInstanceOf(OrderResult.Pending.class);
        assertThat(eset.licensesIssued).hasValue(1);

        assertThat(shop.reconcile().confirmed()).isEqualTo(1);
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(shop.license(dev.esetshop.core.LicenseId.of("NEW-000001"))).isPresent();
        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
    }

    @Test
    void aShopThatCrashedBetweenJournalAndSendIsFinishedByTheNextShopAfterTheLease() {
        CrashingApi crashing = new CrashingApi(eset, false);
        EsetShop first = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(crashing)
                .clock(clock)
                .orderJournal(journal)
                .owner("shop-a")
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(events::add)
                .build();
        Quote quote = accepted(first, newLicense(7));
        assertThatThrownBy(() -> first.order(quote, Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(Crash.class);
        assertThat(eset.orderCalls).hasValue(0);
        assertThat(journal.pending()).hasSize(1);

        // a restart within the crashed shop's lease leaves the entry alone
        EsetShop early = shop("shop-b", "b");
        assertThat(early.reconcile().skipped()).isEqualTo(1);
        assertThat(eset.orderCalls).hasValue(0);

        clock.advance(Duration.ofMinutes(3));
        shop("shop-c", "c").reconcile();
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(journal.pending()).isEmpty();
        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
        assertThat(events.get(0).seats()).isEqualTo(7);
    }

    @Test
    void aPendingOrderResentAfterItsQuotesDayIsReportedWithWhetherTheCatalogChanged() {
        EsetShop shop = shop("shop-a", "a");
        eset.fault(Fault.FAIL_BEFORE, Fault.FAIL_BEFORE);
        assertThat(shop.order(accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(OrderResult.Pending.class);
        assertThat(shop.order(accepted(shop, newLicense(7)), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(OrderResult.Pending.class);
        eset.fault(Fault.FAIL_BEFORE, Fault.FAIL_BEFORE); // the resends of the same day still fail

        // the same day: the quote still holds, nothing to report
        clock.advance(Duration.ofMinutes(3));
        ReconcileReport sameDay = shop.reconcile();
        assertThat(sameDay.stillPending()).hasSize(2);
        assertThat(sameDay.outdatedQuotes()).isEmpty();

        // the next day, and the distributor published a new catalog meanwhile
        clock.advance(Duration.ofDays(1));
        ReconcileReport report =
                shop("shop-a", "a", Fixtures.republishedCatalog()).reconcile();

        assertThat(report.outdatedQuotes())
                .containsExactlyInAnyOrder(
                        new ReconcileReport.OutdatedQuote(IdempotencyKey.of("a-1"), TODAY, false),
                        new ReconcileReport.OutdatedQuote(IdempotencyKey.of("a-2"), TODAY, false));
        assertThat(report.confirmed())
                .as("resent all the same: only a resend tells whether ESET has them")
                .isEqualTo(2);
    }

    @Test
    void buildingAShopTouchesNeitherTheDatabaseNorEsetReconcileDoes() {
        List<String> touched = new ArrayList<>();
        EsetShop shop = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .clock(clock)
                .partnerApi(recording(dev.esetshop.client.EsetPartnerApi.class, eset, touched))
                .orderJournal(recording(OrderJournal.class, journal, touched))
                .licenseStore(recording(
                        dev.esetshop.sdk.license.LicenseStore.class,
                        new dev.esetshop.sdk.memory.InMemoryLicenseStore(),
                        touched))
                .build();

        assertThat(touched).as("calls made by build()").isEmpty();
        shop.reconcile();
        assertThat(touched).contains("OrderJournal.pending");
    }

    /** {@code target} behind a proxy that notes every call but {@code toString}, {@code equals} and {@code hashCode}. */
    private static <T> T recording(Class<T> port, T target, List<String> calls) {
        return port.cast(java.lang.reflect.Proxy.newProxyInstance(
                port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
                    if (!List.of("toString", "equals", "hashCode").contains(method.getName())) {
                        calls.add(port.getSimpleName() + "." + method.getName());
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    @Test
    void aShopThatCrashedAfterEsetCommittedIsSettledByTheNextShopWithOneLicenseAndTheSameEventId() {
        CrashingApi crashing = new CrashingApi(eset, true);
        EsetShop first = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(crashing)
                .clock(clock)
                .orderJournal(journal)
                .owner("shop-a")
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(events::add)
                .build();
        Quote quote = accepted(first, newLicense(8));
        assertThatThrownBy(() -> first.order(quote, Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(Crash.class);
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(events).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        EsetShop restarted = shop("shop-b", "b");
        restarted.reconcile(); // as a host does at start-up
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(eset.orderCalls).hasValue(2);
        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
        assertThat(restarted.license(dev.esetshop.core.LicenseId.of("NEW-000001")))
                .isPresent();
        assertThat(restarted.reconcile().confirmed()).isZero();
    }

    @Test
    void anAnswerTheJournalCannotRecordLeavesTheOrderPendingUntilReconcile() {
        boolean[] failConfirm = {true};
        OrderJournal flaky = new OrderJournal() {
            @Override
            public void recordPending(JournalEntry entry) {
                journal.recordPending(entry);
            }

            @Override
            public Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease) {
                return journal.claim(key, owner, now, lease);
            }

            @Override
            public void release(IdempotencyKey key, String owner) {
                journal.release(key, owner);
            }

            @Override
            public boolean confirm(
                    IdempotencyKey key,
                    String owner,
                    String orderNumber,
                    LicenseId licenseId,
                    Instant at,
                    Duration deliveryLease) {
                if (failConfirm[0]) {
                    throw new StorageException("database is down");
                }
                return journal.confirm(key, owner, orderNumber, licenseId, at, deliveryLease);
            }

            @Override
            public boolean reject(IdempotencyKey key, String owner, String reason, Instant at) {
                return journal.reject(key, owner, reason, at);
            }

            @Override
            public Optional<JournalEntry> find(IdempotencyKey key) {
                return journal.find(key);
            }

            @Override
            public List<JournalEntry> pending() {
                return journal.pending();
            }

            @Override
            public boolean markDelivered(IdempotencyKey key, String owner, Instant at) {
                return journal.markDelivered(key, owner, at);
            }

            @Override
            public List<JournalEntry> undelivered() {
                return journal.undelivered();
            }
        };
        EsetShop shop = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(flaky)
                .owner("shop-a")
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(events::add)
                .build();

        OrderResult result = shop.order(accepted(shop, newLicense(6)), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Pending.class);
        assertThat(((OrderResult.Pending) result).reason()).contains("ORD-1", "database is down");
        assertThat(events).isEmpty();
        failConfirm[0] = false;
        assertThat(shop.reconcile().confirmed()).isEqualTo(1);
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
    }

    @Test
    void theMarginIsFetchedOnceAndKeptForItsTtl() {
        EsetShop shop = shop("shop-a", "a");
        shop.quote(newLicense(6));
        shop.quote(newLicense(7));
        assertThat(eset.partnerStatusCalls).hasValue(1);
        clock.advance(EsetShop.MARGIN_TTL);
        shop.quote(newLicense(6));
        assertThat(eset.partnerStatusCalls).hasValue(2);
    }

    @Test
    void buildNeedsTheCatalogAndTheApi() {
        assertThatThrownBy(() -> EsetShop.builder().partnerApi(eset).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("catalog");
        assertThatThrownBy(() -> EsetShop.builder().catalog(Fixtures.CATALOG).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partner API");
    }

    @Test
    void messagesFollowTheShopsLocale() {
        EsetShop shop = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .locale(Locale.GERMAN)
                .build();
        Violation eula = Violation.of(ViolationCode.EULA_REQUIRED, "eula");
        assertThat(shop.message(eula))
                .isEqualTo(eula.message(Locale.GERMAN))
                .isNotEqualTo(eula.message(Locale.ENGLISH));
    }

    private static List<ViolationCode> codes(OrderResult result) {
        assertThat(result).isInstanceOf(OrderResult.Refused.class);
        return ((OrderResult.Refused) result)
                .violations().stream().map(Violation::code).toList();
    }

    /** The process dying: not an ESET error, so nothing in the shop handles it. */
    /** What a listener throws to stand for the process dying: no handler in the SDK catches an Error. */
    static final class ProcessDeath extends Error {
        private static final long serialVersionUID = 1L;

        ProcessDeath() {
            super("process killed while telling the listeners");
        }
    }

    // an Error, as a process that dies is nothing the shop could catch
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("process killed");
        }
    }

    /** ESET whose first order call crashes the process, before or after ESET applied it. */
    static final class CrashingApi extends ForwardingPartnerApi {
        private final boolean afterCommit;
        private boolean crashed;

        CrashingApi(FakeEsetApi delegate, boolean afterCommit) {
            super(delegate);
            this.afterCommit = afterCommit;
        }

        @Override
        public OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
            if (crashed) {
                return super.order(order, key);
            }
            crashed = true;
            if (afterCommit) {
                super.order(order, key);
            }
            throw new Crash();
        }
    }
}
