package dev.esetshop.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.EsetOrder;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Money;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderPayloadTest {

    private static final Currency CHF = Currency.getInstance("CHF");
    private static final EndCustomer CUSTOMER = EndCustomer.builder()
            .organization("Käse & Co. \"AG\"")
            .firstName("Zoë")
            .lastName("Müller")
            .email("zoe@kaese.example")
            .country("CH")
            .vatId("CHE-123.456.789")
            .build();
    private static final List<OrderConfirmed.Line> LINES = List.of(
            OrderConfirmed.Line.of(Sku.of("EAVB-E1B5"), 6, Money.of("150.60", CHF), Money.of("112.95", CHF)),
            OrderConfirmed.Line.of(Sku.of("EAVB-N1B5"), 1, Money.of("3.01", CHF), Money.of("2.26", CHF)));

    private static void roundTrips(OrderPayload payload) {
        String json = payload.toJson();
        assertThat(OrderPayload.fromJson(json)).isEqualTo(payload);
        assertThat(OrderPayload.fromJson(json).toJson()).isEqualTo(json);
    }

    private static final EulaAcceptance EULA =
            EulaAcceptance.of("2025-01", "Anna Muster", Instant.parse("2026-03-10T08:00:00Z"));

    @Test
    void aNewLicenseWithCrossgradeAndEveryOptionalFieldRoundTrips() {
        NewLicenseOrder call = NewLicenseOrder.builder()
                .sku(Sku.of("EAVB-N1B5"))
                .productCode(ProductCode.of("EAVB"))
                .seats(6)
                .years(1)
                .crossgrade(Crossgrade.of(5, LocalDate.parse("2026-01-31"), "INV-2025-991"))
                .customer(CUSTOMER)
                .customerReference("PO 17/ä")
                .eula(EULA)
                .build();
        roundTrips(new OrderPayload(
                Operation.NEW,
                call,
                CUSTOMER,
                Optional.of("PO 17/ä"),
                LINES.subList(0, 1),
                Money.of("150.60", CHF),
                Money.of("112.95", CHF),
                Optional.of(EULA)));
    }

    @Test
    void theCallCarriesTheEulaAndARetryWithANewAcceptanceTimeIsTheSameOrder() {
        NewLicenseOrder call = NewLicenseOrder.builder()
                .sku(Sku.of("EAVB-N1B5"))
                .productCode(ProductCode.of("EAVB"))
                .seats(6)
                .years(1)
                .customer(CUSTOMER)
                .eula(EULA)
                .build();
        OrderPayload first = new OrderPayload(
                Operation.NEW,
                call,
                CUSTOMER,
                Optional.empty(),
                LINES.subList(0, 1),
                Money.of("150.60", CHF),
                Money.of("112.95", CHF),
                Optional.of(EULA));
        EulaAcceptance later =
                EulaAcceptance.of("2025-01", "Anna Muster", EULA.acceptedAt().plusSeconds(90));
        OrderPayload retry = new OrderPayload(
                Operation.NEW,
                NewLicenseOrder.builder().from(call).eula(later).build(),
                CUSTOMER,
                Optional.empty(),
                LINES.subList(0, 1),
                Money.of("150.60", CHF),
                Money.of("112.95", CHF),
                Optional.of(later));

        assertThat(((NewLicenseOrder) OrderPayload.fromJson(first.toJson()).call()).eula())
                .contains(EULA);
        assertThat(retry.sameOrderAs(first)).isTrue();
        assertThatThrownBy(() -> new OrderPayload(
                        Operation.NEW,
                        call,
                        CUSTOMER,
                        Optional.empty(),
                        LINES.subList(0, 1),
                        Money.of("150.60", CHF),
                        Money.of("112.95", CHF),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewLicenseUnderAProgrammeWithoutReferenceRoundTrips() {
        NewLicenseOrder call = NewLicenseOrder.builder()
                .sku(Sku.of("EAVB-N1B5"))
                .productCode(ProductCode.of("EAVB"))
                .seats(6)
                .years(2)
                .discount("GOV")
                .eligibilityCode("GOV-77")
                .customer(CUSTOMER)
                .build();
        roundTrips(new OrderPayload(
                Operation.NEW,
                call,
                CUSTOMER,
                Optional.empty(),
                LINES.subList(0, 1),
                Money.of("150.60", CHF),
                Money.of("112.95", CHF),
                Optional.empty()));
    }

    @Test
    void renewalChangeAndTrialRoundTrip() {
        roundTrips(new OrderPayload(
                Operation.RENEWAL,
                RenewalOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .seats(7)
                        .years(1)
                        .skus(List.of(Sku.of("EAVB-E1B5"), Sku.of("EAVB-N1B5")))
                        .customerReference("R-1")
                        .build(),
                CUSTOMER,
                Optional.of("R-1"),
                LINES,
                Money.of("153.61", CHF),
                Money.of("115.21", CHF),
                Optional.empty()));
        roundTrips(new OrderPayload(
                Operation.PRODUCT_CHANGE,
                ProductChangeOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .productCode(ProductCode.of("ESB"))
                        .sku(Sku.of("ESB-U1B11"))
                        .seats(12)
                        .years(1)
                        .build(),
                CUSTOMER,
                Optional.empty(),
                LINES.subList(0, 1),
                Money.of("150.60", CHF),
                Money.of("112.95", CHF),
                Optional.empty()));
        roundTrips(new OrderPayload(
                Operation.TRIAL,
                TrialOrder.builder()
                        .productCode(ProductCode.of("EAVB"))
                        .seats(5)
                        .months(3)
                        .customer(CUSTOMER)
                        .build(),
                CUSTOMER,
                Optional.empty(),
                List.of(),
                Money.zero(CHF),
                Money.zero(CHF),
                Optional.empty()));
    }

    @Test
    void aTrialConversionRoundTripsWithItsAcceptanceAndARetryWithANewAcceptanceTimeIsTheSameOrder() {
        TrialConversionOrder call = TrialConversionOrder.builder()
                .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                .sku(Sku.of("EAVB-N1B5"))
                .seats(6)
                .years(2)
                .discount("EDU")
                .eligibilityCode("EDU-4")
                .customerReference("PO 18")
                .eula(EULA)
                .build();
        OrderPayload first = new OrderPayload(
                Operation.TRIAL_CONVERSION,
                call,
                CUSTOMER,
                Optional.of("PO 18"),
                LINES.subList(0, 1),
                Money.of("150.60", CHF),
                Money.of("112.95", CHF),
                Optional.of(EULA),
                Optional.of("sha256:catalog"));
        roundTrips(first);
        EulaAcceptance later =
                EulaAcceptance.of("2025-01", "Anna Muster", EULA.acceptedAt().plusSeconds(90));
        OrderPayload retry = new OrderPayload(
                Operation.TRIAL_CONVERSION,
                TrialConversionOrder.builder().from(call).eula(later).build(),
                CUSTOMER,
                Optional.of("PO 18"),
                LINES.subList(0, 1),
                Money.of("150.60", CHF),
                Money.of("112.95", CHF),
                Optional.of(later));
        OrderPayload moreSeats = new OrderPayload(
                Operation.TRIAL_CONVERSION,
                TrialConversionOrder.builder().from(call).seats(7).build(),
                CUSTOMER,
                Optional.of("PO 18"),
                LINES.subList(0, 1),
                Money.of("150.60", CHF),
                Money.of("112.95", CHF),
                Optional.of(EULA));

        assertThat(retry.sameOrderAs(first)).isTrue();
        assertThat(moreSeats.sameOrderAs(first)).isFalse();
        // the acceptance beside the call is the one the call carries to ESET, never another
        assertThatThrownBy(() -> new OrderPayload(
                        Operation.TRIAL_CONVERSION,
                        call,
                        CUSTOMER,
                        Optional.empty(),
                        LINES.subList(0, 1),
                        Money.of("150.60", CHF),
                        Money.of("112.95", CHF),
                        Optional.of(later)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderPayload(
                        Operation.TRIAL,
                        call,
                        CUSTOMER,
                        Optional.empty(),
                        LINES.subList(0, 1),
                        Money.of("150.60", CHF),
                        Money.of("112.95", CHF),
                        Optional.of(EULA)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPayloadJournalledBeforeTheCallWasTheClientsJsonStillReads() {
        // the format of 0.1: the end customer of a NEW or TRIAL call kept beside the call only
        String customer = "{\"organization\":\"Käse & Co. \\\"AG\\\"\",\"firstName\":\"Zoë\",\"lastName\":\"Müller\","
                + "\"email\":\"zoe@kaese.example\",\"country\":\"CH\",\"vatId\":\"CHE-123.456.789\"}";
        String newLicense =
                "{\"version\":1,\"operation\":\"NEW\",\"call\":{\"sku\":\"EAVB-N1B5\",\"productCode\":\"EAVB\","
                        + "\"seats\":6,\"years\":1,\"crossgrade\":{\"seats\":5,\"expires\":\"2026-01-31\",\"proof\":\"INV-2025-991\"},"
                        + "\"customerReference\":\"PO 17/ä\"},\"customer\":" + customer + ",\"reference\":\"PO 17/ä\","
                        + "\"currency\":\"CHF\",\"lines\":[{\"sku\":\"EAVB-E1B5\",\"seats\":6,\"streetPrice\":\"150.60\","
                        + "\"yourPrice\":\"112.95\"}],\"streetPrice\":\"150.60\",\"yourPrice\":\"112.95\","
                        + "\"eula\":{\"version\":\"2025-01\",\"acceptedBy\":\"Anna Muster\",\"acceptedAt\":\"2026-03-10T08:00:00Z\"}}";
        String trial = "{\"version\":1,\"operation\":\"TRIAL\",\"call\":{\"productCode\":\"EAVB\",\"seats\":5,"
                + "\"months\":3},\"customer\":" + customer + ",\"currency\":\"CHF\",\"lines\":[],"
                + "\"streetPrice\":\"0.00\",\"yourPrice\":\"0.00\"}";
        String renewal = "{\"version\":1,\"operation\":\"RENEWAL\",\"call\":{\"publicLicenseId\":\"3AB-7KQ-XD2\","
                + "\"seats\":7,\"years\":1,\"skus\":[\"EAVB-E1B5\",\"EAVB-N1B5\"],\"customerReference\":\"R-1\"},"
                + "\"customer\":" + customer + ",\"reference\":\"R-1\",\"currency\":\"CHF\",\"lines\":[],"
                + "\"streetPrice\":\"153.61\",\"yourPrice\":\"115.21\"}";

        OrderPayload ordered = OrderPayload.fromJson(newLicense);
        OrderPayload tried = OrderPayload.fromJson(trial);
        OrderPayload renewed = OrderPayload.fromJson(renewal);

        assertThat(ordered.call())
                .isEqualTo(NewLicenseOrder.builder()
                        .sku(Sku.of("EAVB-N1B5"))
                        .productCode(ProductCode.of("EAVB"))
                        .seats(6)
                        .years(1)
                        .crossgrade(Crossgrade.of(5, LocalDate.parse("2026-01-31"), "INV-2025-991"))
                        .customer(CUSTOMER)
                        .customerReference("PO 17/ä")
                        .eula(ordered.eula().orElseThrow()) // kept beside the call in 0.1, sent with it now
                        .build());
        assertThat(ordered.customer()).isEqualTo(CUSTOMER);
        assertThat(ordered.eula()).map(EulaAcceptance::acceptedBy).contains("Anna Muster");
        assertThat(tried.call())
                .isEqualTo(TrialOrder.builder()
                        .productCode(ProductCode.of("EAVB"))
                        .seats(5)
                        .months(3)
                        .customer(CUSTOMER)
                        .build());
        assertThat(renewed.call())
                .isEqualTo(RenewalOrder.builder()
                        .publicLicenseId(LicenseId.of("3AB-7KQ-XD2"))
                        .seats(7)
                        .years(1)
                        .skus(List.of(Sku.of("EAVB-E1B5"), Sku.of("EAVB-N1B5")))
                        .customerReference("R-1")
                        .build());
        // a journalled order read back is still the same order as the one sent before the upgrade
        assertThat(OrderPayload.fromJson(ordered.toJson()).sameOrderAs(ordered)).isTrue();
        roundTrips(tried);
    }

    @Test
    void theCallIsStoredAsTheBodyEsetReceives() {
        TrialOrder call = TrialOrder.builder()
                .productCode(ProductCode.of("EAVB"))
                .seats(5)
                .months(3)
                .customer(CUSTOMER)
                .build();
        OrderPayload payload = new OrderPayload(
                Operation.TRIAL,
                call,
                CUSTOMER,
                Optional.empty(),
                List.of(),
                Money.zero(CHF),
                Money.zero(CHF),
                Optional.empty());

        assertThat(payload.toJson()).contains("\"call\":" + call.toJson());
        assertThat(EsetOrder.fromJson(Operation.TRIAL, call.toJson())).isEqualTo(call);
    }

    @Test
    void anOperationIsNeverJournalledWithAnotherCall() {
        TrialOrder call = TrialOrder.builder()
                .productCode(ProductCode.of("EAVB"))
                .seats(5)
                .months(3)
                .customer(CUSTOMER)
                .build();
        assertThatThrownBy(() -> new OrderPayload(
                        Operation.NEW,
                        call,
                        CUSTOMER,
                        Optional.empty(),
                        List.of(),
                        Money.zero(CHF),
                        Money.zero(CHF),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEW")
                .hasMessageContaining("TRIAL");
    }
}
