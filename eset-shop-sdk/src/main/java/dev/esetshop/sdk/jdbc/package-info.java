/**
 * The JDBC adapters of the storage ports, for H2 (the embedded default) and PostgreSQL (where several instances
 * meet): the license store, the order journal, and {@link dev.esetshop.sdk.jdbc.JdbcStorage} to open a database.
 */
@NullMarked
package dev.esetshop.sdk.jdbc;

import org.jspecify.annotations.NullMarked;
