/** The ESET partner API client: the Java face of the wire protocol and its resilient java.net.http implementation. */
// Immutables' annotations mark public value types for our compiler only (static, not transitive); Immutables and
// Resilience4j ship without module descriptors, so javac sees them as automatic.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic", "module"})
module dev.esetshop.client {
    requires transitive dev.esetshop.core;
    requires transitive java.net.http;
    requires tools.jackson.databind;
    requires org.slf4j;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.ratelimiter;
    requires static org.immutables.value;
    // JSpecify's nullness annotations, for our compiler (NullAway) and a host's tools; static, not transitive:
    // a modular host never needs the jar
    requires static org.jspecify;

    exports dev.esetshop.client;
}
