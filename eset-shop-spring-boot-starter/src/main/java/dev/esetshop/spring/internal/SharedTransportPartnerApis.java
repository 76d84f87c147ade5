package dev.esetshop.spring.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.EsetTransport;
import dev.esetshop.client.SharedEsetClients;
import dev.esetshop.core.Secret;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.spring.EsetPartnerApiFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The starter's default factory: every reseller's {@link EsetPartnerClient} on one {@link EsetTransport} (one HTTP
 * client, one executor, one deadline watch), each with its own token, circuit breaker and rate limiter
 * ({@link SharedEsetClients}). Spring closes it, and with it the transport, after the registry that closed the
 * clients.
 */
public final class SharedTransportPartnerApis implements EsetPartnerApiFactory, AutoCloseable {

    private final SharedEsetClients clients;

    /**
     * A factory with its transport open.
     *
     * @param baseUri ESET's partner API
     * @param connectTimeout the transport's connect timeout
     * @param settings the settings every client shares
     * @param clock the clients' clock
     */
    public SharedTransportPartnerApis(
            URI baseUri, Duration connectTimeout, UnaryOperator<EsetPartnerClient.Builder> settings, Clock clock) {
        this.clients = SharedEsetClients.open(baseUri, connectTimeout, clock, settings);
    }

    @Override
    public EsetPartnerApi create(ResellerAccount account) {
        return clients.client(account.username(), account.password());
    }

    /**
     * Builds one client with the settings and closes it, so what the client's builder refuses (a customizer's value
     * included) fails the start rather than the first call.
     *
     * @throws IllegalArgumentException when the builder refuses the settings
     */
    public void check() {
        try {
            create(ResellerAccount.of("start-up-check", Secret.of("start-up-check")))
                    .close();
        } catch (IllegalStateException | IllegalArgumentException refused) {
            close();
            throw new IllegalArgumentException(
                    "the ESET client settings (eset.shop.* and the"
                            + " EsetPartnerClientCustomizer beans) are refused: " + refused.getMessage(),
                    refused);
        }
    }

    @Override
    public void close() {
        clients.close();
    }

    @Override
    public String toString() {
        return "EsetPartnerApiFactory[" + clients + "]";
    }
}
