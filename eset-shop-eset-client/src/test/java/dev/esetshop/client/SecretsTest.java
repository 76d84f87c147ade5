package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.esetshop.client.StubEset.Reply;
import dev.esetshop.client.testlogs.CapturingLogs;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Secret;
import dev.esetshop.core.Sku;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole scenario (login, renewal, 401, orders, retries, refusals, unreadable answers) with every log line captured
 * at TRACE: no password, token or license key may appear in a log line, an exception or a {@code toString()}.
 */
class SecretsTest {

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void noSecretReachesLogsExceptionsOrToString() {
        EsetPartnerApi client = eset.client(time).build();
        List<String> texts = new ArrayList<>();
        NewLicenseOrder order = NewLicenseOrder.builder()
                .sku(Sku.of("EAVB-N1B25"))
                .productCode(ProductCode.of("EAVB"))
                .seats(25)
                .years(1)
                .customer(ClientCallsTest.CUSTOMER)
                .build();

        texts.add(client.partnerStatus().toString());
        time.advance(Duration.ofSeconds(55));
        texts.add(client.licenseDetail(LicenseId.of("3AB-7KQ-XD2")).toString());
        eset.revokeTokens();
        texts.add(client.order(order, IdempotencyKey.of("o-1")).toString());
        eset.script("License/Order", Reply.error(503, 99, 0, "maintenance").retryAfter(Duration.ofSeconds(1)));
        texts.add(client.order(order, IdempotencyKey.of("o-2")).toString());
        texts.add(client.pages(10).toList().toString());
        eset.script("License/Order", Reply.error(400, 8, 30, "quantity out of range"));
        texts.add(failureText(() -> client.order(order, IdempotencyKey.of("o-3"))));
        eset.script(
                "License/Detail",
                Reply.ok(
                        Fixtures.license("3AB-7KQ-XD2", StubEset.LICENSE_KEY).replace("\"seats\":25", "\"seats\":-1")));
        texts.add(failureText(() -> client.licenseDetail(LicenseId.of("3AB-7KQ-XD2"))));
        texts.add(failureText(() -> eset.client(time)
                .credentials(StubEset.USERNAME, Secret.of("wrong-Passw0rd"))
                .build()
                .partnerStatus()));
        eset.on("Partner/Status", request -> Reply.error(401, 3, 0, "expired"));
        texts.add(failureText(client::partnerStatus));
        texts.add(client.toString());
        texts.add(eset.client(time).build().toString());

        List<String> logs = CapturingLogs.lines();
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("renewing the ESET token"));
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("retrying in"));
        assertThat(eset.count("Token/Renew")).isEqualTo(1);
        assertThat(eset.count("Token/Get")).isGreaterThanOrEqualTo(3);
        List<String> secrets = List.of(StubEset.PASSWORD, "wrong-Passw0rd", StubEset.LICENSE_KEY, "s3cr3t");
        for (String secret : secrets) {
            assertThat(logs).noneSatisfy(line -> assertThat(line).contains(secret));
            assertThat(texts).noneSatisfy(text -> assertThat(text).contains(secret));
        }
    }

    private static String failureText(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append(" | ");
        }
        return text.toString();
    }
}
