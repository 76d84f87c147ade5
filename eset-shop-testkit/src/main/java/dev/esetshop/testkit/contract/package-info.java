/**
 * Contract tests a marketplace runs on its own adapters: {@link dev.esetshop.testkit.contract.EsetPartnerApiContract}
 * for an {@code EsetPartnerApi}, checked against the {@code EsetSandbox}. They are abstract JUnit 5 classes with
 * AssertJ assertions; a test class extends one and implements its factory method, and JUnit runs every case on the
 * adapter. The contracts of the SDK's storage ports ({@code LicenseStore}, {@code OrderJournal}) are in the module
 * {@code dev.esetshop.testkit.storage} (artifact {@code eset-shop-testkit-storage}): they need the SDK, whose own tests
 * need this testkit.
 */
@NullMarked
package dev.esetshop.testkit.contract;

import org.jspecify.annotations.NullMarked;
