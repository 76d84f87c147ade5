package dev.esetshop.sdk.jdbc;

import static dev.esetshop.sdk.jdbc.internal.Sql.date;
import static dev.esetshop.sdk.jdbc.internal.Sql.instant;
import static dev.esetshop.sdk.jdbc.internal.Sql.requiredInstant;
import static dev.esetshop.sdk.jdbc.internal.Sql.setDate;
import static dev.esetshop.sdk.jdbc.internal.Sql.setInstant;
import static dev.esetshop.sdk.jdbc.internal.Sql.setText;
import static dev.esetshop.sdk.jdbc.internal.Sql.text;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.internal.ImmutableSyncCursor;
import dev.esetshop.sdk.internal.LicenseText;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.jdbc.internal.Sql;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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

    /** Rows per page while streaming: small enough for a small heap, large enough to be quick. */
    static final int FETCH_SIZE = 1_000;

    private static final String COLUMNS = "id, license_key, product, product_name, seats, used_seats, state, trial,"
            + " discount, issued, expires, modified, organization, first_name, last_name, email, country, vat_id,"
            + " order_number";

    private static final String INSERT = "INSERT INTO eset_license (reseller_id, " + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = "UPDATE eset_license SET license_key = ?, product = ?, product_name = ?,"
            + " seats = ?, used_seats = ?, state = ?, trial = ?, discount = ?, issued = ?, expires = ?, modified = ?,"
            + " organization = ?, first_name = ?, last_name = ?, email = ?, country = ?, vat_id = ?,"
            // a license ESET lists again carries no order number: the book keeps the one it has
            + " order_number = COALESCE(?, order_number) WHERE reseller_id = ? AND id = ?";

    private static final String SELECT_ONE =
            "SELECT " + COLUMNS + " FROM eset_license WHERE reseller_id = ? AND id = ?";

    private static final String CURSOR_COLUMNS = "since_at, next_skip, high_water, in_progress, last_completed";

    private final Db db;
    private final String reseller;

    private JdbcLicenseStore(Db db, ResellerId reseller) {
        this.db = db;
        this.reseller = reseller.value();
    }

    /**
     * The book of the one reseller of a one-reseller host ({@link JdbcStorage#DEFAULT_RESELLER}), creating or
     * upgrading the tables when the schema version asks for it.
     *
     * @throws StorageException when the database cannot be reached or the tables cannot be created
     */
    public static JdbcLicenseStore create(DataSource dataSource) {
        return create(dataSource, JdbcStorage.DEFAULT_RESELLER);
    }

    /** As {@link #create(DataSource)}, with the timeout of every statement (whole seconds, at least one). */
    public static JdbcLicenseStore create(DataSource dataSource, Duration queryTimeout) {
        return create(dataSource, JdbcStorage.DEFAULT_RESELLER, queryTimeout);
    }

    /**
     * The book of one reseller in a database that any number of resellers share, creating or upgrading the tables
     * when the schema version asks for it.
     *
     * @throws StorageException when the database cannot be reached or the tables cannot be created
     */
    public static JdbcLicenseStore create(DataSource dataSource, ResellerId reseller) {
        return create(dataSource, reseller, Db.DEFAULT_QUERY_TIMEOUT);
    }

    /** As {@link #create(DataSource, ResellerId)}, with the timeout of every statement (whole seconds, ≥ 1). */
    public static JdbcLicenseStore create(DataSource dataSource, ResellerId reseller, Duration queryTimeout) {
        return create(dataSource, reseller, queryTimeout, JdbcStorage.Schema.APPLIED_BY_SDK);
    }

    /**
     * As {@link #create(DataSource, ResellerId, Duration)}; with {@link JdbcStorage.Schema#MANAGED_BY_HOST} the
     * tables are only checked, and an older schema is an error instead of being migrated.
     */
    public static JdbcLicenseStore create(
            DataSource dataSource, ResellerId reseller, Duration queryTimeout, JdbcStorage.Schema schema) {
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(schema, "schema");
        Db db = new Db(dataSource, queryTimeout);
        db.ensureSchema(schema == JdbcStorage.Schema.MANAGED_BY_HOST);
        return new JdbcLicenseStore(db, reseller);
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
                db.inTransactionRetryingFirstWrites("store a page of " + licenses.size() + " licenses", connection -> {
                    int added = 0;
                    int changed = 0;
                    int unchanged = 0;
                    // Licenses already met in this page, so a page that lists one twice compares with its first copy.
                    Map<LicenseId, License> inPage = new HashMap<>();
                    try (PreparedStatement select = db.prepare(connection, SELECT_ONE);
                            PreparedStatement insert = db.prepare(connection, INSERT);
                            PreparedStatement update = db.prepare(connection, UPDATE)) {
                        for (License incoming : licenses) {
                            Optional<License> stored = inPage.containsKey(incoming.id())
                                    ? Optional.of(inPage.get(incoming.id()))
                                    : find(select, reseller, incoming.id());
                            License cleaned = LicenseText.cleaned(incoming);
                            License license =
                                    storable(stored.map(book -> LicenseStore.keepingOrderNumber(cleaned, book))
                                            .orElse(cleaned));
                            if (stored.isEmpty()) {
                                bindInsert(insert, reseller, license);
                                insert.addBatch();
                                added++;
                            } else if (!stored.get().equals(license)) {
                                bindUpdate(update, reseller, license);
                                update.addBatch();
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
                    writeCursor(connection, cursorAfterPage);
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
        return read("read license " + id, connection -> {
            try (PreparedStatement select = db.prepare(connection, SELECT_ONE)) {
                return find(select, reseller, id);
            }
        });
    }

    @Override
    public List<License> query(LicenseQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM eset_license WHERE reseller_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(reseller);
        query.expiresOnOrAfter().ifPresent(day -> {
            sql.append(" AND expires >= ?");
            parameters.add(day);
        });
        query.expiresOnOrBefore().ifPresent(day -> {
            sql.append(" AND expires <= ?");
            parameters.add(day);
        });
        query.product().ifPresent(product -> {
            sql.append(" AND product = ?");
            parameters.add(product.value());
        });
        query.customerText().filter(text -> !text.isBlank()).ifPresent(text -> {
            sql.append(" AND (LOWER(organization) LIKE ? ESCAPE '\\' OR LOWER(first_name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(last_name) LIKE ? ESCAPE '\\' OR LOWER(email) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(first_name || ' ' || last_name) LIKE ? ESCAPE '\\')");
            String pattern = "%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%";
            for (int i = 0; i < 5; i++) {
                parameters.add(pattern);
            }
        });
        if (!query.includeTrials()) {
            sql.append(" AND trial = FALSE");
        }
        sql.append(" ORDER BY expires, id");
        if (query.limit().isPresent()) {
            // An int, so it is safe inline; FETCH FIRST is the standard form both H2 and PostgreSQL accept.
            sql.append(" FETCH FIRST ")
                    .append(Math.max(0, query.limit().getAsInt()))
                    .append(" ROWS ONLY");
        }
        return read("query the licenses", connection -> {
            try (PreparedStatement select = db.prepare(connection, sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<License> licenses = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        licenses.add(license(rows));
                    }
                }
                return licenses;
            }
        });
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
            List<License> page = read("read the licenses page by page", connection -> {
                try (PreparedStatement select = db.prepareForwardOnly(
                        connection,
                        "SELECT " + COLUMNS + " FROM eset_license WHERE reseller_id = ?"
                                + (from.isPresent() ? " AND id > ?" : "")
                                + " ORDER BY id FETCH FIRST " + FETCH_SIZE + " ROWS ONLY")) {
                    select.setFetchSize(FETCH_SIZE);
                    select.setString(1, reseller);
                    if (from.isPresent()) {
                        select.setString(2, from.get());
                    }
                    List<License> licenses = new ArrayList<>(FETCH_SIZE);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            licenses.add(license(rows));
                        }
                    }
                    return licenses;
                }
            });
            page.forEach(action);
            if (page.size() < FETCH_SIZE) {
                return;
            }
            after = Optional.of(page.get(page.size() - 1).id().value());
        }
    }

    @Override
    public long count() {
        return read("count the licenses", connection -> {
            try (PreparedStatement select =
                    db.prepare(connection, "SELECT COUNT(*) FROM eset_license WHERE reseller_id = ?")) {
                select.setString(1, reseller);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<SyncCursor> cursor() {
        return read("read the sync cursor", connection -> {
            try (PreparedStatement select = db.prepare(
                    connection, "SELECT " + CURSOR_COLUMNS + " FROM eset_sync_cursor WHERE reseller_id = ?")) {
                select.setString(1, reseller);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(ImmutableSyncCursor.builder()
                            .since(instant(rows, "since_at"))
                            .nextSkip(rows.getInt("next_skip"))
                            .highWater(instant(rows, "high_water"))
                            .inProgress(rows.getBoolean("in_progress"))
                            .lastCompleted(instant(rows, "last_completed"))
                            .build());
                }
            }
        });
    }

    @Override
    public String toString() {
        // a host's data source may print its URL with the password: its class only
        return "JdbcLicenseStore[" + reseller + " in "
                + db.dataSource().getClass().getSimpleName() + "]";
    }

    private <T> T read(String what, Sql.Work<T> work) {
        return db.inTransaction(what, work);
    }

    private void writeCursor(Connection connection, SyncCursor cursor) throws SQLException {
        try (PreparedStatement update = db.prepare(
                connection,
                "UPDATE eset_sync_cursor SET since_at = ?, next_skip = ?, high_water = ?, in_progress = ?,"
                        + " last_completed = ? WHERE reseller_id = ?")) {
            bindCursor(update, cursor);
            update.setString(6, reseller);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = db.prepare(
                connection,
                "INSERT INTO eset_sync_cursor (" + CURSOR_COLUMNS + ", reseller_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            bindCursor(insert, cursor);
            insert.setString(6, reseller);
            insert.executeUpdate();
        }
    }

    private static void bindCursor(PreparedStatement statement, SyncCursor cursor) throws SQLException {
        setInstant(statement, 1, cursor.since());
        statement.setInt(2, cursor.nextSkip());
        setInstant(statement, 3, cursor.highWater());
        statement.setBoolean(4, cursor.inProgress());
        setInstant(statement, 5, cursor.lastCompleted());
    }

    private static Optional<License> find(PreparedStatement select, String reseller, LicenseId id) throws SQLException {
        select.setString(1, reseller);
        select.setString(2, id.value());
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(license(rows)) : Optional.empty();
        }
    }

    /** The license as it reads back from the database, so a re-synced unchanged license compares equal. */
    private static License storable(License license) {
        return License.builder()
                .from(license)
                .modified(Sql.storable(license.modified()))
                .build();
    }

    private static void bindInsert(PreparedStatement insert, String reseller, License license) throws SQLException {
        insert.setString(1, reseller);
        insert.setString(2, license.id().value());
        bindFields(insert, 3, license);
    }

    private static void bindUpdate(PreparedStatement update, String reseller, License license) throws SQLException {
        int next = bindFields(update, 1, license);
        update.setString(next, reseller);
        update.setString(next + 1, license.id().value());
    }

    /** Binds every column but the id from {@code first} on; returns the next index. */
    private static int bindFields(PreparedStatement statement, int first, License license) throws SQLException {
        int i = first;
        statement.setString(i++, license.licenseKey().reveal());
        statement.setString(i++, license.productCode().value());
        statement.setString(i++, license.productName());
        statement.setInt(i++, license.seats().count());
        statement.setInt(i++, license.usedSeats());
        statement.setString(i++, license.state().raw());
        statement.setBoolean(i++, license.trial());
        setText(statement, i++, license.discount());
        setDate(statement, i++, license.issued());
        setDate(statement, i++, license.expires());
        setInstant(statement, i++, license.modified());
        EndCustomer customer = license.customer();
        statement.setString(i++, customer.organization());
        statement.setString(i++, customer.firstName());
        statement.setString(i++, customer.lastName());
        statement.setString(i++, customer.email());
        setText(statement, i++, customer.country());
        setText(statement, i++, customer.vatId());
        setText(statement, i++, license.orderNumber());
        return i;
    }

    private static License license(ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            return License.builder()
                    .id(LicenseId.of(id))
                    .licenseKey(Secret.of(row.getString("license_key")))
                    .productCode(ProductCode.of(row.getString("product")))
                    .productName(row.getString("product_name"))
                    .seats(Seats.of(row.getInt("seats")))
                    .usedSeats(row.getInt("used_seats"))
                    .state(LicenseState.of(row.getString("state")))
                    .trial(row.getBoolean("trial"))
                    .discount(text(row, "discount"))
                    .issued(date(row, "issued"))
                    .expires(date(row, "expires"))
                    .modified(requiredInstant(row, "modified"))
                    .customer(EndCustomer.builder()
                            .organization(row.getString("organization"))
                            .firstName(row.getString("first_name"))
                            .lastName(row.getString("last_name"))
                            .email(row.getString("email"))
                            .country(text(row, "country"))
                            .vatId(text(row, "vat_id"))
                            .build())
                    .orderNumber(text(row, "order_number"))
                    .build();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            // The message of a failed builder check never holds the key, but keep to the row id to be sure.
            throw new StorageException(
                    "The stored license " + id + " is not valid ("
                            + e.getClass().getSimpleName() + "); run a full sync to replace it.",
                    e);
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
