package dev.esetshop.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts an {@link EsetSandbox} for the annotated test class and injects it into any constructor, lifecycle or test
 * method parameter of type {@code EsetSandbox}; the sandbox is closed after the class.
 *
 * <pre>{@code
 * @WithEsetSandbox(licenses = 300, seed = 7)
 * class MySyncTest {
 *     @Test
 *     void syncs(EsetSandbox sandbox) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(EsetSandboxExtension.class)
public @interface WithEsetSandbox {

    /** How many licenses the sandbox generates. */
    int licenses() default 100;

    /** The seed of licenses and faults. */
    long seed() default 0;

    /** How many generated licenses have a broken field. */
    int malformedRecords() default 0;

    /** The share of transient 5xx answers, in [0, 1]. */
    double failureRate() default 0;

    /** The share of order answers lost after the commit, in [0, 1]. */
    double loseRate() default 0;

    /** The share of connections cut before handling, in [0, 1]. */
    double cutConnectionRate() default 0;
}
