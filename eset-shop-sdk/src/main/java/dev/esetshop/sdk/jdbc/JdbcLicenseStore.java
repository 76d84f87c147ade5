package dev.esetshop.sdk.jdbc;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.internal.LicenseText;
import dev.esetshop.sdk.jdbc.internal.Binder;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.jdbc.internal.LicenseTable;
import dev.esetshop.sdk.jdbc.internal.Row;
import dev.esetshop.sdk.jdbc.internal.Sql;
import dev.esetshop.sdk.jdbc.internal.SyncCursorTable;
import dev.esetshop.sdk.jdbc.internal.Tx;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reseller's license book in a relational database over plain JDBC (H2 embedded, PostgreSQL): table
 * {@code eset_license} with an index on the expiration, and table {@code eset_sync_cursor}, both keyed by the reseller
 * first. Every query filters by the store's reseller, so any number of resellers share one database without seeing
 * each other's rows. The tables are created through Flyway on first use (see {@link JdbcStorage}). The license key is
 * stored (the reseller needs it again) but never logged. Thread-safe: every call takes its own connection from the
 * data source. Several instances of the marketplace may sync one reseller's book at once: a page whose first write of
 * a license, of the cursor or of the partner binding collides with another instance's is stored again over what that
 * one committed, instead of failing on the duplicate key.
 */
