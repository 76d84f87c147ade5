package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EsetShops;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** The logged-in reseller and its shop: a user sees its own reseller's data only. */
@Component
class Resellers {

    private final EsetShops shops;

    Resellers(EsetShops shops) {
        this.shops = shops;
    }

    ResellerId id(Principal user) {
        return ResellerId.of(user.getName());
    }

    EsetShop shop(Principal user) {
        return shops.shop(id(user));
    }
}
