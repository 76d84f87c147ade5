/**
 * Test support for hosts of the starter: {@link dev.esetshop.spring.test.AutoConfigureEsetSandbox} starts the
 * sandbox of {@code eset-shop-testkit} and points the starter at it. Only loaded by Spring's test framework, with
 * {@code eset-shop-testkit} and {@code spring-test} on the test class path.
 */
@NullMarked
package dev.esetshop.spring.test;

import org.jspecify.annotations.NullMarked;
