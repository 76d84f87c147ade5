package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.StubEset.Reply;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Search/Licenses} paged by skip/take: one page on demand, every page lazily. */
class PagingTest {

    private static final int TOTAL = 250;
    private static final Pattern SKIP = Pattern.compile("\"skip\":(\\d+)");
    private static final Pattern TAKE = Pattern.compile("\"take\":(\\d+)");

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();
    private EsetPartnerApi client;

    @BeforeEach
    void serveLicenses() {
        eset.on("Search/Licenses", request -> {
            int skip = number(SKIP, request.body());
            int take = number(TAKE, request.body());
            String items = IntStream.range(skip, Math.min(TOTAL, skip + take))
                    .mapToObj(i -> Fixtures.license(String.format("L-%04d", i), "K-" + i))
                    .collect(Collectors.joining(","));
            return Reply.ok("{\"totalCount\":" + TOTAL + ",\"items\":[" + items + "]}");
        });
        client = eset.client(time).build();
    }

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void onePageIsOneRequest() {
        LicensePage page = client.searchLicenses(200, 100);

        assertThat(page.skip()).isEqualTo(200);
        assertThat(page.take()).isEqualTo(100);
        assertThat(page.totalCount()).isEqualTo(TOTAL);
        assertThat(page.items()).hasSize(50);
        assertThat(page.hasNext()).isFalse();
        assertThat(eset.requests("Search/Licenses").get(0).body()).isEqualTo("{\"skip\":200,\"take\":100}");
    }

    @Test
    void creatingTheStreamFetchesNothingAndEachPageIsFetchedWhenReached() {
        try (Stream<LicensePage> pages = client.pages(100)) {
            assertThat(eset.count("Search/Licenses")).isZero();
            assertThat(pages.findFirst()).isPresent();
        }
        assertThat(eset.count("Search/Licenses")).isEqualTo(1);

        client.pages(100).limit(2).forEach(page -> {});
        assertThat(eset.count("Search/Licenses")).isEqualTo(3);
    }

    @Test
    void theWholeStreamReadsEveryLicenseOnceInOrder() {
        List<LicenseRecord> records =
                client.pages(100).flatMap(page -> page.items().stream()).toList();

        assertThat(records).hasSize(TOTAL);
        assertThat(records)
                .extracting(r -> ((LicenseRecord.Valid) r).license().id().value())
                .containsExactlyElementsOf(IntStream.range(0, TOTAL)
                        .mapToObj(i -> String.format("L-%04d", i))
                        .toList());
        assertThat(eset.requests("Search/Licenses"))
                .extracting(StubEset.Received::body)
                .containsExactly(
                        "{\"skip\":0,\"take\":100}", "{\"skip\":100,\"take\":100}", "{\"skip\":200,\"take\":100}");
    }

    @Test
    void modifiedSinceIsSentOnEveryPage() {
        Instant since = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(client.pages(since, 100).count()).isEqualTo(3);

        assertThat(eset.requests("Search/Licenses"))
                .allSatisfy(r -> assertThat(r.body()).contains("\"modifiedSince\":\"2026-11-01T00:00:00Z\""));
    }

    @Test
    void anEmptyBookIsOneEmptyPage() {
        eset.on("Search/Licenses", request -> Reply.ok("{\"totalCount\":0,\"items\":[]}"));

        assertThat(client.pages(50).toList())
                .singleElement()
                .satisfies(page -> assertThat(page.items()).isEmpty());
        assertThat(eset.count("Search/Licenses")).isEqualTo(1);
    }

    @Test
    void pageSizesOutsideOneToHundredAreRefused() {
        assertThatThrownBy(() -> client.pages(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.searchLicenses(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.searchLicenses(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(eset.count("Search/Licenses")).isZero();
    }

    private static int number(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
