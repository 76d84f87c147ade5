package dev.esetshop.spring;

import dev.esetshop.client.EsetPartnerClient;

/**
 * Changes the builder of every reseller's {@link EsetPartnerClient} in code. Define any number of beans of this type;
 * they run in their {@code @Order} ({@code Ordered}), so one customizer changes one setting and leaves the others as
 * the properties or an earlier customizer made them. The starter's own customizer applies the {@code eset.shop.*}
 * properties at {@link #PROPERTIES_ORDER}, so a customizer without an order runs after it and wins. The base URL,
 * credentials and transport are the factory's. A host's own {@link EsetPartnerApiFactory} applies every customizer
 * bean in its order ({@code ObjectProvider.orderedStream()}) to keep the properties and the starter's metrics.
 *
 * <pre>{@code
 * @Bean
 * EsetPartnerClientCustomizer longerTokenMargin() {
 *     return builder -> builder.tokenRenewalMargin(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EsetPartnerClientCustomizer {

    /** The order of the starter's customizer that applies the {@code eset.shop.*} properties: 0. */
    int PROPERTIES_ORDER = 0;

    /**
     * Changes the builder; called once at start-up to check the result and then for each reseller's client.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(EsetPartnerClient.Builder builder);
}
