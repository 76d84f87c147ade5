/**
 * The shop's vocabulary: exact money, codes, licenses, end customers, violations and the sealed error hierarchy.
 * Depends on nothing of ours; Immutables is a compile-time dependency only.
 */
module dev.esetshop.core {
    requires static org.immutables.value;

    exports dev.esetshop.core;
    exports dev.esetshop.core.error;
}
