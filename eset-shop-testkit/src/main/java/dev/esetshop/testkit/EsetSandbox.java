package dev.esetshop.testkit;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Secret;
import dev.esetshop.testkit.internal.FaultPlan;
import dev.esetshop.testkit.internal.SandboxServer;
import dev.esetshop.testkit.internal.SandboxState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An in-process ESET partner API on a loopback port: it keeps state as ESET would (the partner, licenses with their
 * end customers, orders by idempotency key, tokens with lifetimes) and injects faults deterministically from its
 * seed. Start one per test class (or use {@link EsetSandboxExtension}) and close it after.
 *
 * <pre>{@code
 * try (EsetSandbox sandbox = EsetSandbox.builder().seed(7).licenses(300).start()) {
 *     URI base = sandbox.baseUri();
 *     // log in with sandbox.username() and sandbox.password()
 * }
 * }</pre>
 *
 * <p>{@code License/Renew} with {@code years} 0 is an extension, as ESET's: it raises the seats up to the license's
 * current expiration, refused with 8/18 when it adds no seats and 8/37 when the license has expired. The rule
 * sub-codes are core's {@code EsetRefusal}, the one list the client and the SDK read them from too.
 *
 * <p>Error answers are {@code {code, subCode, message}}: 400 code 4 unreadable request (sub-code 1 missing
 * {@code Idempotency-Key}, 2 key over 64 characters, 3 bad {@code skip}/{@code take}); 400 code 8 rule refusal with
 * ESET's sub-codes (18 bad quantity, 27 product not available, 30 quantity out of range, 32 trial not allowed,
 * 37 license expired, 45 product change unavailable); 401 code 1 wrong credentials, code 2 access token missing or
 * expired, code 3 session ended; 403 code 5 access not granted; 404 code 6 no such license; 409 code 7 key reused
 * with another body; 429 code 11 rate limited; 500/502/503 code 12 injected failure; 503 code 99 maintenance.
 */
public final class EsetSandbox implements AutoCloseable {

    /** The demo username. */
    public static final String DEMO_USERNAME = "reseller@sandbox.example";
    /** The demo password (not secret: it is the sandbox's, printed by the command and in the README). */
    public static final String DEMO_PASSWORD = "sandbox-demo";

    /** The default number of requests served at once. */
    public static final int DEFAULT_SERVER_THREADS = 4;

    private final List<SandboxState> states;
    private final SandboxState state;
    private final SandboxServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EsetSandbox(List<SandboxState> states, SandboxServer server) {
        this.states = states;
        this.state = states.get(0);
        this.server = server;
    }

    /**
     * A builder with the defaults: ephemeral port, seed 0, no licenses, no faults, the demo partner.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URI of the API, such as {@code http://127.0.0.1:53124}; calls are {@code POST {base}/api/...}.
     *
     * @return the loopback URI the sandbox listens on
     */
    public URI baseUri() {
        return server.baseUri();
    }

    /**
     * The username that {@code Token/Get} accepts.
     *
     * @return the username
     */
    public String username() {
        return DEMO_USERNAME;
    }

    /**
     * The password that {@code Token/Get} accepts.
     *
     * @return the password
     */
    public Secret password() {
        return Secret.of(DEMO_PASSWORD);
    }

    /**
     * How many license records the sandbox holds, malformed ones included.
     *
     * @return the number of license records
     */
    public int licenseCount() {
        return state.licenseCount();
    }

    /**
     * The well-formed licenses as ESET holds them now, ordered by public license id.
     *
     * @return a snapshot of the licenses
     */
    public List<License> licenses() {
        return state.licenses();
    }

    /**
     * How many orders (new, renewal, product change, trial) were applied; replays of a key do not count.
     *
     * @return the number of orders applied
     */
    public int ordersApplied() {
        return state.ordersApplied();
    }

    /**
     * The public license id each {@code License/Order} and {@code License/Trial} idempotency key created.
     *
     * @return a snapshot from idempotency key to public license id
     */
    public Map<String, LicenseId> licensesByIdempotencyKey() {
        return state.licensesByIdempotencyKey();
    }

    /**
     * The license each applied order of any kind (new, renewal, product change, trial) created or changed, by its
     * idempotency key, in the order they were applied; a key replayed with the same body is still one entry, so a
     * license renewed twice under two keys shows up twice.
     *
     * @return a snapshot from idempotency key to public license id
     */
    public Map<String, LicenseId> ordersByIdempotencyKey() {
        return state.ordersByIdempotencyKey();
    }

    /**
     * The end customer's EULA acceptance that the order creating a license carried ({@code License/Order},
     * {@code License/Trial}), or the conversion that made a trial a paid license ({@code License/ConvertTrial}), as
     * ESET keeps it.
     *
     * @param license the license's public id
     * @return the acceptance, or empty when the order sent none or the license was not created by an order
     */
    public Optional<EulaAcceptance> eulaAccepted(LicenseId license) {
        return state.eulaAccepted(license.value());
    }

