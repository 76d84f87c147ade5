package dev.esetshop.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.Secret;
import dev.esetshop.sdk.license.SyncCursor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStorageTest {

    @Test
    void anH2FileHoldsTheBookAndTheJournalInOneDatabase(@TempDir Path directory) {
        Path file = directory.resolve("shop");
        JdbcLicenseStore store = JdbcLicenseStore.create(JdbcStorage.h2(file), JdbcStorage.DEFAULT_RESELLER);
        JdbcOrderJournal.create(JdbcStorage.h2(file), JdbcStorage.DEFAULT_RESELLER);
        store.storePage(
                SampleLicenses.licenses(0, 3),
                SyncCursor.builder().nextSkip(3).inProgress(true).build());

        JdbcLicenseStore reopened = JdbcLicenseStore.create(JdbcStorage.h2(file), JdbcStorage.DEFAULT_RESELLER);

        assertThat(reopened.count()).isEqualTo(3);
        assertThat(Files.exists(directory.resolve("shop.mv.db"))).isTrue();
    }

    /** A pool's toString, and the failure of a start through it, show no credentials the JDBC URL holds. */
    @Test
    void theCredentialsOfAJdbcUrlNeverShowInToStringOrInTheFailure() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/shop?user=shop&password=hunter2-s3cret&sslpassword=k3y-s3cret";
        DataSource pool = JdbcStorage.url(url);
        DataSource h2 = JdbcStorage.url("jdbc:h2:mem:creds-" + UUID.randomUUID() + ";USER=sa;PASSWORD=h2-s3cret");

        assertThat(pool.toString()).contains("127.0.0.1:1/shop", "password=***").doesNotContain("s3cret");
        assertThat(h2.toString()).contains("PASSWORD=***").doesNotContain("s3cret");
        assertThat(JdbcStorage.url("jdbc:postgresql://shop:pw-s3cret@db.example/shop")
                        .toString())
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> JdbcOrderJournal.create(pool, JdbcStorage.DEFAULT_RESELLER))
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("s3cret"));
        ((AutoCloseable) pool).close();
        ((AutoCloseable) h2).close();
    }

    static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    @Test
    void inMemoryDatabasesOfTheSameNameAreOneAndOfOtherNamesAreApart() {
        String name = "shared-" + UUID.randomUUID();
        JdbcLicenseStore.create(JdbcStorage.h2InMemory(name), JdbcStorage.DEFAULT_RESELLER)
                .storePage(
                        SampleLicenses.licenses(0, 2),
                        SyncCursor.builder().nextSkip(2).inProgress(true).build());

        assertThat(JdbcLicenseStore.create(JdbcStorage.h2InMemory(name), JdbcStorage.DEFAULT_RESELLER)
                        .count())
                .isEqualTo(2);
        assertThat(JdbcLicenseStore.create(
                                JdbcStorage.h2InMemory("other-" + UUID.randomUUID()), JdbcStorage.DEFAULT_RESELLER)
                        .count())
                .isZero();
    }

    @Test
    void anInMemoryNameCannotSmuggleSettingsIntoTheUrl() {
        assertThatThrownBy(() -> JdbcStorage.h2InMemory("db;INIT=RUNSCRIPT FROM 'x'"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcStorage.h2InMemory(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsReachTheDriverButNotToString() throws SQLException {
        String url = "jdbc:h2:mem:creds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DataSource first = JdbcStorage.url(url, "shop", Secret.of("s3cret-pw"));
        try (Connection connection = first.getConnection()) {
            assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase("shop");
        }

        DataSource wrong = JdbcStorage.url(url, "shop", Secret.of("wrong-pw"));

        assertThatThrownBy(wrong::getConnection).isInstanceOf(SQLException.class);
        assertThat(first.toString()).contains("jdbc:h2:mem:creds-").doesNotContain("s3cret-pw");
    }
}
