package dev.esetshop.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.Operation;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.TrialConversionRequest;
import dev.esetshop.pricing.TrialRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.confirm.ConfirmationEmail;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.confirm.RenderedEmail;
import dev.esetshop.sdk.internal.OrderPayload;
import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.SandboxFaults;
import dev.esetshop.testkit.SandboxProduct;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A trial becomes a paid license through the real client against the sandbox: priced as NEW, ordered exactly once
 * under its key, journaled, in the license book and confirmed with a mail that says the trial is now paid.
 */
class EsetShopTrialConversionTest {

    private final TestClock clock = TestClock.at(Fixtures.NOW);
    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    private final List<OrderConfirmed> confirmed = new CopyOnWriteArrayList<>();
    private EsetSandbox sandbox;
    private EsetShop shop;

    @BeforeEach
    void start() {
        // the sandbox sells the test catalog's products, so the shop's quotes and ESET's rules meet
        sandbox = EsetSandbox.builder()
                .seed(3)
                .licenses(40)
                .clock(clock)
                .products(List.of(
                        product("AV", 5, 100, List.of(1, 3), List.of("SEC", "SUITE")),
                        product("SEC", 5, 100, List.of(1), List.of("SUITE")),
                        product("SUITE", 5, 50, List.of(), List.of()),
                        product("SMALL", 1, 10, List.of(), List.of("SUITE")),
                        product("ONE", 5, 100, List.of(3), List.of())))
                .start();
        shop = EsetShop.builder()
                .catalog(Catalog.fromClasspath("sdk-test-catalog.json"))
                .partnerApi(EsetPartnerClient.builder()
                        .baseUri(sandbox.baseUri())
                        .credentials(sandbox.username(), sandbox.password())
                        .retry(RetrySettings.builder().maxAttempts(1).build())
                        .clock(clock)
                        .build())
                .orderJournal(journal)
                .addConfirmationListener(confirmed::add)
                .idempotencyKeys(Fixtures.keys("shop"))
                .clock(clock)
                .build();
        shop.sync();
    }

    @AfterEach
    void stop() {
        shop.close();
        sandbox.close();
    }

