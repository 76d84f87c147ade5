package dev.esetshop.examples.app;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Secret;
import dev.esetshop.core.Violation;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.CircuitOpenException;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.core.error.UnauthorizedException;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.OrderRequest;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.EsetSandbox;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A minimal marketplace integration to copy: build the shop once per reseller, sync, list the renewables, quote,
 * order, and handle every outcome and error type. Run it with
 * {@code java -cp examples/target/eset-shop.jar dev.esetshop.examples.app.MarketplaceIntegration CATALOG.json}; with
 * {@code ESET_BASE_URL}, {@code ESET_USERNAME} and {@code ESET_PASSWORD} set it talks to that endpoint, otherwise to
 * an embedded sandbox.
 */
public final class MarketplaceIntegration {

    private final EsetShop shop;
    private final PrintStream log;

    /** An integration over a built shop, reporting to {@code log} (a marketplace would use its own UI and logs). */
    public MarketplaceIntegration(EsetShop shop, PrintStream log) {
        this.shop = shop;
        this.log = log;
    }

    /**
     * Builds a shop as a marketplace does: one per reseller, shared by every request of that reseller, over the
     * reseller's own database ({@link #databaseFor(String)}). A database is bound to the first ESET partner that uses
     * it and refuses another one ({@code PartnerMismatchException}): resellers never share one.
     */
    public static EsetShop buildShop(Catalog catalog, URI baseUri, String username, Secret password, DataSource db) {
        return EsetShop.builder()
                .catalog(catalog)
                .partnerApi(EsetPartnerClient.builder()
                        .baseUri(baseUri)
                        .credentials(username, password)
                        .build())
                .licenseStore(JdbcLicenseStore.create(db, JdbcStorage.DEFAULT_RESELLER))
                .orderJournal(JdbcOrderJournal.create(
                        db, JdbcStorage.DEFAULT_RESELLER)) // exactly-once orders survive a restart
                .addConfirmationListener(event -> {
                    /* send ConfirmationEmail.render(event, locale) */
                })
                .marketplaceCustomerNumber("ACMP-100482")
                .locale(Locale.GERMAN)
                .clock(Clock.systemUTC())
                .build(); // builds only: call reconcile() at start-up
    }

    /**
     * The reseller's own database: here an in-memory H2 database per reseller; on PostgreSQL, a schema per reseller
     * (e.g. a pooled data source whose connections set {@code search_path} to {@code reseller_<id>}).
     */
    public static DataSource databaseFor(String resellerId) {
        if (!resellerId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a reseller id has letters, digits, - and _ only");
        }
        return JdbcStorage.h2InMemory("marketplace-example-" + resellerId);
    }

    /** Syncs the license book; a missing data access grant is the one error the reseller must act on. */
    public boolean sync() {
        try {
            SyncReport report = shop.sync((done, total) -> log.printf("synced %d of %d%n", done, total));
            log.printf(
                    "sync: %d new, %d changed, %d quarantined%n",
                    report.added(), report.changed(), report.quarantined().size());
            return true;
        } catch (AccessNotGrantedException e) {
            log.println("ask ESET to grant the marketplace access to your licenses: " + e.getMessage());
        } catch (UnauthorizedException e) {
            log.println("the ESET credentials of this reseller are wrong: " + e.getMessage());
        } catch (CircuitOpenException e) {
            log.println("ESET is failing; the SDK pauses calls for a while, sync later: " + e.getMessage());
        } catch (EsetApiException e) {
            log.println("ESET could not be reached, sync later (request id "
                    + e.requestId().orElse("-") + ")");
        }
        return false;
    }

    /** The ten licenses expiring first. */
    public List<License> expiringFirst() {
        return shop.renewableLicenses(
                LicenseFilter.builder().includeTrials(false).limit(10).build());
    }

