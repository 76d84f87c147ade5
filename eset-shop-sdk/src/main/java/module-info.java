/** The facade a marketplace embeds: the whole ESET license shop behind one {@code EsetShop}. */
// Immutables' annotations mark public value types, so readers of this module see them (static transitive: at
// compile time only, never at run time); Immutables and mustache.java ship without module descriptors, so javac sees
// them as automatic.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.esetshop.sdk {
    requires transitive dev.esetshop.core;
    requires transitive dev.esetshop.pricing;
    requires transitive dev.esetshop.client;
    requires transitive java.sql;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.csv;
    requires org.dhatim.fastexcel;
    requires com.github.mustachejava;
    requires org.slf4j;
    // flyway-core names no module: this is the name Java derives from its jar
    requires flyway.core;
    requires com.zaxxer.hikari;
    requires static org.immutables.value;
    // JSpecify's nullness annotations, for our compiler (NullAway) and a host's tools; static, not transitive:
    // a modular host never needs the jar
    requires static org.jspecify;

    exports dev.esetshop.sdk;
    exports dev.esetshop.sdk.memory;
    exports dev.esetshop.sdk.license;
    exports dev.esetshop.sdk.order;
    exports dev.esetshop.sdk.confirm;
    exports dev.esetshop.sdk.jdbc;
    exports dev.esetshop.sdk.report;
    exports dev.esetshop.sdk.remind;
    exports dev.esetshop.sdk.event;
    exports dev.esetshop.sdk.present;
}
