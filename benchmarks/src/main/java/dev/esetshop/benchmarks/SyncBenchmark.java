package dev.esetshop.benchmarks;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.EsetSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full first sync of a book of 100,000 licenses from the ESET sandbox into the JDBC store on an H2 file (or
 * PostgreSQL), through the real {@link EsetShop} and {@link EsetPartnerClient}, in a 64 MB heap. Floor: no
 * {@link OutOfMemoryError} (which would fail the fork) and every license stored.
 *
 * <p>The sandbox runs in a child JVM ({@link SandboxProcess}) so its own copy of the licenses stays out of the
 * measured heap. Each iteration syncs into a fresh database, so every sync is a first one.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SyncBenchmark -prof gc}; add
 * {@code -p databaseKind=postgres} with {@code ESET_SHOP_TEST_POSTGRES_URL} set for PostgreSQL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class SyncBenchmark {

    private static final long SANDBOX_SEED = 1;

    private static final String H2 = "h2";
    private static final String POSTGRES = "postgres";

    /** H2's error code for a database closed, which its connections report after {@code SHUTDOWN}. */
    private static final int H2_DATABASE_CLOSED = 90121;

    /** How many licenses the partner has at ESET. */
    @Param("100000")
    public int licenses;

    /**
     * {@code h2} for an H2 file (the embedded default), {@code postgres} for the PostgreSQL of
     * {@code ESET_SHOP_TEST_POSTGRES_URL}, where the database's own work is in another process and the figure is
     * the SDK's.
     */
    @Param(H2)
    public String databaseKind;

    /** {@code sample} for the catalog in the pricing jar, or a catalog file (relative: found walking up). */
    @Param(BenchmarkFiles.SAMPLE_CATALOG)
    public String catalogPath;

    private Process sandbox;
    private EsetPartnerApi client;
    private Catalog catalog;
    private Path directory;
    private ResellerId reseller;
    private DataSource database;
    private JdbcLicenseStore store;
    private EsetShop shop;

    /** Starts the sandbox in a child JVM and the client against it. */
    @Setup(Level.Trial)
    public void startSandbox() throws IOException, InterruptedException {
        sandbox = SandboxProcess.start(licenses, SANDBOX_SEED);
        URI base = SandboxProcess.baseUri(sandbox);
        catalog = BenchmarkFiles.catalog(catalogPath);
        client = EsetPartnerClient.builder()
                .baseUri(base)
                .credentials(EsetSandbox.DEMO_USERNAME, Secret.of(EsetSandbox.DEMO_PASSWORD))
                // far above what one syncing thread reaches, so the sync runs as fast as the store and network allow
                .rateLimit(RateLimitSettings.perSecond(10_000))
                .build();
    }

    /** Stops the sandbox by closing its standard input, and waits for it. */
    @TearDown(Level.Trial)
    public void stopSandbox() throws IOException, InterruptedException {
        SandboxProcess.stop(sandbox);
    }

    /**
     * A fresh store and a shop on it, so the measured sync is a full first sync: a new H2 file, or on PostgreSQL a
     * reseller of its own.
     */
    @Setup(Level.Iteration)
    public void freshStore() throws IOException {
        if (POSTGRES.equals(databaseKind)) {
            String url = System.getenv(OrderOverheadBenchmark.POSTGRES_URL);
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("skipped: set " + OrderOverheadBenchmark.POSTGRES_URL
                        + " to the JDBC URL of a PostgreSQL database this benchmark may write to");
            }
            database = JdbcStorage.url(url);
            reseller =
                    ResellerId.of("bench-sync-" + UUID.randomUUID().toString().substring(0, 8));
            store = JdbcLicenseStore.create(database, reseller);
        } else {
            directory = Files.createTempDirectory("eset-shop-sync-bench");
            database = JdbcStorage.h2(directory.resolve("licenses"));
            store = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
        }
        shop = EsetShop.builder()
                .catalog(catalog)
                .partnerApi(client)
                .licenseStore(store)
                .build();
    }

    /** Fails the run unless every license was stored, then closes and removes the database (or its rows). */
    @TearDown(Level.Iteration)
    public void checkAndRemoveStore() throws IOException, SQLException {
        long stored = store.count();
        System.out.printf("%n%,d licenses stored (%,d at ESET)%n", stored, licenses);
        if (POSTGRES.equals(databaseKind)) {
            try (Connection connection = database.getConnection();
                    PreparedStatement licensesOf =
                            connection.prepareStatement("DELETE FROM eset_license WHERE reseller_id = ?");
                    PreparedStatement cursorOf =
                            connection.prepareStatement("DELETE FROM eset_sync_cursor WHERE reseller_id = ?")) {
                licensesOf.setString(1, reseller.value());
                licensesOf.executeUpdate();
                cursorOf.setString(1, reseller.value());
                cursorOf.executeUpdate();
            }
        } else {
            // the storage keeps the database open for the JVM's life: shut it down, or each iteration's cache stays
            try (Connection connection = database.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException closing) {
                // the pool resets the connection on its return, which SHUTDOWN closed: "already closed" is expected
                if (closing.getErrorCode() != H2_DATABASE_CLOSED) {
                    throw closing;
                }
            }
        }
        if (database instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                throw new IllegalStateException("the connection pool did not close", e);
            }
        }
        if (directory != null) {
            BenchmarkFiles.deleteTree(directory);
        }
        if (stored != licenses) {
            throw new IllegalStateException("the sync stored " + stored + " licenses, not " + licenses);
        }
    }

    /** The full first sync. */
    @Benchmark
    public SyncReport firstSync() {
        SyncReport report = shop.sync();
        if (report.added() != licenses || !report.quarantined().isEmpty()) {
            throw new IllegalStateException("the sync added " + report.added() + " of " + licenses
                    + " licenses and quarantined " + report.quarantined().size());
        }
        return report;
    }
}
