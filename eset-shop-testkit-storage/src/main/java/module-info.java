/**
 * The contract tests of the SDK's storage ports, {@code LicenseStore}, {@code OrderJournal} and {@code ReminderJournal},
 * for every adapter. A module of its own because the contracts need the SDK, whose own tests need
 * {@code dev.esetshop.testkit}.
 */
module dev.esetshop.testkit.storage {
    requires transitive dev.esetshop.sdk;
    requires transitive dev.esetshop.testkit;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    // JSpecify's nullness annotations, for our compiler (NullAway) and a host's tools; static, not transitive:
    // a modular host never needs the jar
    requires static org.jspecify;

    exports dev.esetshop.testkit.storage;
}
