package dev.esetshop.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side of the sandbox: routing, faults, headers; the ESET logic is in {@link SandboxState}. */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final String OPENAPI_PATH = "/openapi.json";
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body apart; with Nagle on, the body waits for the client's delayed ACK
        // and every answer takes 40-50 ms. The property is read once, when the JDK server is first used, so a host
        // that set it its own way keeps its choice.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final List<SandboxState> states;
    /** The index of each partner by its username. */
    private final Map<String, Integer> byUsername;

    private final FaultPlan faultPlan;
    private final Clock clock;
    private final Supplier<Optional<byte[]>> openApiDocument;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();

    /**
     * Binds to 127.0.0.1 on {@code port} (0 for an ephemeral one) and starts serving the partners: partner {@code i}
     * issues tokens {@code at-p<i>.…} (the first one plain {@code at-…}), by which a call finds its partner.
     *
     * @param openApiDocument the document served at {@code GET /openapi.json}, when there is one
     * @param threads how many requests are served at once
     */
    public SandboxServer(
            int port,
            List<SandboxState> states,
            FaultPlan faultPlan,
            Clock clock,
            Supplier<Optional<byte[]>> openApiDocument,
            int threads)
            throws IOException {
        this.states = List.copyOf(states);
        this.byUsername = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            byUsername.put(states.get(i).username(), i);
        }
        this.faultPlan = faultPlan;
        this.clock = clock;
        this.openApiDocument = openApiDocument;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger names = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "eset-sandbox-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** The base URI, such as {@code http://127.0.0.1:53124}. */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** How many requests arrived, {@code /openapi.json} not counted. */
    public long requestsReceived() {
        return requests.get();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (OPENAPI_PATH.equals(path) && "GET".equals(exchange.getRequestMethod())) {
                serveOpenApi(exchange);
                return;
            }
            String requestId = String.format("sbx-%08d", requests.incrementAndGet());
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
            SandboxState first = states.get(0);
            pause(first.faults().latency());
            Optional<Call> call = Call.byPath(path);
            if (call.isEmpty()) {
                send(
                        exchange,
                        ApiError.of(
                                        404,
                                        ApiError.NOT_FOUND,
                                        0,
                                        "No call " + path
                                                + "; the calls are POST /api/<Category>/<Call> of the ESET partner API.")
                                .answer());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(
                        exchange,
                        ApiError.of(405, ApiError.BAD_REQUEST, 0, "Use POST for " + path + ".")
                                .answer());
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            int partner = partner(call.get(), body, authorization);
            FaultDecision decision = faultPlan.next(
                    first.faults(),
                    first.maintenance(),
                    clock.instant(),
                    call.get().order(),
                    partner);
            if (decision instanceof FaultDecision.Cut) {
                LOG.debug("{} {}: connection cut", requestId, path);
                return;
            }
            if (decision instanceof FaultDecision.Fail fail) {
                send(exchange, fail.error().answer());
                return;
            }
            Answer answer = states.get(partner)
                    .handle(
                            call.get(),
                            body,
                            authorization,
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            if (((FaultDecision.Pass) decision).loseAnswer() && answer.successful()) {
                LOG.debug("{} {}: order applied, answer lost", requestId, path);
                return;
            }
            send(exchange, answer);
        } catch (RuntimeException | IOException failure) {
            // The client sees a cut connection; the cause stays in the sandbox's log.
            LOG.warn("sandbox request failed: {}", failure.toString());
        }
    }

    /**
     * The index of the partner a call is for: by the username of a login, else by the prefix of its token; the first
     * partner when there is none (it then refuses the call as ESET would, and the call counts against its rate limit).
     */
    private int partner(Call call, byte[] body, String authorization) {
        if (states.size() == 1) {
            return 0;
        }
        String token;
        try {
            if (call == Call.TOKEN_GET) {
                return byUsername.getOrDefault(WireFormat.text(WireFormat.readObject(body), "username"), 0);
            }
            token = call == Call.TOKEN_RENEW
                    ? WireFormat.text(WireFormat.readObject(body), "refreshToken")
                            .substring(3)
                    : authorization == null ? "" : authorization.substring(Math.min(authorization.length(), 10));
        } catch (RuntimeException unreadable) {
            return 0;
        }
        int dot = token.indexOf('.');
        if (token.startsWith("p") && dot > 1) {
            try {
                int index = Integer.parseInt(token.substring(1, dot));
                if (index >= 0 && index < states.size()) {
                    return index;
                }
            } catch (NumberFormatException notOurs) {
                return 0;
            }
        }
        return 0;
    }

    private void serveOpenApi(HttpExchange exchange) throws IOException {
        Optional<byte[]> document = openApiDocument.get();
        if (document.isEmpty()) {
            byte[] notFound =
                    "{\"code\":6,\"subCode\":0,\"message\":\"No OpenAPI document.\"}".getBytes(StandardCharsets.UTF_8);
            respond(exchange, 404, notFound);
            return;
        }
        respond(exchange, 200, document.get());
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        OptionalLong retryAfter = answer.retryAfterSeconds();
        if (retryAfter.isPresent()) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.getAsLong()));
        }
        respond(exchange, answer.status(), WireFormat.write(answer.body()));
    }

    private static void respond(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // A real pause in the server thread: the only sleep of the sandbox, and only when latency is configured.
    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
