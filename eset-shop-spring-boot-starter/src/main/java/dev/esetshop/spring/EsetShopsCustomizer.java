package dev.esetshop.spring;

import dev.esetshop.sdk.EsetShops;

/**
 * Changes the builder of the registry ({@link EsetShops}) in code, after the starter applied the host's beans and the
 * {@code eset.shop.*} properties onto it and before it is built and started. Define any number of beans of this type;
 * they run in their {@code @Order} ({@code Ordered}).
 *
 * <pre>{@code
 * @Bean
 * EsetShopsCustomizer slowerSyncLease() {
 *     return builder -> builder.syncLease(Duration.ofMinutes(5));
 * }
 *
 * @Bean
 * EsetShopsCustomizer syncOnTheApplicationsExecutor(ThreadPoolTaskExecutor applicationTaskExecutor) {
 *     // the fleet sync's tasks on the host's pool, which the registry never shuts down
 *     return builder -> builder.syncExecutor(applicationTaskExecutor);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EsetShopsCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the registry's builder, with the properties applied
     */
    void customize(EsetShops.Builder builder);
}
