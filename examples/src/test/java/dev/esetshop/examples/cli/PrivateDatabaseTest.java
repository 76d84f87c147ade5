package dev.esetshop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, item 14: the command line's database holds license keys, so only its owner may read it. */
class PrivateDatabaseTest {

    @Test
    void theDatabaseDirectoryAndFilesAreTheOwnersOnly(@TempDir Path home) throws Exception {
        Path file = home.resolve(".eset-shop").resolve("shop");

        JdbcLicenseStore.create(ShopOptions.privateDatabase(file), JdbcStorage.DEFAULT_RESELLER);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        Path data = file.resolveSibling("shop.mv.db");
        assertThat(data).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rw-------");
    }
}
