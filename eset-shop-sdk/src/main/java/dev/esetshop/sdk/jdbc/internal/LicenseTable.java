package dev.esetshop.sdk.jdbc.internal;

/**
 * The SQL of table {@code eset_license}, one row per license of a reseller, keyed by reseller and license id, with an
 * index on the expiration.
 */
public final class LicenseTable {

    private LicenseTable() {}

    /** The columns every select reads, and every insert writes after the reseller, in this order. */
    public static final String COLUMNS = "id, license_key, product, product_name, seats, used_seats, state, trial,"
            + " discount, issued, expires, modified, organization, first_name, last_name, email, country, vat_id,"
            + " order_number";

    /** A new license: the reseller, then {@link #COLUMNS}. */
    public static final String INSERT = "INSERT INTO eset_license (reseller_id, " + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A license again: {@link #COLUMNS} but the id, then the reseller and the id. */
    public static final String UPDATE = "UPDATE eset_license SET license_key = ?, product = ?, product_name = ?,"
            + " seats = ?, used_seats = ?, state = ?, trial = ?, discount = ?, issued = ?, expires = ?, modified = ?,"
            + " organization = ?, first_name = ?, last_name = ?, email = ?, country = ?, vat_id = ?,"
            // a license ESET lists again carries no order number: the book keeps the one it has
            + " order_number = COALESCE(?, order_number) WHERE reseller_id = ? AND id = ?";

    /** One license: the reseller and the id. */
    public static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM eset_license WHERE reseller_id = ? AND id = ?";

    /** The number of a reseller's licenses, as {@code licenses}. */
    public static final String COUNT = "SELECT COUNT(*) AS licenses FROM eset_license WHERE reseller_id = ?";

    /** The select of {@link #query}'s conditions, the reseller first. */
    private static final String SELECT_OF_RESELLER = "SELECT " + COLUMNS + " FROM eset_license WHERE reseller_id = ?";

    /** A condition of {@link #query}, each with its parameters after the reseller's. */
    public static final String EXPIRES_ON_OR_AFTER = " AND expires >= ?";

    /** A condition of {@link #query}: the expiry's last day. */
    public static final String EXPIRES_ON_OR_BEFORE = " AND expires <= ?";

    /** A condition of {@link #query}: the product code. */
    public static final String PRODUCT = " AND product = ?";

    /**
     * A condition of {@link #query}: a lower-case {@code LIKE} pattern ({@code \} escapes), five times: organization,
     * first name, last name, email, and the whole name.
     */
    public static final String CUSTOMER_TEXT = " AND (LOWER(organization) LIKE ? ESCAPE '\\'"
            + " OR LOWER(first_name) LIKE ? ESCAPE '\\' OR LOWER(last_name) LIKE ? ESCAPE '\\'"
            + " OR LOWER(email) LIKE ? ESCAPE '\\' OR LOWER(first_name || ' ' || last_name) LIKE ? ESCAPE '\\')";

    /** How many times {@link #CUSTOMER_TEXT} takes its pattern. */
    public static final int CUSTOMER_TEXT_PARAMETERS = 5;

    /** A condition of {@link #query}, without parameters. */
    public static final String NO_TRIALS = " AND trial = FALSE";

    /**
     * The licenses matching the conditions (constants of this class only, never caller text), soonest expiry first,
     * at most {@code limit} when there is one.
     */
    public static String query(String conditions, boolean limited, int limit) {
        // an int, so it is safe inline; FETCH FIRST is the standard form both H2 and PostgreSQL accept
        return SELECT_OF_RESELLER + conditions + " ORDER BY expires, id"
                + (limited ? " FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY" : "");
    }

    /**
     * A page of a reseller's licenses in id order (keyset paging on the primary key): the reseller, then the last id
     * of the page before when {@code afterAnId}.
     */
    public static String pageById(boolean afterAnId, int pageSize) {
        return SELECT_OF_RESELLER + (afterAnId ? " AND id > ?" : "") + " ORDER BY id FETCH FIRST " + pageSize
                + " ROWS ONLY";
    }
}
