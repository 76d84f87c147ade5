package dev.esetshop.sdk.jdbc.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.esetshop.core.Secret;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A bounded HikariCP pool that opens no connection before its first use and fails like a data source should: a
 * driver or pool start that fails with a runtime exception becomes an {@link SQLException} (SQL state 08001), so the
 * adapters report it as a storage failure. Its text is the URL, never the credentials.
 */
public final class ConnectionPool extends HikariDataSource {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final String url;

    /** A pool of at most {@code maxSize} connections to the URL, with optional credentials. */
    public ConnectionPool(String url, @Nullable String user, @Nullable Secret password, int maxSize) {
        this.url = url;
        setPoolName("eset-shop-" + POOLS.incrementAndGet());
        setJdbcUrl(url);
        if (user != null) {
            setUsername(user);
        }
        if (password != null) {
            setPassword(password.reveal());
        }
        setMaximumPoolSize(maxSize);
        // connections on demand: an embedded H2 opens one in microseconds, and a host with many pools (or tests with
        // a database each) should not hold a server's connections while idle
        setMinimumIdle(0);
        setIdleTimeout(Duration.ofMinutes(1).toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return super.getConnection();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new SQLException(
                    "could not open a connection (" + e.getClass().getSimpleName() + ")", "08001");
        }
    }

    /** The URL only, its credentials masked ({@code password=} in the URL too): they stay out of logs. */
    @Override
    public String toString() {
        return "DataSource[" + Sql.redactedUrl(url) + "]";
    }
}
