package dev.esetshop.examples.web;

import dev.esetshop.core.License;
import dev.esetshop.core.ResellerId;
import dev.esetshop.testkit.EsetSandbox;

/** What the tests read from the demo's sandboxes: a reseller's licenses as ESET holds them, with their keys. */
final class DemoResellersTestSupport {

    private DemoResellersTestSupport() {}

    static EsetSandbox sandbox(RunningShop shop, ResellerId reseller) {
        return shop.context.getBean(DemoResellers.Sandboxes.class).byReseller().get(reseller);
    }

    /** A license of the reseller that is not trial, as ESET holds it. */
    static String someLicense(RunningShop shop, ResellerId reseller) {
        return sandbox(shop, reseller).licenses().stream()
                .map(License::id)
                .findFirst()
                .orElseThrow()
                .value();
    }
}
