package dev.esetshop.sdk.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/** A data source whose connections fail any statement mentioning a chosen text, once armed: a disk that fills up. */
final class FailingDataSource {

    private final DataSource target;
    private final AtomicReference<String> failOn = new AtomicReference<>();

    FailingDataSource(DataSource target) {
        this.target = target;
    }

    /** From now on, preparing a statement whose SQL contains the text fails. */
    void failStatementsContaining(String text) {
        failOn.set(text);
    }

    DataSource dataSource() {
        InvocationHandler sources = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        };
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, sources);
    }

    private Connection connection(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String armed = failOn.get();
            if (armed != null && method.getName().equals("prepareStatement") && ((String) args[0]).contains(armed)) {
                throw new SQLException("No space left on device", "53100");
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
