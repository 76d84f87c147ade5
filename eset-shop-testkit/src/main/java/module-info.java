/** The stateful ESET sandbox with deterministic fault injection, for the SDK's tests and a marketplace's own. */
// Immutables' annotations mark public value types, so readers of this module see them (static transitive: at
// compile time only, never at run time); Immutables ships without a module descriptor, so javac sees it as automatic.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.esetshop.testkit {
    requires transitive dev.esetshop.core;
    requires transitive dev.esetshop.client;
    requires jdk.httpserver;
    requires transitive java.sql;
    requires tools.jackson.databind;
    requires org.slf4j;
    // the contracts and the JUnit extension are API for the tests that use them
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires static org.immutables.value;
    // JSpecify's nullness annotations, for our compiler (NullAway) and a host's tools; static, not transitive:
    // a modular host never needs the jar
    requires static org.jspecify;

    exports dev.esetshop.testkit;
    exports dev.esetshop.testkit.contract;
}
