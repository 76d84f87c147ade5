package dev.esetshop.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.Fixtures;
import dev.esetshop.client.LicensePage;
import dev.esetshop.client.LicenseRecord;
import dev.esetshop.core.License;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.PartnerStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading ESET's JSON tolerantly: unknown fields and values kept or ignored, one bad record is not a bad page. */
class WireJsonToleranceTest {

    private static final String KEY = "AAAA-BBBB-CCCC-DDDD-EEEE";

    @Test
    void unknownFieldsAreIgnoredAndUnknownValuesKept() {
        License license = WireJson.license(bytes(Fixtures.license("3AB-7KQ-XD2", KEY, "ARCHIVED")));
        PartnerStatus partner = WireJson.partnerStatus(bytes(Fixtures.PARTNER_JSON.replace("GOLD", "DIAMOND")));

        assertThat(license.state().isKnown()).isFalse();
        assertThat(license.state().raw()).isEqualTo("ARCHIVED");
        assertThat(partner.level()).isEqualTo(PartnerLevel.of("DIAMOND"));
        assertThat(partner.level().isKnown()).isFalse();
    }

    @Test
    void knownValuesAreReadCaseInsensitively() {
        License license = WireJson.license(bytes(Fixtures.license("3AB-7KQ-XD2", KEY, "suspended")));

        assertThat(license.state().known()).contains(dev.esetshop.core.LicenseState.Known.SUSPENDED);
    }

    @Test
    void aMalformedRecordBecomesMalformedWithoutItsKeyAndTheRestOfThePageIsKept() {
        String good = Fixtures.license("L-1", "GOOD-KEY1");
        String badSeats = Fixtures.license("L-2", KEY).replace("\"seats\":25", "\"seats\":\"many\"");
        String badDate = Fixtures.license("L-3", KEY).replace("2027-01-14", "next year");
        String noId = Fixtures.license("L-4", KEY).replace("\"publicLicenseId\":\"L-4\",", "");
        String expiresFirst = Fixtures.license("L-5", KEY).replace("2027-01-14", "2025-01-01");
        String notAnObject = "42";
        LicensePage page = WireJson.page(
                bytes("{\"totalCount\":6,\"items\":["
                        + String.join(",", good, badSeats, badDate, noId, expiresFirst, notAnObject) + "]}"),
                0,
                100);

        assertThat(page.items()).hasSize(6);
        assertThat(page.items().get(0)).isInstanceOf(LicenseRecord.Valid.class);
        assertThat(page.items().subList(1, 6)).allSatisfy(r -> {
            assertThat(r).isInstanceOf(LicenseRecord.Malformed.class);
            assertThat(((LicenseRecord.Malformed) r).reason())
                    .doesNotContain(KEY)
                    .isNotBlank();
            assertThat(r.toString()).doesNotContain(KEY);
        });
        assertThat(malformed(page, 1).publicLicenseId()).contains("L-2");
        assertThat(malformed(page, 1).reason()).contains("seats");
        assertThat(malformed(page, 2).reason()).contains("expires");
        assertThat(malformed(page, 3).publicLicenseId()).isEmpty();
        assertThat(malformed(page, 3).reason()).contains("publicLicenseId");
        assertThat(malformed(page, 4).reason()).contains("expires before");
    }

    @Test
    void aMalformedRecordsIdAndReasonArePrintable() {
        String forged = Fixtures.license("L-9\\r\\nINFO forged\\u001b[2J", KEY);
        LicensePage page = WireJson.page(bytes("{\"totalCount\":1,\"items\":[" + forged + "]}"), 0, 100);

        LicenseRecord.Malformed bad = malformed(page, 0);
        assertThat(bad.publicLicenseId())
                .hasValueSatisfying(id ->
                        assertThat(id).startsWith("L-9").contains("INFO forged").doesNotContain("\r", "\n", "\u001b"));
        assertThat(bad.reason()).doesNotContain("\r", "\n", "\u001b");
    }

    @Test
    void aLicenseWithoutKeyIsMalformedNamingTheField() {
        String noKey = Fixtures.license("L-9", KEY).replace("\"licenseKey\":\"" + KEY + "\",", "");

        assertThatThrownBy(() -> WireJson.license(bytes(noKey)))
                .isInstanceOf(WireJson.MalformedWire.class)
                .hasMessageContaining("licenseKey");
    }

    @Test
    void aPageWithoutItemsIsUnreadable() {
        assertThatThrownBy(() -> WireJson.page(bytes("{\"totalCount\":3}"), 0, 10))
                .isInstanceOf(WireJson.MalformedWire.class)
                .hasMessageContaining("items");
    }

    @Test
    void anErrorBodyIsReadLeniently() {
        assertThat(WireJson.error(bytes("{\"code\":8,\"subCode\":30,\"message\":\"too many\",\"x\":1}")))
                .isEqualTo(new WireJson.ErrorBody(8, 30, "too many"));
        assertThat(WireJson.error(bytes("Service Unavailable"))).isEqualTo(new WireJson.ErrorBody(0, 0, ""));
        assertThat(WireJson.error(new byte[0])).isEqualTo(new WireJson.ErrorBody(0, 0, ""));
    }

    @Test
    void tokenAnswersNeedAPositiveLifetime() {
        assertThatThrownBy(() ->
                        WireJson.tokenGrant(bytes("{\"accessToken\":\"a\",\"refreshToken\":\"r\",\"expiresIn\":0}")))
                .isInstanceOf(WireJson.MalformedWire.class)
                .hasMessageContaining("expiresIn");
    }

    private static LicenseRecord.Malformed malformed(LicensePage page, int index) {
        return (LicenseRecord.Malformed) page.items().get(index);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
