package dev.esetshop.testkit;

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
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.LicenseNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call of the SDK's client against the sandbox: the two sides of the protocol agree. */
class ClientContractTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static final EndCustomer CUSTOMER = EndCustomer.builder().organization("Holzbau Eder GmbH")
            .firstName("Lukas").lastName("Eder").email("lukas.eder@holzbau-eder.at").country("AT").build();

    private final TestClock clock = TestClock.at(NOW);
    private EsetSandbox sandbox;
    private EsetPartnerApi client;

    @BeforeEach
    void start() {
        sandbox = EsetSandbox.builder().seed(21).licenses(230).malformedRecords(3).clock(clock).start();
        client = EsetPartnerClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(sandbox.username(), sandbox.password())
                .clock(clock)
                .retry(RetrySettings.builder().baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(2))
                        .jitterSeed(1).build())
                .waiter(clock::advance)
                .build();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void partnerStatus() {
        PartnerStatus status = client.partnerStatus();

        assertThat(status.partnerId()).isEqualTo("ESET-P-104233");
        assertThat(status.companyName()).isEqualTo("Sync IT Trial GmbH");
        assertThat(status.level()).isEqualTo(PartnerLevel.GOLD);
        assertThat(status.margin()).isEqualByComparingTo("0.25");
    }

    @Test
    void searchReadsEveryLicenseAndKeepsMalformedRecordsApart() {
        List<LicenseRecord> records = client.pages(Optional.empty(), 100)
                .flatMap(page -> page.items().stream())
                .toList();

        List<License> valid = records.stream().filter(LicenseRecord.Valid.class::isInstance)
                .map(record -> ((LicenseRecord.Valid) record).license()).toList();
        assertThat(records).hasSize(230);
        assertThat(valid).containsExactlyElementsOf(sandbox.licenses());
        assertThat(records).filteredOn(LicenseRecord.Malformed.class::isInstance).hasSize(3);
    }

    @Test
    void searchPagesAndModifiedSince() {
        LicensePage first = client.searchLicenses(0, 100, Optional.empty());
        LicensePage last = client.searchLicenses(200, 100, Optional.empty());

        assertThat(first.totalCount()).isEqualTo(230);
        assertThat(first.items()).hasSize(100);
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items()).hasSize(30);
        assertThat(last.hasNext()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        Instant since = clock.instant();
        OrderReceipt receipt = client.order(newOrder(10), IdempotencyKey.of("contract-since"));
        LicensePage changed = client.searchLicenses(0, 100, Optional.of(since));
        assertThat(changed.totalCount()).isEqualTo(1);
        assertThat(changed.items()).containsExactly(new LicenseRecord.Valid(receipt.license()));
    }

    @Test
    void detail() {
        License known = sandbox.licenses().get(5);

        assertThat(client.licenseDetail(known.id())).isEqualTo(known);
        assertThatThrownBy(() -> client.licenseDetail(LicenseId.of("ZZZ-ZZZ-ZZZ")))
                .isInstanceOf(LicenseNotFoundException.class)
                .satisfies(e -> assertThat(((LicenseNotFoundException) e).requestId()).isPresent());
    }

    @Test
    void orderAndItsReplay() {
        OrderReceipt first = client.order(newOrder(12), IdempotencyKey.of("contract-order"));
        OrderReceipt again = client.order(newOrder(12), IdempotencyKey.of("contract-order"));

        assertThat(first.license().seats().count()).isEqualTo(12);
        assertThat(first.license().customer()).isEqualTo(CUSTOMER);
        assertThat(again).isEqualTo(first);
        assertThat(sandbox.ordersApplied()).isEqualTo(1);
        assertThat(sandbox.licenses()).contains(first.license());
        assertThatThrownBy(() -> client.order(newOrder(13), IdempotencyKey.of("contract-order")))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void ruleRefusalsArriveTyped() {
        assertThatThrownBy(() -> client.order(newOrder(2000), IdempotencyKey.of("contract-range")))
                .isInstanceOfSatisfying(EsetRuleRefusedException.class, e -> {
                    assertThat(e.esetCode()).isEqualTo(8);
                    assertThat(e.subCode()).isEqualTo(30);
                });
    }

    @Test
    void renewal() {
        License license = sandbox.licenses().stream().filter(l -> l.expires().isAfter(TODAY)).findFirst()
                .orElseThrow();

        OrderReceipt receipt = client.renew(RenewalOrder.builder().publicLicenseId(license.id()).seats(20).years(1)
                .addSkus(Sku.of(license.productCode().value() + "-R1B11")).build(), IdempotencyKey.of("c-renew"));

        assertThat(receipt.license().id()).isEqualTo(license.id());
        assertThat(receipt.license().expires()).isEqualTo(license.expires().plusYears(1));
    }

    @Test
    void productChange() {
        License eavb = sandbox.licenses().stream()
                .filter(l -> l.productCode().value().equals("EAVB") && l.expires().isAfter(TODAY)).findFirst()
                .orElseThrow();

        OrderReceipt receipt = client.changeProduct(ProductChangeOrder.builder().publicLicenseId(eavb.id())
                .productCode(ProductCode.of("EESB")).sku(Sku.of("EESB-C1B5")).seats(15).years(1).build(),
                IdempotencyKey.of("c-change"));

        assertThat(receipt.license().productCode()).isEqualTo(ProductCode.of("EESB"));
        assertThat(receipt.license().seats().count()).isEqualTo(15);
    }

    @Test
    void trial() {
        OrderReceipt receipt = client.trial(TrialOrder.builder().productCode(ProductCode.of("ESB")).seats(5)
                .months(1).customer(CUSTOMER).build(), IdempotencyKey.of("c-trial"));

        assertThat(receipt.license().trial()).isTrue();
        assertThat(receipt.license().expires()).isEqualTo(TODAY.plusMonths(1));
    }

    @Test
    void accessNotGrantedArrivesTyped() {
        sandbox.setAccessGranted(false);

        assertThatThrownBy(client::partnerStatus).isInstanceOf(AccessNotGrantedException.class);
    }

    @Test
    void theClientKeepsItsTokenAliveOnTheSandboxClock() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.partnerStatus().partnerId());
            clock.advance(Duration.ofSeconds(50));
        }
        clock.advance(Duration.ofMinutes(31));
        ids.add(client.partnerStatus().partnerId());

        assertThat(ids).containsOnly("ESET-P-104233").hasSize(6);
    }

    @Test
    void lazyPagingAsksOnlyForWhatIsRead() {
        long before = sandbox.requestsReceived();
        try (Stream<LicensePage> pages = client.pages(Optional.empty(), 50)) {
            assertThat(pages.limit(2).map(page -> page.items().size()).collect(Collectors.toList()))
                    .containsExactly(50, 50);
        }
        // One login and two pages.
        assertThat(sandbox.requestsReceived() - before).isLessThanOrEqualTo(3);
    }

    private static NewLicenseOrder newOrder(int seats) {
        return NewLicenseOrder.builder().sku(Sku.of("EESB-N1B11")).productCode(ProductCode.of("EESB")).seats(seats)
                .years(1).customer(CUSTOMER).build();
    }
}
