package dev.esetshop.sdk.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.sdk.jdbc.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The template the JDBC adapters run on: typed parameters and columns, and transactions with or without a value. */
class TxTest {

    private final Db db = new Db(TestDatabases.h2("tx"), Db.DEFAULT_QUERY_TIMEOUT);

    @Test
    void aRequiredColumnHoldingNullIsNamedInsteadOfHandedOnAsNull() {
        assertThatThrownBy(() -> db.inTransaction(
                        "read a NULL",
                        tx -> tx.first(
                                "SELECT CAST(NULL AS VARCHAR(8)) AS license_key",
                                Binder.NONE,
                                row -> row.string("license_key"))))
                .isInstanceOf(Row.NullColumnException.class)
                .hasMessage("its column license_key is NULL");
        Optional<Optional<String>> absent = db.inTransaction(
                "read an absent value",
                tx -> tx.first(
                        "SELECT CAST(NULL AS VARCHAR(8)) AS discount",
                        Binder.NONE,
                        row -> row.optionalString("discount")));
        assertThat(absent).contains(Optional.empty());
    }

    @Test
    void parametersBindInOrderAndInstantsKeepTheMicrosecond() {
        Instant at = Instant.parse("2030-01-02T03:04:05.123456789Z");
        db.useTransaction(
                "create a table",
                tx -> tx.update(
                        "CREATE TABLE t (name VARCHAR(8), note VARCHAR(8), at TIMESTAMP WITH TIME ZONE, n INTEGER)",
                        Binder.NONE));
        db.useTransaction(
                "insert a row",
                tx -> tx.update(
                        "INSERT INTO t VALUES (?, ?, ?, ?)",
                        b -> b.string("a").nullableString(null).instant(at).integer(7)));

        List<String> rows = db.inTransaction(
                "read it back",
                tx -> tx.list(
                        "SELECT name, note, at, n FROM t",
                        Binder.NONE,
                        row -> row.string("name") + "|" + row.optionalString("note") + "|" + row.instant("at") + "|"
                                + row.integer("n")));
        assertThat(rows).containsExactly("a|Optional.empty|2030-01-02T03:04:05.123456Z|7");
    }

    @Test
    void aFailedTransactionWithoutAValueLeavesNothingBehind() {
        db.useTransaction("create a table", tx -> tx.update("CREATE TABLE u (name VARCHAR(8))", Binder.NONE));

        assertThatThrownBy(() -> db.useTransaction("insert and fail", tx -> {
                    tx.update("INSERT INTO u VALUES (?)", b -> b.string("a"));
                    throw new IllegalStateException("fails after the insert");
                }))
                .isInstanceOf(IllegalStateException.class);
        boolean inserted = db.inTransaction("look for the row", tx -> tx.exists("SELECT name FROM u", Binder.NONE));
        assertThat(inserted).isFalse();
    }
}
