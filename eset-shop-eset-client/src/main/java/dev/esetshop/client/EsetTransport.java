package dev.esetshop.client;

import dev.esetshop.client.internal.ClientThreads;
import dev.esetshop.client.internal.HttpEsetPartnerApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * What every reseller's {@link EsetPartnerClient} of one marketplace instance shares: one {@code HttpClient} (its
 * connections and selector thread) on one executor, and the process's one deadline watch. A client built with
 * {@link EsetPartnerClient.Builder#transport(EsetTransport)} keeps its own token, circuit breaker and rate limiter
 * and starts no thread of its own, so a thousand resellers cost the threads of one. Thread-safe; open one per
 * instance of the marketplace's service and {@link #close()} it after the clients on it.
 *
 * <pre>{@code
 * try (EsetTransport transport = EsetTransport.open(baseUri, Duration.ofSeconds(5))) {
 *     EsetPartnerClient acme = EsetPartnerClient.builder().baseUri(baseUri).credentials(user, password)
 *             .transport(transport).build();
 * }
 * }</pre>
 */
public final class EsetTransport implements AutoCloseable {

    private final HttpClient http;
    private final ClientThreads threads;

    private EsetTransport(HttpClient http, ClientThreads threads) {
        this.http = http;
        this.threads = threads;
    }

    /**
     * Opens a transport for clients of ESET at {@code baseUri}: it does not redirect, and speaks HTTP/1.1 to a plain
     * {@code http://} (loopback) URI, where HTTP/2 would only add an upgrade attempt to every connection.
     *
     * @param baseUri ESET's base URL the clients on it call
     * @param connectTimeout how long connecting may take
     * @return the transport, whose threads start with its first call and end with {@link #close()}
     * @throws IllegalArgumentException when the connect timeout is zero or negative
     */
    public static EsetTransport open(URI baseUri, Duration connectTimeout) {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be positive, not " + connectTimeout);
        }
        ClientThreads threads = new ClientThreads();
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(threads.executor());
        if ("http".equalsIgnoreCase(baseUri.getScheme())) {
            http.version(HttpClient.Version.HTTP_1_1);
        }
        return new EsetTransport(http.build(), threads);
    }

    /** The shared HTTP client, for the clients built on this transport. */
    HttpClient httpClient() {
        return http;
    }

    /**
     * Stops the HTTP client where the JDK can (Java 21 and later) and ends the executor's threads, waiting for them;
     * calls still made on it fail. Close the clients on it first. Idempotent.
     */
    @Override
    public void close() {
        HttpEsetPartnerApi.shutDown(http);
        threads.close();
    }

    @Override
    public String toString() {
        return "EsetTransport[" + threads.threadNamePrefix() + "]";
    }
}
