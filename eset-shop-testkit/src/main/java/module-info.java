/** The stateful ESET sandbox with deterministic fault injection, for the SDK's tests and a marketplace's own. */
module dev.esetshop.testkit {
    requires transitive dev.esetshop.core;
    requires dev.esetshop.client;
    requires jdk.httpserver;
    requires transitive java.sql;
    requires tools.jackson.databind;
    requires org.slf4j;
    requires static org.junit.jupiter.api;
    requires static org.immutables.value;

    exports dev.esetshop.testkit;
}
