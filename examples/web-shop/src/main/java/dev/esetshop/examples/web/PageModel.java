package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.present.ShopPresentation;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header shows: the logged-in user and its company, when there is one; and the SDK's presentation
 * in the page's language and the reseller's zone ({@code present}), which every template uses to show a value.
 */
@ControllerAdvice
class PageModel {

    private static final Logger LOG = LoggerFactory.getLogger(PageModel.class);

    private final Resellers resellers;
    private final Catalog catalog;
    /** The company names ESET gave, per reseller: a header must not cost a partner status call on every page. */
    private final Map<ResellerId, String> companies = new ConcurrentHashMap<>();

    PageModel(Resellers resellers, Catalog catalog) {
        this.resellers = resellers;
        this.catalog = catalog;
    }

    @ModelAttribute("currentUser")
    String currentUser(Principal user) {
        return user == null ? "" : user.getName();
    }

    /** The reseller's company as ESET names it, for the header; empty before ESET could be asked. */
    @ModelAttribute("company")
    String company(Principal user) {
        if (user == null) {
            return "";
        }
        ResellerId reseller = resellers.id(user);
        String known = companies.get(reseller);
        if (known != null) {
            return known;
        }
        try {
            String company = resellers.shop(user).status().companyName();
            companies.put(reseller, company);
            return company;
        } catch (EsetShopException e) {
            // the header goes without the company; the status page says what failed
            LOG.debug(
                    "no company name for the header of {}: {}",
                    reseller.value(),
                    e.getClass().getSimpleName());
            return "";
        }
    }

    @ModelAttribute("present")
    ShopPresentation present(Principal user, Locale locale) {
        return presentation(user, locale);
    }

    /** The presentation for the logged-in reseller (its shop's zone) in the page's language. */
    ShopPresentation presentation(Principal user, Locale locale) {
        ZoneId zone =
                user == null ? ZoneId.systemDefault() : resellers.shop(user).zone();
        return ShopPresentation.of(WebConfig.language(locale), zone, catalog);
    }
}
