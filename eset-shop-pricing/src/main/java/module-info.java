/** The catalog and the rule engine that quotes and validates every operation of the shop. */
// Immutables' annotations mark public value types, so readers of this module see them (static transitive: at
// compile time only, never at run time); Immutables ships without a module descriptor, so javac sees it as automatic.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.esetshop.pricing {
    requires transitive dev.esetshop.core;
    requires tools.jackson.databind;
    requires static org.immutables.value;
    // JSpecify's nullness annotations, for our compiler (NullAway) and a host's tools; static, not transitive:
    // a modular host never needs the jar
    requires static org.jspecify;

    exports dev.esetshop.pricing;
    exports dev.esetshop.pricing.catalog;
    exports dev.esetshop.pricing.protocol;
}
