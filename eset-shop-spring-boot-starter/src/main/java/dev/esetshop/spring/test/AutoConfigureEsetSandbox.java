package dev.esetshop.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test class ({@code @SpringBootTest} and the like): starts an {@code EsetSandbox} of
 * {@code eset-shop-testkit} for the test's application context, points the starter at it
 * ({@code eset.shop.base-url}), defines it as a bean (to read its credentials or switch on faults) and closes it with
 * the context. With {@link #resellers()}, it also defines the {@code ResellerDirectory}: those resellers, each on the
 * sandbox's partner. Needs {@code eset-shop-testkit} on the test class path only: production never loads this package.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureEsetSandbox(resellers = "acme", licenses = 20)
 * class CheckoutTest {
 *     @Autowired EsetShops shops;
 *     @Autowired EsetSandbox sandbox;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureEsetSandbox {

    /**
     * The seed of the sandbox's book, so every run sees the same licenses.
     *
     * @return the seed
     */
    long seed() default 1;

    /**
     * How many licenses the sandbox's partner holds.
     *
     * @return the number of licenses
     */
    int licenses() default 10;

    /**
     * The resellers of the directory the helper defines, each on the sandbox's partner; empty (the default) defines
     * no directory: the host's own is used.
     *
     * @return the reseller ids
     */
    String[] resellers() default {};
}
