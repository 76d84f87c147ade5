/**
 * Contract tests for the SDK's storage ports: {@link dev.esetshop.testkit.storage.LicenseStoreContract} for a
 * {@code LicenseStore} and {@link dev.esetshop.testkit.storage.OrderJournalContract} for an {@code OrderJournal} and
 * {@link dev.esetshop.testkit.storage.ReminderJournalContract} for a {@code ReminderJournal}. Each
 * is an abstract JUnit 5 class with AssertJ assertions and two factory methods (a new adapter on fresh storage, and
 * another on the same storage); a test class extends it, and JUnit runs every case on the adapter. The SDK's
 * in-memory and JDBC adapters (H2 and PostgreSQL) run them in this module's tests, and a marketplace that writes its
 * own adapter runs the same cases.
 *
 * <p>Why a module of its own ({@code eset-shop-testkit-storage}, module {@code dev.esetshop.testkit.storage}) and
 * not a package of {@code eset-shop-testkit}: these contracts are written against the SDK's ports, so they need the
 * SDK, and the SDK's own tests use the testkit's ESET sandbox. The testkit depending on the SDK would make a build
 * cycle. The contract of the ESET partner API, which needs only the client, is in the testkit
 * ({@code dev.esetshop.testkit.contract}).
 */
@NullMarked
package dev.esetshop.testkit.storage;

import org.jspecify.annotations.NullMarked;