    @Test
    void aTrialBecomesAPaidLicenseUnderTheSameIdPricedAsNewAndConfirmedAsConverted() {
        License trial = orderTrial();
        clock.advance(Duration.ofDays(20));
        AvailableActions actions = shop.availableActions(trial);
        assertThat(actions.convertTrial().applies())
                .as(actions.convertTrial().violations().toString())
                .isTrue();
        assertThat(actions.renew().applies()).isFalse();
        Quote quote = conversionQuote(trial, 12, 2);
        Quote asNew = accepted(
                NewLicenseRequest.builder().product("AV").seats(12).years(2).build());

        OrderResult result = shop.order(OrderRequest.forTrialConversion(quote, trial, Fixtures.eula())
                .withReference("PO-CONVERT-1")
                .withIdempotencyKey(IdempotencyKey.of("cart-convert-1")));

        assertThat(quote.yourPrice()).isEqualTo(asNew.yourPrice());
        assertThat(quote.streetPrice()).isEqualTo(asNew.streetPrice());
        License paid = ((OrderResult.Ordered) result).license();
        assertThat(paid.id()).isEqualTo(trial.id());
        assertThat(paid.licenseKey()).isEqualTo(trial.licenseKey());
        assertThat(paid.trial()).isFalse();
        assertThat(paid.seats().count()).isEqualTo(12);
        // the trial's remaining days are not added: two years from the day of the order
        assertThat(paid.expires()).isEqualTo(shop.today().plusYears(2));
        assertThat(quote.expires()).isEqualTo(paid.expires());
        assertThat(shop.license(trial.id())).contains(paid);
        License atEset = sandbox.licenses().stream()
                .filter(l -> l.id().equals(trial.id()))
                .findFirst()
                .orElseThrow();
        assertThat(atEset.trial()).isFalse();
        assertThat(atEset.expires()).isEqualTo(paid.expires());
        assertThat(sandbox.eulaAccepted(trial.id())).contains(Fixtures.eula());

        JournalEntry entry = journal.find(IdempotencyKey.of("cart-convert-1")).orElseThrow();
        assertThat(entry.state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(entry.operation()).isEqualTo(Operation.TRIAL_CONVERSION);
        assertThat(entry.licenseId()).contains(trial.id());
        OrderPayload journaled = OrderPayload.fromJson(entry.payload());
        assertThat(journaled.call()).isInstanceOfSatisfying(TrialConversionOrder.class, call -> {
            assertThat(call.publicLicenseId()).isEqualTo(trial.id());
            assertThat(call.eula()).isEqualTo(Fixtures.eula());
            assertThat(call.customerReference()).contains("PO-CONVERT-1");
        });
        assertThat(journaled.customer()).isEqualTo(trial.customer());
        assertThat(journaled.yourPrice()).isEqualTo(quote.yourPrice());

        OrderConfirmed event = confirmed.stream()
                .filter(e -> e.operation() == Operation.TRIAL_CONVERSION)
                .findFirst()
                .orElseThrow();
        assertThat(event).isEqualTo(((OrderResult.Ordered) result).event());
        assertThat(event.trial()).isFalse();
        assertThat(event.yourPrice()).isEqualTo(quote.yourPrice());
        assertThat(event.customer()).isEqualTo(trial.customer());
        RenderedEmail english = ConfirmationEmail.render(event, Locale.ENGLISH);
        assertThat(english.text())
                .contains(
                        "Trial converted to a paid license",
                        "Your trial license is now a paid license",
                        trial.id().value())
                .doesNotContain("This is a trial license.");
        assertThat(english.html()).contains("Your trial license is now a paid license");
        assertThat(ConfirmationEmail.render(event, Locale.GERMAN).text())
                .contains("Ihre Testlizenz ist jetzt eine bezahlte Lizenz");
        assertThat(ConfirmationEmail.render(event, Locale.FRENCH).text())
                .contains("Votre licence de test est désormais une licence payante");
    }

    @Test
    void aConversionWhoseAnswerWasLostIsOrderedOnceWhenRetriedUnderTheSameKey() {
        License trial = orderTrial();
        Quote quote = conversionQuote(trial, 8, 1);
        OrderRequest request = OrderRequest.forTrialConversion(quote, trial, Fixtures.eula())
                .withIdempotencyKey(IdempotencyKey.of("cart-convert-2"));
        int appliedBefore = sandbox.ordersApplied();
        sandbox.setFaults(SandboxFaults.builder().loseRate(1).build());

        OrderResult lost = shop.order(request);

        assertThat(lost).as(lost.toString()).isInstanceOf(OrderResult.Pending.class);
        assertThat(sandbox.ordersApplied())
                .as("ESET converted it; the answer was lost")
                .isEqualTo(appliedBefore + 1);
        sandbox.setFaults(SandboxFaults.builder().build());
        clock.advance(Duration.ofMinutes(5));

        OrderResult retried = shop.order(request);
        OrderResult again = shop.order(request);

        assertThat(retried).as(retried.toString()).isInstanceOf(OrderResult.Ordered.class);
        assertThat(again).isEqualTo(retried);
        assertThat(sandbox.ordersApplied())
                .as("one conversion, whatever the retries")
                .isEqualTo(appliedBefore + 1);
        assertThat(((OrderResult.Ordered) retried).license().seats().count()).isEqualTo(8);
        assertThat(confirmed.stream().filter(e -> e.operation() == Operation.TRIAL_CONVERSION))
                .hasSize(1);
        assertThat(journal.find(IdempotencyKey.of("cart-convert-2"))
                        .orElseThrow()
                        .state())
                .isEqualTo(JournalEntry.State.CONFIRMED);
    }

    @Test
    void aPendingConversionIsSettledByReconcileWithItsKeyAndConfirmedOnce() {
        License trial = orderTrial();
        Quote quote = conversionQuote(trial, 9, 1);
        int appliedBefore = sandbox.ordersApplied();
        sandbox.setFaults(SandboxFaults.builder().loseRate(1).build());
        OrderResult.Pending pending =
                (OrderResult.Pending) shop.order(OrderRequest.forTrialConversion(quote, trial, Fixtures.eula()));
        sandbox.setFaults(SandboxFaults.builder().build());
        clock.advance(Duration.ofMinutes(5));

        ReconcileReport first = shop.reconcile();
        ReconcileReport second = shop.reconcile();

        assertThat(first.confirmed()).isEqualTo(1);
        assertThat(second.confirmed()).isZero();
        assertThat(sandbox.ordersApplied()).isEqualTo(appliedBefore + 1);
        JournalEntry entry = journal.find(pending.idempotencyKey()).orElseThrow();
        assertThat(entry.state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(entry.eula()).contains(Fixtures.eula());
        assertThat(shop.license(trial.id()).orElseThrow().trial()).isFalse();
        assertThat(confirmed.stream().filter(e -> e.operation() == Operation.TRIAL_CONVERSION))
                .hasSize(1);
    }

    @Test
    void aConversionNeedsTheEulaAndTheTrialsOwnCustomerAndNothingIsSentWithout() {
        License trial = orderTrial();
        Quote quote = conversionQuote(trial, 8, 1);
        EndCustomer someoneElse = EndCustomer.builder()
                .from(trial.customer())
                .organization("Other AG")
                .build();
        int appliedBefore = sandbox.ordersApplied();

        OrderResult noEula = shop.order(OrderDraft.builder()
                .request(quote.request())
                .license(trial)
                .build()
                .withQuote(quote));
        OrderResult otherCustomer = shop.order(OrderDraft.builder()
                .from(OrderRequest.forTrialConversion(quote, trial, Fixtures.eula())
                        .draft())
                .customer(someoneElse)
                .build()
                .withQuote(quote));
        OrderResult noLicense = shop.order(OrderDraft.builder()
                .request(quote.request())
                .eula(Fixtures.eula())
                .build()
                .withQuote(quote));

        assertThat(codes(noEula)).containsExactly(ViolationCode.EULA_REQUIRED);
        assertThat(fields(otherCustomer)).containsExactly("customer");
        assertThat(fields(noLicense)).containsExactly("license");
        assertThat(sandbox.ordersApplied()).isEqualTo(appliedBefore);
        assertThat(journal.latest(10)).hasSize(1);
    }

    @Test
    void aPaidLicenseIsRefusedByPricingAndAStaleTrialByEsetAsNotATrial() {
        License paid = shop.renewableLicenses(LicenseFilter.builder().build()).stream()
                .filter(license -> license.productCode().value().equals("AV") && !license.trial())
                .findFirst()
                .orElseThrow();
        QuoteResult ofPaid = shop.quote(TrialConversionRequest.builder()
                .license(CurrentLicense.of(paid))
                .seats(paid.seats().count())
                .years(1)
                .build());
        assertThat(((QuoteResult.Rejected) ofPaid).violations())
                .extracting(Violation::code)
                .contains(ViolationCode.NOT_A_TRIAL);

        // the book still holds the license as a trial: ESET knows better and refuses with 8/48
        License staleTrial = License.builder().from(paid).trial(true).build();
        Quote quote = conversionQuote(staleTrial, paid.seats().count(), 1);
        int appliedBefore = sandbox.ordersApplied();

        OrderResult result = shop.order(OrderRequest.forTrialConversion(quote, staleTrial, Fixtures.eula()));

        OrderResult.Refused refused = (OrderResult.Refused) result;
        assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.ESET);
        assertThat(refused.errorCode()).contains(EsetRuleRefusedException.CODE);
        Violation violation = refused.violations().get(0);
        assertThat(violation.code()).isEqualTo(ViolationCode.NOT_A_TRIAL);
        assertThat(violation.arguments().get(0)).isEqualTo("8/48");
        assertThat(violation.message(Locale.ENGLISH)).contains("not a trial");
        assertThat(sandbox.ordersApplied()).isEqualTo(appliedBefore);
    }

    private License orderTrial() {
        Quote quote =
                accepted(TrialRequest.builder().product("AV").seats(5).months(1).build());
        OrderResult result = shop.order(quote, Fixtures.eula(), Fixtures.customer());
        License trial = ((OrderResult.Ordered) result).license();
        assertThat(trial.trial()).isTrue();
        return trial;
    }

    private Quote conversionQuote(License trial, int seats, int years) {
        return accepted(TrialConversionRequest.builder()
                .license(CurrentLicense.of(trial))
                .seats(seats)
                .years(years)
                .build());
    }

    private Quote accepted(QuoteRequest request) {
        QuoteResult quoted = shop.quote(request);
        assertThat(quoted.isAccepted()).as(quoted.toString()).isTrue();
        return ((QuoteResult.Accepted) quoted).quote();
    }

    private static List<ViolationCode> codes(OrderResult result) {
        return ((OrderResult.Refused) result)
                .violations().stream().map(Violation::code).toList();
    }

    private static List<String> fields(OrderResult result) {
        return ((OrderResult.Refused) result)
                .violations().stream().map(Violation::field).toList();
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
}
