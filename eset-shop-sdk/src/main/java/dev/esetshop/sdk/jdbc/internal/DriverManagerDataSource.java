package dev.esetshop.sdk.jdbc.internal;

import dev.esetshop.core.Secret;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A connection per call through {@link DriverManager}: enough for an embedded database such as H2, where opening
 * a connection is cheap; a host on a server database passes its own pooled {@link DataSource} instead.
 */
public final class DriverManagerDataSource implements DataSource {

    private final String url;
    private final Optional<String> user;
    private final Optional<Secret> password;
    private volatile int loginTimeoutSeconds;

    /** A data source for the URL, with optional credentials. */
    public DriverManagerDataSource(String url, Optional<String> user, Optional<Secret> password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty("user", name));
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return DriverManager.getConnection(url, username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager's own log writer applies; this data source keeps none.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here; the SDK logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** The URL only: credentials stay out of logs. */
    @Override
    public String toString() {
        return "DataSource[" + url + "]";
    }
}
