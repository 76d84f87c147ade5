/** The stateful ESET sandbox with deterministic fault injection, for the SDK's tests and a marketplace's own. */
module dev.esetshop.testkit {
    requires transitive dev.esetshop.core;
    requires transitive dev.esetshop.client;
    requires jdk.httpserver;
    requires transitive java.sql;
    requires tools.jackson.databind;
    requires org.slf4j;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires static org.immutables.value;

    exports dev.esetshop.testkit;
    exports dev.esetshop.testkit.contract;
}
