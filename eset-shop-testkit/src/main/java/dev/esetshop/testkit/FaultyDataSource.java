package dev.esetshop.testkit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} around a real one that misbehaves the way production databases and pools do, for testing
 * storage code: connections handed out with {@code autoCommit=false} whose uncommitted work is rolled back on close
 * (as HikariCP or Spring may hand them out), a statement that fails on its Nth execution, statements that fail at
 * random (seeded), commits that fail, statements that fail when their SQL contains a text. It also records every SQL
 * text executed and which statements ran without a query timeout. Thread-safe.
 */
public final class FaultyDataSource implements DataSource {

    /** The SQL state of the injected failures: a connection failure, the kind a database outage raises. */
    public static final String INJECTED_STATE = "08006";

    private static final Set<String> EXECUTIONS = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate", "executeLargeBatch");

    private final DataSource target;
    private final AtomicBoolean autoCommitOff = new AtomicBoolean();
    private final AtomicLong failAtExecution = new AtomicLong(-1);
    private final AtomicLong executions = new AtomicLong();
    /** Guarded by {@code random}: the share of executions that fail at random, and the seeded source. */
    private final Object random = new Object();

    private double randomFailureRate;
    private Random randomSource = new Random(0);
    private final AtomicBoolean failCommits = new AtomicBoolean();
    private final AtomicReference<String> failContaining = new AtomicReference<>();
    private final AtomicReference<String> failState = new AtomicReference<>(INJECTED_STATE);
    private final AtomicBoolean quoteValues = new AtomicBoolean();
    private final AtomicInteger injected = new AtomicInteger();
    private final List<String> executed = new ArrayList<>();
    private final List<String> withoutTimeout = new ArrayList<>();

    private FaultyDataSource(DataSource target) {
        this.target = target;
    }

    /**
     * Makes every injected failure's message quote the statement and the values bound to it, the way drivers'
     * messages do, so a test can search logs and exceptions for them.
     */
    public FaultyDataSource quoteValuesInFailures() {
        quoteValues.set(true);
        return this;
    }

    /** A data source that behaves like {@code target} until told otherwise. */
    public static FaultyDataSource around(DataSource target) {
        return new FaultyDataSource(Objects.requireNonNull(target, "target"));
    }

    /**
     * Hands out connections with {@code autoCommit=false}; work not committed when a connection closes is rolled
     * back.
     */
    public FaultyDataSource autoCommitOff() {
        autoCommitOff.set(true);
        return this;
    }

    /** The {@code n}th statement execution from now on (1 = the next one) fails. */
    public FaultyDataSource failExecution(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("n counts from 1");
        }
        failAtExecution.set(executions.get() + n);
        return this;
    }

    /** From now on each statement execution fails with this probability, drawn from a generator of this seed. */
    public FaultyDataSource failRandomly(double rate, long seed) {
        synchronized (random) {
            randomSource = new Random(seed);
            randomFailureRate = rate;
        }
        return this;
    }

    /** Every commit fails from now on (or works again with {@code false}). */
    public FaultyDataSource failCommits(boolean fail) {
        failCommits.set(fail);
        return this;
    }

    /** Every statement whose SQL contains the text fails from now on (null for none). */
    public FaultyDataSource failStatementsContaining(String text) {
        failContaining.set(text);
        return this;
    }

    /** The SQL state of the injected failures from now on, e.g. {@code 40001} for a lost serialization race. */
    public FaultyDataSource failWithState(String sqlState) {
        failState.set(Objects.requireNonNull(sqlState, "sqlState"));
        return this;
    }

    /** Stops injecting failures of every kind (the connections' auto-commit stays as set). */
    public FaultyDataSource heal() {
        failAtExecution.set(-1);
        synchronized (random) {
            randomFailureRate = 0.0;
        }
        failCommits.set(false);
        failContaining.set(null);
        return this;
    }

    /** How many failures were injected so far. */
    public int injectedFailures() {
        return injected.get();
    }

    /** Every SQL text prepared or executed so far, in order. */
    public synchronized List<String> executedSql() {
        return List.copyOf(executed);
    }

    /** The SQL texts executed without a query timeout set on their statement. */
    public synchronized List<String> executedWithoutTimeout() {
        return List.copyOf(withoutTimeout);
    }

    /** Forgets the recorded SQL. */
    public synchronized void clearRecords() {
        executed.clear();
        withoutTimeout.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(target.getConnection(username, password));
    }

    private Connection connection(Connection real) throws SQLException {
        if (autoCommitOff.get()) {
            real.setAutoCommit(false);
        }
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "commit" -> {
                    if (failCommits.get()) {
                        injected.incrementAndGet();
                        throw new SQLException("injected commit failure", failState.get());
                    }
                }
                case "close" -> {
                    if (!real.isClosed() && !real.getAutoCommit()) {
                        real.rollback();
                    }
                }
                default -> {
                    // forwarded as is
                }
            }
            Object result = invoke(real, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return statement(statement, sql, method.getReturnType());
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(
                FaultyDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private Object statement(Statement real, @Nullable String preparedSql, Class<?> type) {
        List<Object> bound = new java.util.concurrent.CopyOnWriteArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                record(sql, real.getQueryTimeout() == 0);
                maybeFail(sql, bound);
            } else if (method.getName().startsWith("set")
                    && args != null
                    && args.length >= 2
                    && args[0] instanceof Integer) {
                bound.add(String.valueOf(args[1]));
            } else if (method.getName().equals("clearParameters")) {
                bound.clear();
            }
            return invoke(real, method, args);
        };
        return Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private synchronized void record(@Nullable String sql, boolean noTimeout) {
        executed.add(String.valueOf(sql));
        if (noTimeout) {
            withoutTimeout.add(String.valueOf(sql));
        }
    }

    private void maybeFail(@Nullable String sql, List<Object> bound) throws SQLException {
        long n = executions.incrementAndGet();
        String containing = failContaining.get();
        boolean fail = n == failAtExecution.get() || (containing != null && sql != null && sql.contains(containing));
        if (!fail) {
            synchronized (random) {
                fail = randomFailureRate > 0 && randomSource.nextDouble() < randomFailureRate;
            }
        }
        if (fail) {
            injected.incrementAndGet();
            String message = quoteValues.get()
                    ? "injected failure: Batch entry 0 " + sql + " with values " + bound + " was aborted"
                    : "injected failure";
            throw new SQLException(message, failState.get());
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "FaultyDataSource[" + target + "]";
    }
}