    /**
     * How many API requests arrived (faulted ones included, {@code /openapi.json} not).
     *
     * @return the number of requests
     */
    public long requestsReceived() {
        return server.requestsReceived();
    }

    /**
     * Grants or withdraws the marketplace's access to the partner's data (403 code 5 on every data call).
     *
     * @param granted false to answer every data call with 403 code 5
     */
    public void setAccessGranted(boolean granted) {
        state.setAccessGranted(granted);
    }

    /**
     * How many partners the sandbox hosts ({@link Builder#partners(int)}); partner 0 is the one of the methods above.
     *
     * @return the number of partners
     */
    public int partnerCount() {
        return states.size();
    }

    /**
     * The username of a partner.
     *
     * @param index the partner ({@code 0 <= index < partnerCount()})
     * @return its username
     */
    public String username(int index) {
        return states.get(index).username();
    }

    /**
     * The password of a partner.
     *
     * @param index the partner
     * @return its password
     */
    public Secret password(int index) {
        return Secret.of(states.get(index).password());
    }

    /**
     * The username of partner {@code index} of any sandbox hosting that many partners, for a process that has no
     * handle on the sandbox (an instance of a multi-process run): the demo username for partner 0.
     *
     * @param index the partner
     * @return its username
     */
    public static String usernameOf(int index) {
        return index == 0 ? DEMO_USERNAME : "reseller-" + index + "@sandbox.example";
    }

    /**
     * The password of partner {@code index} of any sandbox, as {@link #usernameOf(int)}.
     *
     * @param index the partner
     * @return its password
     */
    public static Secret passwordOf(int index) {
        return Secret.of(index == 0 ? DEMO_PASSWORD : DEMO_PASSWORD + "-" + index);
    }

    /**
     * How many license records a partner holds.
     *
     * @param index the partner
     * @return the number of license records, malformed ones included
     */
    public int licenseCount(int index) {
        return states.get(index).licenseCount();
    }

    /**
     * The well-formed licenses of a partner, ordered by public license id.
     *
     * @param index the partner
     * @return its licenses
     */
    public List<License> licenses(int index) {
        return states.get(index).licenses();
    }

    /**
     * How many orders a partner had applied.
     *
     * @param index the partner
     * @return the number of orders applied, replays of a key not counted
     */
    public int ordersApplied(int index) {
        return states.get(index).ordersApplied();
    }

    /**
     * The public license id each order idempotency key of a partner created.
     *
     * @param index the partner
     * @return license ids by idempotency key
     */
    public Map<String, LicenseId> licensesByIdempotencyKey(int index) {
        return states.get(index).licensesByIdempotencyKey();
    }

    /**
     * Grants or withdraws the marketplace's access to the data of a partner.
     *
     * @param index the partner
     * @param granted whether the access is granted
     */
    public void setAccessGranted(int index, boolean granted) {
        states.get(index).setAccessGranted(granted);
    }

    /**
     * Opens or closes a maintenance window (503 code 99 with {@code Retry-After} on every call) for every partner.
     *
     * @param maintenance true to answer every call with 503 code 99
     */
    public void setMaintenance(boolean maintenance) {
        states.forEach(partner -> partner.setMaintenance(maintenance));
    }

    /**
     * Replaces the faults of every partner; the fault sequence goes on from the same seeded source.
     *
     * @param faults the faults to inject from now on
     * @throws NullPointerException when the faults is null
     */
    public void setFaults(SandboxFaults faults) {
        Objects.requireNonNull(faults, "faults");
        states.forEach(partner -> partner.setFaults(faults));
    }

    /**
     * The faults in force.
     *
     * @return the faults injected now
     */
    public SandboxFaults faults() {
        return state.faults();
    }

    /** Stops the server; calls in flight are cut. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "EsetSandbox[" + baseUri() + ", " + licenseCount() + " licenses]";
    }

    /** Configures and starts a sandbox; {@link #start()} validates every option. */
    public static final class Builder {

        private int port;
        private long seed;
        private int licenses;
        private int malformedRecords;
        private SandboxFaults faults = SandboxFaults.none();
        private Clock clock = Clock.systemUTC();
        private SandboxPartner partner = SandboxPartner.demo();
        private int partners = 1;
        private int serverThreads = DEFAULT_SERVER_THREADS;
        private List<SandboxProduct> products = SandboxProduct.defaults();
        private Supplier<Optional<byte[]>> openApiDocument =
                () -> Optional.of(EsetPartnerClient.openApiDocument().getBytes(StandardCharsets.UTF_8));

        private Builder() {}