    /**
     * Quotes and orders a new license for an end customer under the marketplace's cart id, the purchase's key: the
     * same cart bought again (a double click, a retry after a timeout, on this instance or another) is the same
     * order, answered with its license. Returns the license id, or empty when not ordered (yet).
     */
    public Optional<LicenseId> buyNewLicense(
            String cartId, String product, int seats, EndCustomer customer, String acceptedBy) {
        QuoteResult result = shop.quote(NewLicenseRequest.builder()
                .product(product)
                .seats(seats)
                .years(1)
                .build());
        if (result instanceof QuoteResult.Rejected rejected) {
            rejected.violations().forEach(v -> log.println(v.field() + ": " + shop.message(v)));
            return Optional.empty();
        }
        Quote quote = ((QuoteResult.Accepted) result).quote();
        log.printf(
                "%s seats of %s: your price %s, street price %s%n",
                seats, product, quote.yourPrice(), quote.streetPrice());
        EulaAcceptance eula = EulaAcceptance.of("ESET-EULA-2024", acceptedBy, Instant.now());
        return handle(shop.order(
                OrderRequest.forNewLicense(quote, eula, customer).withIdempotencyKey(IdempotencyKey.of(cartId))));
    }

    /** Renews a license of the book by one year, keeping its seats, under the marketplace's cart id (its key). */
    public Optional<LicenseId> renew(String cartId, License license) {
        QuoteResult result = shop.quote(RenewalRequest.builder()
                .license(CurrentLicense.of(license))
                .seats(license.seats().count())
                .years(1)
                .build());
        if (result instanceof QuoteResult.Accepted accepted) {
            return handle(shop.order(
                    OrderRequest.forLicense(accepted.quote(), license).withIdempotencyKey(IdempotencyKey.of(cartId))));
        }
        ((QuoteResult.Rejected) result).violations().forEach(v -> log.println(v.field() + ": " + shop.message(v)));
        return Optional.empty();
    }

    private Optional<LicenseId> handle(OrderResult result) {
        try {
            if (result instanceof OrderResult.Ordered ordered) {
                log.printf("ordered %s, ESET order %s%n", ordered.license().id(), ordered.orderNumber());
                return Optional.of(ordered.license().id());
            }
            if (result instanceof OrderResult.Refused refused) {
                for (Violation violation : refused.violations()) {
                    log.println("refused: " + shop.message(violation));
                }
                return Optional.empty();
            }
            OrderResult.Pending pending = (OrderResult.Pending) result;
            // nothing to undo and nothing to buy again: the journal holds the order under the cart id; keep the cart
            // open and ask again with the same cart id later (shop.reconcile() on a timer settles it meanwhile)
            log.println("pending, ask again with cart " + pending.idempotencyKey() + " later: " + pending.reason());
            return Optional.empty();
        } catch (StorageException e) {
            log.println(
                    "the order journal is down; nothing was sent, buy again with the same cart id: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs the integration against {@code ESET_BASE_URL} or, without it, an embedded sandbox; the catalog is the
     * file named by the first argument, or the sample catalog.
     */
    public static void main(String[] args) {
        Catalog catalog = args.length > 0 ? Catalog.load(Path.of(args[0])) : Catalog.sample();
        DataSource db = databaseFor("ACMP-100482"); // one database per reseller
        String baseUrl = System.getenv("ESET_BASE_URL");
        EsetSandbox sandbox =
                baseUrl == null ? EsetSandbox.builder().licenses(50).start() : null;
        try {
            EsetShop shop = sandbox != null
                    ? buildShop(catalog, sandbox.baseUri(), sandbox.username(), sandbox.password(), db)
                    : buildShop(
                            catalog,
                            URI.create(baseUrl),
                            System.getenv("ESET_USERNAME"),
                            Secret.of(System.getenv("ESET_PASSWORD")),
                            db);
            // at start-up (and then on a timer, e.g. every minute): orders a crash left pending are settled and
            // confirmations not delivered yet go out; build() itself does no I/O
            shop.reconcile();
            MarketplaceIntegration integration = new MarketplaceIntegration(shop, System.out);
            if (integration.sync()) {
                integration
                        .expiringFirst()
                        .forEach(l -> System.out.printf("%s %s expires %s%n", l.id(), l.productCode(), l.expires()));
            }
            EndCustomer customer = EndCustomer.builder()
                    .organization("Muster AG")
                    .firstName("Anna")
                    .lastName("Muster")
                    .email("anna.muster@muster.example")
                    .country("CH")
                    .build();
            integration.buyNewLicense("cart-" + UUID.randomUUID(), "EESB", 10, customer, "admin@reseller.example");
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