public final class JdbcLicenseStore implements LicenseStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcLicenseStore.class);

    /** Licenses per page while walking the book: small enough for a small heap, large enough to be quick. */
    static final int FETCH_SIZE = 1_000;

    private final Db db;
    private final String reseller;

    private JdbcLicenseStore(Db db, ResellerId reseller) {
        this.db = db;
        this.reseller = reseller.value();
    }

    /**
     * The book of one reseller in a database that any number of resellers share, creating or upgrading the tables
     * when the schema version asks for it; a one-reseller host names {@link JdbcStorage#DEFAULT_RESELLER}.
     *
     * @throws StorageException when the database cannot be reached or the tables cannot be created
     */
    public static JdbcLicenseStore create(DataSource dataSource, ResellerId reseller) {
        return create(dataSource, reseller, JdbcOptions.defaults());
    }

    /**
     * As {@link #create(DataSource, ResellerId)}, with these options (the statements' timeout, who applies the
     * schema).
     *
     * @throws StorageException when the database cannot be reached, the tables cannot be created, or (managed by the
     *     host) the schema is older than this SDK's
     */
    public static JdbcLicenseStore create(DataSource dataSource, ResellerId reseller, JdbcOptions options) {
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(options, "options");
        return new JdbcLicenseStore(options.open(dataSource), reseller);
    }

    @Override
    public void bindPartner(String partnerId) {
        db.bindPartner("license store", reseller, partnerId);
    }

    @Override
    public PageOutcome storePage(List<License> licenses, SyncCursor cursorAfterPage) {
        Objects.requireNonNull(licenses, "licenses");
        Objects.requireNonNull(cursorAfterPage, "cursorAfterPage");
        // another instance syncing the same reseller may insert the same licenses or the first cursor at once: the
        // page then runs again, and counts what the other one added as unchanged or changed
        PageOutcome outcome =
                db.inTransactionRetryingFirstWrites("store a page of " + licenses.size() + " licenses", tx -> {
                    int added = 0;
                    int changed = 0;
                    int unchanged = 0;
                    // Licenses already met in this page, so a page that lists one twice compares with its first copy.
                    Map<LicenseId, License> inPage = new HashMap<>();
                    try (Tx.Statement select = tx.prepare(LicenseTable.SELECT_ONE);
                            Tx.Statement insert = tx.prepare(LicenseTable.INSERT);
                            Tx.Statement update = tx.prepare(LicenseTable.UPDATE)) {
                        for (License incoming : licenses) {
                            Optional<License> stored = inPage.containsKey(incoming.id())
                                    ? Optional.of(inPage.get(incoming.id()))
                                    : select.first(ofId(incoming.id()), JdbcLicenseStore::license);
                            License cleaned = LicenseText.cleaned(incoming);
                            License license =
                                    storable(stored.map(book -> LicenseStore.keepingOrderNumber(cleaned, book))
                                            .orElse(cleaned));
                            if (stored.isEmpty()) {
                                insert.addBatch(b -> bindFields(
                                        b.string(reseller).string(license.id().value()), license));
                                added++;
                            } else if (!stored.get().equals(license)) {
                                update.addBatch(b -> bindFields(b, license)
                                        .string(reseller)
                                        .string(license.id().value()));
                                changed++;
                            } else {
                                unchanged++;
                            }
                            inPage.put(license.id(), license);
                        }
                        // Inserts first: an update in the same page may be of a license the page adds.
                        insert.executeBatch();
                        update.executeBatch();
                    }
                    writeCursor(tx, cursorAfterPage);
                    return new PageOutcome(added, changed, unchanged);
                });
        LOG.debug(
                "stored a page: {} added, {} changed, {} unchanged, next skip {}",
                outcome.added(),
                outcome.changed(),
                outcome.unchanged(),
                cursorAfterPage.nextSkip());
        return outcome;
    }

    @Override
    public Optional<License> find(LicenseId id) {
        Objects.requireNonNull(id, "id");
        return db.inTransaction(
                "read license " + id, tx -> tx.first(LicenseTable.SELECT_ONE, ofId(id), JdbcLicenseStore::license));
    }

    @Override
    public List<License> query(LicenseQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder conditions = new StringBuilder();
        List<Binder.Binding> parameters = new ArrayList<>();
        query.expiresOnOrAfter().ifPresent(day -> {
            conditions.append(LicenseTable.EXPIRES_ON_OR_AFTER);
            parameters.add(b -> b.date(day));
        });
        query.expiresOnOrBefore().ifPresent(day -> {
            conditions.append(LicenseTable.EXPIRES_ON_OR_BEFORE);
            parameters.add(b -> b.date(day));
        });
        query.product().ifPresent(product -> {
            conditions.append(LicenseTable.PRODUCT);
            parameters.add(b -> b.string(product.value()));
        });
        query.customerText().filter(text -> !text.isBlank()).ifPresent(text -> {
            conditions.append(LicenseTable.CUSTOMER_TEXT);
            String pattern = "%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%";
            for (int i = 0; i < LicenseTable.CUSTOMER_TEXT_PARAMETERS; i++) {
                parameters.add(b -> b.string(pattern));
            }
        });
        if (!query.includeTrials()) {
            conditions.append(LicenseTable.NO_TRIALS);
        }
        String sql = LicenseTable.query(
                conditions.toString(), query.limit().isPresent(), query.limit().orElse(0));
        return db.inTransaction(
                "query the licenses",
                tx -> tx.list(
                        sql,
                        b -> {
                            b.string(reseller);
                            for (Binder.Binding parameter : parameters) {
                                parameter.bind(b);
                            }
                        },
                        JdbcLicenseStore::license));
    }

    /**
     * Walks the licenses in id order in pages of {@value #FETCH_SIZE} (keyset paging on the primary key), so the heap
     * holds one page, no connection or transaction stays open while the action runs, and no database has to keep a
     * long-lived cursor: H2 2.3's lazy cursors over a file database fail with "Chunk not found" (h2database#4142).
     * A license that changes during the walk is seen in one of its versions, once.
     */
    @Override
    public void forEach(Consumer<License> action) {
        Objects.requireNonNull(action, "action");
        Optional<String> after = Optional.empty();
        while (true) {
            Optional<String> from = after;
            List<License> page = db.inTransaction(
                    "read the licenses page by page",
                    tx -> tx.list(
                            LicenseTable.pageById(from.isPresent(), FETCH_SIZE),
                            b -> {
                                b.string(reseller);
                                if (from.isPresent()) {
                                    b.string(from.get());
                                }
                            },
                            JdbcLicenseStore::license));
            page.forEach(action);
            if (page.size() < FETCH_SIZE) {
                return;
            }
            after = Optional.of(page.get(page.size() - 1).id().value());
        }
    }

    @Override
    public long count() {
        return db.inTransaction(
                "count the licenses",
                tx -> tx.first(LicenseTable.COUNT, b -> b.string(reseller), row -> row.longInteger("licenses"))
                        .orElse(0L));
    }

    @Override
    public Optional<SyncCursor> cursor() {
        return db.inTransaction(
                "read the sync cursor",
                tx -> tx.first(SyncCursorTable.SELECT, b -> b.string(reseller), JdbcLicenseStore::cursor));
    }

    @Override
    public String toString() {
        // a host's data source may print its URL with the password: its class only
        return "JdbcLicenseStore[" + reseller + " in "
                + db.dataSource().getClass().getSimpleName() + "]";
    }

    private static SyncCursor cursor(Row row) throws SQLException {
        SyncCursor.Builder cursor =
                SyncCursor.builder().nextSkip(row.integer("next_skip")).inProgress(row.bool("in_progress"));
        row.optionalInstant("since_at").ifPresent(cursor::since);
        row.optionalInstant("high_water").ifPresent(cursor::highWater);
        row.optionalInstant("last_completed").ifPresent(cursor::lastCompleted);
        return cursor.build();
    }

    private Binder.Binding ofId(LicenseId id) {
        return b -> b.string(reseller).string(id.value());
    }

    private void writeCursor(Tx tx, SyncCursor cursor) throws SQLException {
        Binder.Binding binding = b -> b.nullableInstant(cursor.since().orElse(null))
                .integer(cursor.nextSkip())
                .nullableInstant(cursor.highWater().orElse(null))
                .bool(cursor.inProgress())
                .nullableInstant(cursor.lastCompleted().orElse(null))
                .string(reseller);
        if (tx.update(SyncCursorTable.UPDATE, binding) != 1) {
            tx.update(SyncCursorTable.INSERT, binding);
        }
    }

    /** The license as it reads back from the database, so a re-synced unchanged license compares equal. */
    private static License storable(License license) {
        return License.builder()
                .from(license)
                .modified(Sql.storable(license.modified()))
                .build();
    }

    /** Binds every column of {@link LicenseTable#COLUMNS} but the id. */
    private static Binder bindFields(Binder b, License license) throws SQLException {
        EndCustomer customer = license.customer();
        return b.string(license.licenseKey().reveal())
                .string(license.productCode().value())
                .string(license.productName())
                .integer(license.seats().count())
                .integer(license.usedSeats())
                .string(license.state().raw())
                .bool(license.trial())
                .nullableString(license.discount().orElse(null))
                .date(license.issued())
                .date(license.expires())
                .instant(license.modified())
                .string(customer.organization())
                .string(customer.firstName())
                .string(customer.lastName())
                .string(customer.email())
                .nullableString(customer.country().orElse(null))
                .nullableString(customer.vatId().orElse(null))
                .nullableString(license.orderNumber().orElse(null));
    }

    private static License license(Row row) throws SQLException {
        String id = row.optionalString("id").orElse("without an id");
        try {
            EndCustomer.Builder customer = EndCustomer.builder()
                    .organization(row.string("organization"))
                    .firstName(row.string("first_name"))
                    .lastName(row.string("last_name"))
                    .email(row.string("email"));
            row.optionalString("country").ifPresent(customer::country);
            row.optionalString("vat_id").ifPresent(customer::vatId);
            License.Builder license = License.builder()
                    .id(LicenseId.of(row.string("id")))
                    .licenseKey(Secret.of(row.string("license_key")))
                    .productCode(ProductCode.of(row.string("product")))
                    .productName(row.string("product_name"))
                    .seats(Seats.of(row.integer("seats")))
                    .usedSeats(row.integer("used_seats"))
                    .state(LicenseState.of(row.string("state")))
                    .trial(row.bool("trial"))
                    .issued(row.date("issued"))
                    .expires(row.date("expires"))
                    .modified(row.instant("modified"))
                    .customer(customer.build());
            row.optionalString("discount").ifPresent(license::discount);
            row.optionalString("order_number").ifPresent(license::orderNumber);
            return license.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A failed check is named by its class only: its message never holds the key, but keep to the row id.
            throw new StorageException(
                    "The stored license " + id + " is not valid (" + Row.whyDamaged(e) + "); run a full sync to"
                            + " replace it.",
                    e);
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
