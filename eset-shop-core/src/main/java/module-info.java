/**
 * The shop's vocabulary: exact money, codes, licenses, end customers, violations and the sealed error hierarchy.
 * Depends on nothing of ours; Immutables is a compile-time dependency only.
 */
// Immutables' annotations mark public value types for our compiler only (static, not transitive: a host reading this
// module never needs Immutables); Immutables ships without a module descriptor, so javac sees it as automatic.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.esetshop.core {
    requires static org.immutables.value;
    // JSpecify's nullness annotations, for our compiler (NullAway) and a host's tools; static, not transitive:
    // a modular host never needs the jar
    requires static org.jspecify;

    exports dev.esetshop.core;
    exports dev.esetshop.core.error;
}
