/** The catalog and the rule engine that quotes and validates every operation of the shop. */
module dev.esetshop.pricing {
    requires transitive dev.esetshop.core;
    requires tools.jackson.databind;
    requires static org.immutables.value;

    exports dev.esetshop.pricing;
    exports dev.esetshop.pricing.catalog;
    exports dev.esetshop.pricing.protocol;
}
