package dev.esetshop.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ESET client's overhead: partner status and license detail round trips through the full client (tokens,
 * retry, circuit breaker, rate limiter, typed mapping; no faults) side by side with the floor, a raw
 * {@code HttpClient} POST plus a Jackson tree read, against the same loopback stub serving canned JSON.
 * Goal: client at most 1.10 times raw in CPU time per call. Wall time on a shared machine mostly measures the
 * neighbours; run with {@code -prof gc -prof dev.esetshop.benchmarks.ThreadCpuProfiler} and compare
 * {@code cpu.time.norm} (CPU ns per call of the calling side's threads) and {@code gc.alloc.rate.norm} (bytes per
 * call); {@code cpu.process.norm} also counts the GC and threads that ended during an iteration. The client has
 * more code for the JIT to compile than the raw call: give it eight or more warm-up iterations, and on a shared
 * machine run client and raw alternately, one fork each, several rounds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientBenchmark {

    private static final String TOKEN = "bench-token";
    private static final String PARTNER = "{\"partnerId\":\"P-100\",\"companyName\":\"Reseller GmbH\","
            + "\"email\":\"ops@reseller.example\",\"level\":\"GOLD\",\"margin\":0.25}";
    private static final String LICENSE = "{\"publicLicenseId\":\"3AB-7KQ-XD2\",\"licenseKey\":\"AAAA-BBBB-CCCC-DDDD\","
            + "\"productCode\":\"EAVB\",\"productName\":\"ESET PROTECT Entry\",\"seats\":25,\"usedSeats\":3,"
            + "\"state\":\"NORMAL\",\"trial\":false,\"discount\":\"GOV\",\"issued\":\"2026-01-15\","
            + "\"expires\":\"2027-01-14\",\"modified\":\"2026-11-01T08:30:00Z\",\"customer\":{\"organization\":"
            + "\"Muster AG\",\"firstName\":\"Erika\",\"lastName\":\"Muster\",\"email\":\"erika@muster.example\","
            + "\"country\":\"DE\"}}";
    private static final Map<String, String> ANSWERS = Map.of(
            "/api/Token/Get", "{\"accessToken\":\"" + TOKEN + "\",\"refreshToken\":\"r\",\"expiresIn\":86400}",
            "/api/Partner/Status", PARTNER,
            "/api/License/Detail", LICENSE);

    private HttpServer server;
    private ExecutorService serverThreads;
    private EsetPartnerApi client;
    private HttpClient raw;
    private JsonMapper json;
    private URI statusUri;
    private URI detailUri;
    private LicenseId licenseId;

    /** Starts the stub and both clients, and logs the client in so the token call is not measured. */
    @Setup
    public void setUp() throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger stubThreads = new AtomicInteger();
        serverThreads = Executors.newFixedThreadPool(
                2, task -> new Thread(task, ThreadCpuProfiler.STUB_PREFIX + "-" + stubThreads.incrementAndGet()));
        server.setExecutor(serverThreads);
        server.createContext("/api/", ClientBenchmark::answer);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = EsetPartnerClient.builder()
                .baseUri(base)
                .credentials("bench", Secret.of("bench-password"))
                // All decorators stay on; the limit is set above what one thread can reach, so it never waits.
                .rateLimit(RateLimitSettings.perSecond(1_000_000))
                .build();
        raw = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        json = JsonMapper.builder().build();
        statusUri = base.resolve("/api/Partner/Status");
        detailUri = base.resolve("/api/License/Detail");
        licenseId = LicenseId.of("3AB-7KQ-XD2");
        client.partnerStatus();
    }

    /** Stops the stub. */
    @TearDown
    public void tearDown() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    /** Partner status through the full client. */
    @Benchmark
    public PartnerStatus clientPartnerStatus() {
        return client.partnerStatus();
    }

    /** Partner status as a raw POST and a Jackson tree: the floor. */
    @Benchmark
    public JsonNode rawPartnerStatus() throws IOException, InterruptedException {
        return post(statusUri, "{}");
    }

    /** License detail through the full client. */
    @Benchmark
    public License clientLicenseDetail() {
        return client.licenseDetail(licenseId);
    }

    /** License detail as a raw POST and a Jackson tree: the floor. */
    @Benchmark
    public JsonNode rawLicenseDetail() throws IOException, InterruptedException {
        return post(detailUri, "{\"publicLicenseId\":\"3AB-7KQ-XD2\"}");
    }

    private JsonNode post(URI uri, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<byte[]> response = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stub answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String answer = ANSWERS.get(exchange.getRequestURI().getPath());
            byte[] bytes = (answer != null ? answer : "{\"code\":4}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Request-Id", "bench");
            exchange.sendResponseHeaders(answer != null ? 200 : 404, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
