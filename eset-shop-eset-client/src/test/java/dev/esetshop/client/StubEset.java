package dev.esetshop.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.esetshop.core.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny ESET stand-in on an ephemeral loopback port: it issues tokens, checks the bearer token, serves a handler
 * per call, and plays scripted replies first. It records every request and counts them per call.
 */
public final class StubEset implements AutoCloseable {

    public static final String USERNAME = "reseller@example.com";
    public static final String PASSWORD = "pw-Sup3rSecret!";
    public static final String LICENSE_KEY = "KEY9-SECR-ETXX-4242-ZZZZ";

    /** A reply: status, JSON body and extra headers. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }

        public static Reply error(int status, int code, int subCode, String message) {
            return new Reply(
                    status,
                    "{\"code\":" + code + ",\"subCode\":" + subCode + ",\"message\":\"" + message + "\"}",
                    Map.of());
        }

        public Reply retryAfter(Duration wait) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put("Retry-After", Long.toString(wait.toSeconds()));
            return new Reply(status, body, more);
        }
    }

    /** A request as received. */
    public record Received(String call, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Function<Received, Reply>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final AtomicInteger requestCounter = new AtomicInteger();
    private volatile long tokenLifetimeSeconds = 60;

    private StubEset() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/api/", this::handle);
        handlers.put(
                "Token/Get",
                request ->
                        request.body().contains(PASSWORD) ? tokenReply() : Reply.error(401, 1, 0, "bad credentials"));
        handlers.put(
                "Token/Renew",
                request -> validTokens.stream().anyMatch(t -> request.body().contains("refresh" + t))
                        ? tokenReply()
                        : Reply.error(401, 2, 0, "session ended"));
        handlers.put("Partner/Status", request -> Reply.ok(Fixtures.PARTNER_JSON));
        handlers.put(
                "Search/Licenses",
                request -> Reply.ok(
                        "{\"totalCount\":1,\"items\":[" + Fixtures.license("3AB-7KQ-XD2", LICENSE_KEY) + "]}"));
        handlers.put("License/Detail", request -> Reply.ok(Fixtures.license("3AB-7KQ-XD2", LICENSE_KEY)));
        String receipt = "{\"orderNumber\":\"ORD-1\",\"license\":" + Fixtures.license("3AB-7KQ-XD2", LICENSE_KEY) + "}";
        for (String order : List.of(
                "License/Order", "License/Renew", "License/ChangeProduct", "License/Trial", "License/ConvertTrial")) {
            handlers.put(order, request -> Reply.ok(receipt));
        }
        server.start();
    }

    /** A started stub. */
    public static StubEset start() {
        return new StubEset();
    }

    /** The base URI to give the client. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client builder for this stub with fake time, no real waits and a generous rate limit. */
    public EsetPartnerClient.Builder client(FakeTime time) {
        return EsetPartnerClient.builder()
                .baseUri(uri())
                .credentials(USERNAME, Secret.of(PASSWORD))
                .clock(time)
                .waiter(time)
                .retry(RetrySettings.builder().jitterSeed(42L).build())
                .rateLimit(RateLimitSettings.perSecond(10_000));
    }

    /** Serves the call with this handler from now on (after any scripted replies). */
    public void on(String call, Function<Received, Reply> handler) {
        handlers.put(call, handler);
    }

    /** Plays these replies, in order, to the next requests of the call. */
    public void script(String call, Reply... replies) {
        Deque<Reply> queue = scripted.computeIfAbsent(call, c -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(replies));
        }
    }

    /** Makes every issued token invalid, as when ESET ends the session. */
    public void revokeTokens() {
        validTokens.clear();
    }

    /** Sets the lifetime of tokens issued from now on. */
    public void tokenLifetime(Duration lifetime) {
        tokenLifetimeSeconds = lifetime.toSeconds();
    }

    /** How many requests of the call arrived. */
    public int count(String call) {
        return (int) received.stream().filter(r -> r.call().equals(call)).count();
    }

    /** The requests of the call, in order. */
    public List<Received> requests(String call) {
        return received.stream().filter(r -> r.call().equals(call)).toList();
    }

    /** Every request, in order. */
    public List<Received> requests() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private Reply tokenReply() {
        String token = "tok" + tokenCounter.incrementAndGet() + "-s3cr3t";
        validTokens.add(token);
        return Reply.ok("{\"accessToken\":\"" + token + "\",\"refreshToken\":\"refresh" + token + "\",\"expiresIn\":"
                + tokenLifetimeSeconds + ",\"unknownField\":1}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String call = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(call, headers, body);
            received.add(request);
            Reply reply = reply(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Request-Id", "req-" + requestCounter.incrementAndGet());
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Reply reply(Received request) {
        Deque<Reply> queue = scripted.get(request.call());
        if (queue != null) {
            synchronized (queue) {
                if (!queue.isEmpty()) {
                    return queue.poll();
                }
            }
        }
        if (!request.call().startsWith("Token/")) {
            String auth = request.header("Authorization");
            if (!auth.startsWith("Bearer ") || !validTokens.contains(auth.substring("Bearer ".length()))) {
                return Reply.error(401, 3, 0, "token missing or expired");
            }
        }
        Function<Received, Reply> handler = handlers.get(request.call());
        return handler != null ? handler.apply(request) : Reply.error(404, 4, 0, "no such call");
    }
}