        /**
         * The loopback port, 0 (the default) for an ephemeral one.
         *
         * @param port the port, 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The seed of the generated licenses, the faults and the ids of new licenses.
         *
         * @param seed the seed; the same seed gives the same data and faults
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * How many licenses to generate for the partner.
         *
         * @param count the number of licenses, at least 0
         * @return this builder
         */
        public Builder licenses(int count) {
            this.licenses = count;
            return this;
        }

        /**
         * How many of the generated licenses carry one broken field on the wire, for quarantine tests.
         *
         * @param count the number of malformed records, at most {@link #licenses(int)}
         * @return this builder
         */
        public Builder malformedRecords(int count) {
            this.malformedRecords = count;
            return this;
        }

        /**
         * The faults to inject.
         *
         * @param faults the faults
         * @return this builder
         * @throws NullPointerException when the faults is null
         */
        public Builder faults(SandboxFaults faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * The sandbox's clock: token expiry, issue and expiry days, {@code modified}, the rate limit's windows.
         *
         * @param clock the clock; tests pass a fixed or stepping one
         * @return this builder
         * @throws NullPointerException when the clock is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How many partners the sandbox hosts, each with its own credentials, licenses ({@link #licenses(int)} each,
         * seeded apart), orders and tokens; default one. Partner 0 is {@link #partner(SandboxPartner)} with the demo
         * credentials; partner {@code i} is {@code reseller-<i>@sandbox.example} with password
         * {@code sandbox-demo-<i>} and partner id {@code ESET-P-<104233 + i>}. Faults and maintenance apply to all; the
         * rate limit counts each partner's requests apart, as ESET's does ({@link RateLimitFault}).
         *
         * @param count the number of partners
         * @return this builder
         */
        public Builder partners(int count) {
            this.partners = count;
            return this;
        }

        /**
         * How many requests are served at once (default {@value EsetSandbox#DEFAULT_SERVER_THREADS}).
         *
         * @param threads the number of server threads
         * @return this builder
         */
        public Builder serverThreads(int threads) {
            this.serverThreads = threads;
            return this;
        }

        /**
         * The partner whose data is served (partner 0).
         *
         * @param partner the partner
         * @return this builder
         * @throws NullPointerException when the partner is null
         */
        public Builder partner(SandboxPartner partner) {
            this.partner = Objects.requireNonNull(partner, "partner");
            return this;
        }

        /**
         * The products ESET sells; the default is {@link SandboxProduct#defaults()}.
         *
         * @param products the products, at least one
         * @return this builder
         * @throws NullPointerException when the list or a product is null
         */
        public Builder products(List<SandboxProduct> products) {
            this.products = List.copyOf(products);
            return this;
        }

        /**
         * The document served at {@code GET /openapi.json}, without faults; the default is the client's
         * {@link EsetPartnerClient#openApiDocument()}, empty answers 404.
         *
         * @param document supplies the document on every request
         * @return this builder
         * @throws NullPointerException when the supplier is null
         */
        public Builder openApiDocument(Supplier<Optional<byte[]>> document) {
            this.openApiDocument = Objects.requireNonNull(document, "document");
            return this;
        }

        /**
         * Generates the licenses and starts serving.
         *
         * @return the running sandbox; close it to stop the server
         * @throws IllegalArgumentException for a bad option
         * @throws UncheckedIOException when the port cannot be bound
         */
        public EsetSandbox start() {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
            }
            if (licenses < 0 || malformedRecords < 0 || malformedRecords > licenses) {
                throw new IllegalArgumentException(
                        "need 0 <= malformedRecords <= licenses, not " + malformedRecords + " of " + licenses);
            }
            if (products.isEmpty()) {
                throw new IllegalArgumentException("the sandbox needs at least one product");
            }
            if (partners < 1 || serverThreads < 1) {
                throw new IllegalArgumentException("need at least one partner and one server thread");
            }
            List<SandboxState> states = new ArrayList<>(partners);
            states.add(new SandboxState(
                    seed,
                    clock,
                    DEMO_USERNAME,
                    DEMO_PASSWORD,
                    "",
                    partner,
                    products,
                    faults,
                    licenses,
                    malformedRecords));
            for (int i = 1; i < partners; i++) {
                SandboxPartner another = SandboxPartner.builder()
                        .from(partner)
                        .partnerId("ESET-P-" + (104233 + i))
                        .companyName("Sandbox Partner " + i)
                        .email("admin-" + i + "@sandbox.example")
                        .build();
                states.add(new SandboxState(
                        seed + i,
                        clock,
                        usernameOf(i),
                        passwordOf(i).reveal(),
                        "p" + i + ".",
                        another,
                        products,
                        faults,
                        licenses,
                        malformedRecords));
            }
            try {
                return new EsetSandbox(
                        List.copyOf(states),
                        new SandboxServer(port, states, new FaultPlan(seed), clock, openApiDocument, serverThreads));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the ESET sandbox on port " + port, e);
            }
        }
    }
}
