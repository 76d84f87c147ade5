package dev.esetshop.client;

import dev.esetshop.core.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The clients of many resellers on one {@link EsetTransport}: each {@link #client} has the reseller's credentials and
 * its own token, circuit breaker and rate limiter, and every one shares the transport's HTTP client, executor and
 * deadline watch, so a thousand resellers cost the threads of one client. Thread-safe; open one per instance of the
 * marketplace's service, close the clients, then {@link #close()} this.
 *
 * <pre>{@code
 * try (SharedEsetClients clients = SharedEsetClients.open(baseUri, Duration.ofSeconds(5), Clock.systemUTC(),
 *         builder -> builder.requestTimeout(Duration.ofSeconds(20)))) {
 *     EsetPartnerClient acme = clients.client("acme-user", acmePassword);
 * }
 * }</pre>
 */
public final class SharedEsetClients implements AutoCloseable {

    private final URI baseUri;
    private final Clock clock;
    private final UnaryOperator<EsetPartnerClient.Builder> settings;
    private final EsetTransport transport;

    private SharedEsetClients(
            URI baseUri, Clock clock, UnaryOperator<EsetPartnerClient.Builder> settings, EsetTransport transport) {
        this.baseUri = baseUri;
        this.clock = clock;
        this.settings = settings;
        this.transport = transport;
    }

    /**
     * Opens the transport the clients share.
     *
     * @param baseUri ESET's partner API every client calls
     * @param connectTimeout how long connecting may take, for every client (the transport's)
     * @param clock the clients' clock
     * @param settings what every client shares (timeouts, retry, circuit breaker, rate limit, listener), applied to a
     *     builder that has the base URI, the reseller's credentials and the clock; the transport is set after them
     * @return the clients' factory, whose threads start with the first call of a client
     * @throws IllegalArgumentException when the connect timeout is zero or negative
     */
    public static SharedEsetClients open(
            URI baseUri, Duration connectTimeout, Clock clock, UnaryOperator<EsetPartnerClient.Builder> settings) {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        return new SharedEsetClients(baseUri, clock, settings, EsetTransport.open(baseUri, connectTimeout));
    }

    /**
     * A reseller's client on the shared transport; closing it leaves the transport open.
     *
     * @param username the reseller's ESET username
     * @param password its password, never logged
     * @return the client
     * @throws IllegalStateException when the client's builder refuses the settings or the credentials
     * @throws IllegalArgumentException when a setting is out of range
     */
    public EsetPartnerClient client(String username, Secret password) {
        return settings.apply(EsetPartnerClient.builder()
                        .baseUri(baseUri)
                        .credentials(username, password)
                        .clock(clock))
                // after the settings: a client of this factory never has threads of its own
                .transport(transport)
                .build();
    }

    /** Closes the shared transport (see {@link EsetTransport#close()}); close the clients first. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "SharedEsetClients[" + transport + "]";
    }
}
