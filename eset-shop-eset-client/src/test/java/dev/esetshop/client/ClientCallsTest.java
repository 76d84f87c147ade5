package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each call of the protocol: path, headers, request body and the mapped answer. */
class ClientCallsTest {

    static final EndCustomer CUSTOMER = EndCustomer.builder()
            .organization("Muster AG")
            .firstName("Erika")
            .lastName("Muster")
            .email("erika@muster.example")
            .country("DE")
            .build();

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();
    private final EsetPartnerApi client = eset.client(time).build();

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void partnerStatusLogsInOnceThenSendsTheBearerToken() {
        PartnerStatus status = client.partnerStatus();
        client.partnerStatus();

        assertThat(status.partnerId()).isEqualTo("P-100");
        assertThat(status.level()).isEqualTo(PartnerLevel.GOLD);
        assertThat(status.margin()).isEqualByComparingTo(new BigDecimal("0.25"));
        assertThat(status.marketplaceCustomerNumber()).isEmpty();
        assertThat(eset.count("Token/Get")).isEqualTo(1);
        assertThat(eset.requests("Token/Get").get(0).body()).contains(StubEset.USERNAME, StubEset.PASSWORD);
        assertThat(eset.requests("Partner/Status"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer tok1-s3cr3t"))
                .allSatisfy(r -> assertThat(r.header("Content-Type")).isEqualTo("application/json"));
    }

    @Test
    void licenseDetailMapsEveryField() {
        License license = client.licenseDetail(LicenseId.of("3AB-7KQ-XD2"));

        assertThat(eset.requests("License/Detail").get(0).body()).isEqualTo("{\"publicLicenseId\":\"3AB-7KQ-XD2\"}");
        assertThat(license.id()).isEqualTo(LicenseId.of("3AB-7KQ-XD2"));
        assertThat(license.licenseKey().reveal()).isEqualTo(StubEset.LICENSE_KEY);
        assertThat(license.productCode()).isEqualTo(ProductCode.of("EAVB"));
        assertThat(license.seats().count()).isEqualTo(25);
        assertThat(license.usedSeats()).isEqualTo(3);
        assertThat(license.state()).isEqualTo(LicenseState.NORMAL);
        assertThat(license.discount()).contains("GOV");
        assertThat(license.issued()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(license.expires()).isEqualTo(LocalDate.of(2027, 1, 14));
        assertThat(license.customer().country()).contains("DE");
        assertThat(license.customer().vatId()).isEmpty();
    }

    @Test
    void newLicenseOrderSendsKeyAndFullBody() {
        OrderReceipt receipt = client.order(
                NewLicenseOrder.builder()
                        .sku(Sku.of("EAVB-N1B25"))
                        .productCode(ProductCode.of("EAVB"))
                        .seats(25)
                        .years(1)
                        .discount("GOV")
                        .eligibilityCode("EDU-1")
                        .crossgrade(Crossgrade.of(10, LocalDate.of(2026, 12, 31), "INV-7"))
                        .customer(CUSTOMER)
                        .customerReference("PO-55")
                        .build(),
                IdempotencyKey.of("order-1"));

        assertThat(receipt.orderNumber()).isEqualTo("ORD-1");
        assertThat(receipt.license().id().value()).isEqualTo("3AB-7KQ-XD2");
        StubEset.Received sent = eset.requests("License/Order").get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("order-1");
        assertThat(sent.body())
                .isEqualTo("{\"sku\":\"EAVB-N1B25\",\"productCode\":\"EAVB\",\"seats\":25,\"years\":1,"
                        + "\"discount\":\"GOV\",\"eligibilityCode\":\"EDU-1\",\"crossgrade\":{\"seats\":10,"
                        + "\"expires\":\"2026-12-31\",\"proof\":\"INV-7\"},\"customer\":{\"organization\":\"Muster AG\","
                        + "\"firstName\":\"Erika\",\"lastName\":\"Muster\",\"email\":\"erika@muster.example\","
                        + "\"country\":\"DE\"},\"customerReference\":\"PO-55\"}");
    }

    @Test
    void renewChangeAndTrialSendTheirKeysAndBodies() {
        client.renew(
                RenewalOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .seats(30)
                        .years(2)
                        .skus(List.of(Sku.of("EAVB-R2B30"), Sku.of("EAVB-E1B5")))
                        .build(),
                IdempotencyKey.of("renew-1"));
        client.changeProduct(
                ProductChangeOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .productCode(ProductCode.of("EPCB"))
                        .sku(Sku.of("EPCB-C1B25"))
                        .seats(25)
                        .years(1)
                        .build(),
                IdempotencyKey.of("change-1"));
        client.trial(
                TrialOrder.builder()
                        .productCode(ProductCode.of("EAVB"))
                        .seats(5)
                        .months(1)
                        .customer(CUSTOMER)
                        .build(),
                IdempotencyKey.of("trial-1"));

        StubEset.Received renew = eset.requests("License/Renew").get(0);
        assertThat(renew.header("Idempotency-Key")).isEqualTo("renew-1");
        assertThat(renew.body())
                .isEqualTo("{\"publicLicenseId\":\"3AB-7KQ-XD2\",\"seats\":30,\"years\":2,"
                        + "\"skus\":[\"EAVB-R2B30\",\"EAVB-E1B5\"]}");
        StubEset.Received change = eset.requests("License/ChangeProduct").get(0);
        assertThat(change.header("Idempotency-Key")).isEqualTo("change-1");
        assertThat(change.body())
                .isEqualTo("{\"publicLicenseId\":\"3AB-7KQ-XD2\",\"productCode\":\"EPCB\","
                        + "\"sku\":\"EPCB-C1B25\",\"seats\":25,\"years\":1}");
        StubEset.Received trial = eset.requests("License/Trial").get(0);
        assertThat(trial.header("Idempotency-Key")).isEqualTo("trial-1");
        assertThat(trial.body()).startsWith("{\"productCode\":\"EAVB\",\"seats\":5,\"months\":1,\"customer\":{");
    }

    @Test
    void convertTrialSendsItsKeyAndTheBodyOfTheSpecification() {
        client.convertTrial(
                TrialConversionOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .sku(Sku.of("EAVB-N1B5"))
                        .seats(5)
                        .years(1)
                        .discount("GOV")
                        .eligibilityCode("EDU-1")
                        .customerReference("PO-56")
                        .eula(EulaAcceptance.of("2026-01", "Erika Muster", Instant.parse("2026-03-01T10:15:30Z")))
                        .build(),
                IdempotencyKey.of("convert-1"));

        StubEset.Received sent = eset.requests("License/ConvertTrial").get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("convert-1");
        assertThat(sent.body())
                .isEqualTo("{\"publicLicenseId\":\"3AB-7KQ-XD2\",\"sku\":\"EAVB-N1B5\",\"seats\":5,"
                        + "\"years\":1,\"discount\":\"GOV\",\"eligibilityCode\":\"EDU-1\",\"customerReference\":\"PO-56\","
                        + "\"eula\":{\"version\":\"2026-01\",\"acceptedBy\":\"Erika Muster\","
                        + "\"acceptedAt\":\"2026-03-01T10:15:30Z\"}}");
    }

    @Test
    void readsCarryNoIdempotencyKey() {
        client.partnerStatus();
        client.licenseDetail(LicenseId.of("3AB-7KQ-XD2"));

        assertThat(eset.requests())
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEmpty());
    }
}
