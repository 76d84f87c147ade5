package dev.esetshop.testkit.storage;

import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;

/** The in-memory license store runs the license store contract. */
class InMemoryLicenseStoreContractTest extends LicenseStoreContract {

    private InMemoryLicenseStore store;

    @Override
    protected LicenseStore newStore() {
        store = new InMemoryLicenseStore();
        return store;
    }

    @Override
    protected LicenseStore openAgain() {
        return store;
    }
}
