package dev.esetshop.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the host's {@code DataSource} bean that the registry's journals use (every reseller's order and reminder
 * journal, and the instances' sync leases), so an exhausted or busy main pool never keeps an order from being
 * journalled. The license books stay on the host's main (primary) {@code DataSource}; both must reach the same
 * database. A pool of one connection is enough for the journals. Without a bean so marked, the journals use the main
 * {@code DataSource} too.
 *
 * <pre>{@code
 * @Bean @Primary DataSource dataSource() { ... }                     // the license books (and Flyway)
 * @Bean @EsetShopJournalDataSource DataSource journalPool() { ... }   // the journals, a small pool of its own
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface EsetShopJournalDataSource {}
