package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.esetshop.client.StubEset.Reply;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.EsetProtocolException;
import dev.esetshop.core.error.EsetShopException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever ESET answers, a call either answers or throws an {@link EsetShopException}: no {@code RuntimeException}
 * of the transport, the JSON layer or the token handling escapes, and none carries a token in its text.
 */
class TypedFailuresTest {

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void aTokenWithALineBreakIsAnUnreadableAnswerNotAHeaderError() {
        eset.on(
                "Token/Get",
                request -> Reply.ok(
                        "{\"accessToken\":\"tok-s3cr3t\\r\\nX-Evil: 1\",\"refreshToken\":\"r\",\"expiresIn\":60}"));
        EsetPartnerApi client = eset.client(time).build();

        Throwable thrown = catchThrowable(client::partnerStatus);

        assertThat(thrown).isInstanceOf(EsetProtocolException.class).hasMessageContaining("accessToken");
        assertThat(chain(thrown)).doesNotContain("s3cr3t").doesNotContain("X-Evil");
    }

    @Test
    void aHugeTokenLifetimeIsCutNotAnOverflow() {
        Reply forever = Reply.ok("{\"accessToken\":\"tok1\",\"refreshToken\":\"r\",\"expiresIn\":9223372036854775807}");
        eset.script("Token/Get", forever, forever);
        eset.script("Partner/Status", Reply.ok(Fixtures.PARTNER_JSON), Reply.ok(Fixtures.PARTNER_JSON));
        EsetPartnerApi client = eset.client(time).build();

        assertThat(client.partnerStatus().partnerId()).isEqualTo("P-100");
        time.advance(Duration.ofDays(400));
        assertThat(client.partnerStatus().partnerId()).isEqualTo("P-100");
        assertThat(eset.count("Token/Get"))
                .as("a day at most, then a new login")
                .isEqualTo(2);
    }

    @Test
    void aHugeRetryAfterIsCutNotAnOverflow() {
        eset.script(
                "Partner/Status", Reply.error(429, 11, 0, "slow down").retryAfter(Duration.ofSeconds(Long.MAX_VALUE)));
        EsetPartnerApi client = eset.client(time).build();

        Throwable thrown = catchThrowable(client::partnerStatus);

        assertThat(thrown == null || thrown instanceof EsetShopException)
                .as(String.valueOf(thrown))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "null",
                "{",
                "{\"partnerId\":",
                "\"text\"",
                "12",
                "{\"partnerId\":1e999999999}",
                "\uFEFF{}",
                "{\"a\":\"\\ud800\"}"
            })
    void junkBodiesAreUnreadableAnswers(String junk) {
        eset.on("Partner/Status", request -> Reply.ok(junk));
        eset.on("License/Detail", request -> Reply.ok(junk));
        EsetPartnerApi client = eset.client(time).build();

        assertThat(catchThrowable(client::partnerStatus)).isInstanceOf(EsetProtocolException.class);
        assertThat(catchThrowable(() -> client.licenseDetail(LicenseId.of("3AB-7KQ-XD2"))))
                .isInstanceOf(EsetProtocolException.class);
    }

    @Test
    void deepNestingIsAnUnreadableAnswer() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        eset.on("Partner/Status", request -> Reply.ok(deep));
        EsetPartnerApi client = eset.client(time).build();

        assertThat(catchThrowable(client::partnerStatus)).isInstanceOf(EsetProtocolException.class);
    }

    /** Every field of a license replaced by every odd value: answered or typed, nothing else. */
    @Test
    void oddValuesInEveryFieldAreAnsweredOrTyped() {
        List<String> cases = oddLicenses().toList();
        AtomicReference<String> license = new AtomicReference<>();
        eset.on("License/Detail", request -> Reply.ok(license.get()));
        eset.on(
                "Search/Licenses",
                request ->
                        Reply.ok("{\"totalCount\":" + cases.size() + ",\"items\":[" + String.join(",", cases) + "]}"));
        EsetPartnerApi client = eset.client(time).build();

        Throwable page = catchThrowable(() -> client.searchLicenses(0, 100));
        assertThat(page == null || page instanceof EsetShopException)
                .as(String.valueOf(page))
                .isTrue();
        // One in five for the detail call: every field and every odd value still come up (5 and 14 are coprime).
        for (int i = 0; i < cases.size(); i += 5) {
            license.set(cases.get(i));
            Throwable detail = catchThrowable(() -> client.licenseDetail(LicenseId.of("3AB-7KQ-XD2")));

            assertThat(detail == null || detail instanceof EsetShopException)
                    .as(cases.get(i) + " " + detail)
                    .isTrue();
        }
        assertThat(cases).hasSizeGreaterThan(200);
    }

    static Stream<String> oddLicenses() {
        String valid = Fixtures.license("3AB-7KQ-XD2", StubEset.LICENSE_KEY);
        List<String> odd = List.of(
                "null",
                "\"\"",
                "1e400",
                "-1",
                "99999999999999999999999",
                "\"x\\u0000y\"",
                "[]",
                "{}",
                "true",
                "\"9999-99-99\"",
                "\"+999999999-12-31\"",
                "\"\\ud800\"",
                "0.5",
                "\"DE\\r\\nX\"");
        Matcher fields = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,{}\\[]+)").matcher(valid);
        List<String> cases = new ArrayList<>();
        while (fields.find()) {
            for (String value : odd) {
                cases.add(valid.substring(0, fields.start(2)) + value + valid.substring(fields.end(2)));
            }
        }
        return cases.stream();
    }

    private static String chain(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append(" | ");
        }
        return text.toString();
    }
}
