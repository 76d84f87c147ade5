package dev.esetshop.examples.cli;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.Secret;
import dev.esetshop.core.ViolationMessages;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcReminderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.remind.RenewalReminderListener;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the operations commands ({@code status}, {@code sync}, {@code licenses}, {@code license}, {@code report},
 * {@code order}, {@code renew}, {@code orders}, {@code reconcile}, {@code reminders}) share:
 * the ESET endpoint, the credentials from the environment, the catalog, and the database holding the license book,
 * the order journal and the reminder journal (the embedded H2 file, or {@code --jdbc-url}).
 */
final class ShopOptions {

    /** The environment variable with the ESET username. */
    static final String USERNAME = "ESET_USERNAME";
    /** The environment variable with the ESET password. */
    static final String PASSWORD = "ESET_PASSWORD";

    @Option(
            names = "--base-url",
            required = true,
            paramLabel = "URL",
            description = "ESET partner API endpoint, e.g. https://partner.eset.example or http://127.0.0.1:18080.")
    private URI baseUrl;

    @Mixin
    private StorageOptions storage;

    @Option(
            names = "--customer-number",
            paramLabel = "NUMBER",
            description = "The reseller's marketplace customer number.")
    private String customerNumber;

    @Option(
            names = "--locale",
            defaultValue = "en",
            description = "en, de or fr: the language of every screen and message (default ${DEFAULT-VALUE}).")
    private String locale;

    @Mixin
    private CatalogOption catalog;

    /** Where the credentials are read from; tests put a map of their own here. */
    static Supplier<Map<String, String>> environment = System::getenv;

    /**
     * The shop over the configured endpoint and database, after it settled the orders an earlier command left
     * pending (every command starts so, as a marketplace's service does at start-up).
     */
    Shop open() throws java.io.IOException {
        return open(java.util.List.of());
    }

    /** As {@link #open()}, with listeners for the renewal reminders the shop delivers. */
    Shop open(java.util.List<RenewalReminderListener> reminderListeners) throws java.io.IOException {
        Map<String, String> variables = environment.get();
        String username = variables.getOrDefault(USERNAME, "");
        String password = variables.getOrDefault(PASSWORD, "");
        if (username.isBlank() || password.isEmpty()) {
            throw new IllegalArgumentException(
                    "set the ESET credentials in the environment: " + USERNAME + " and " + PASSWORD);
        }
        DataSource database = storage.open();
        JdbcLicenseStore store = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
        if (storage.isH2File()) {
            restrictToOwner(storage.h2File());
        }
        EsetPartnerApi api = EsetPartnerClient.builder()
                .baseUri(baseUrl)
                .credentials(username, Secret.of(password))
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(20))
                .retry(RetrySettings.builder()
                        .maxAttempts(3)
                        .totalBudget(Duration.ofSeconds(15))
                        .build())
                .build();
        Catalog loaded = catalog.load();
        JdbcOrderJournal journal = JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
        JdbcReminderJournal reminders = JdbcReminderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
        EsetShop.Builder builder = EsetShop.builder()
                .catalog(loaded)
                .partnerApi(api)
                .licenseStore(store)
                .orderJournal(journal)
                .reminderJournal(reminders)
                .locale(locale());
        reminderListeners.forEach(builder::addRenewalReminderListener);
        if (customerNumber != null) {
            builder.marketplaceCustomerNumber(customerNumber);
        }
        EsetShop shop = builder.build();
        shop.reconcile();
        return new Shop(shop, store, journal, reminders, loaded);
    }

    /** The order journal alone, read without opening the shop (whose build settles pending orders). */
    JdbcOrderJournal journal() throws java.io.IOException {
        return JdbcOrderJournal.create(database(), JdbcStorage.DEFAULT_RESELLER);
    }

    private DataSource database() throws java.io.IOException {
        return storage.open();
    }

    /**
     * The H2 database at {@code file}, in a directory that only the owner can enter when it creates it (license keys
     * and end customers are in it), and its files readable by the owner only.
     */
    @SuppressWarnings("try") // the connection is never used: opening it is what makes H2 create the file
    static DataSource privateDatabase(Path file) throws java.io.IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            if (posix(parent.getRoot())) {
                Files.createDirectories(
                        parent,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(parent);
            }
        }
        DataSource database = JdbcStorage.h2(file);
        // H2 creates the file on the first connection: open it, then take the permissions away
        try (var connection = database.getConnection()) {
            restrictToOwner(file);
        } catch (java.sql.SQLException e) {
            throw new java.io.IOException("cannot open the database " + file + " (SQL state " + e.getSQLState() + ")");
        }
        return database;
    }

    /** Makes the database's files ({@code file.*}, e.g. {@code .mv.db}) readable and writable by the owner only. */
    static void restrictToOwner(Path file) throws java.io.IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !posix(parent)) {
            return;
        }
        String prefix = file.getFileName().toString() + ".";
        try (var files = Files.list(parent)) {
            for (Path path : files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList()) {
                Files.setPosixFilePermissions(
                        path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    private static boolean posix(Path path) {
        return path != null
                && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The language of messages and reports. */
    Locale locale() {
        return ViolationMessages.localeOf(locale);
    }

    /** The screens' words in the language of {@code --locale}. */
    ScreenTexts texts() {
        return ScreenTexts.of(locale());
    }

    /**
     * A built shop with its license store (the report and {@code licenses --all} read it directly), its journals
     * and its catalog.
     */
    record Shop(
            EsetShop shop,
            JdbcLicenseStore store,
            JdbcOrderJournal journal,
            JdbcReminderJournal reminders,
            Catalog catalog) {}
}
