package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.EsetShops;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19 §5/§6: the license list and its export as a {@code @WebMvcTest} slice of {@link ShopPages} and
 * {@link ReportPages} on the
 * order forms' real shop over a sandbox with a fixed clock ({@link OrderFormsWebMvcTest.Shop}). Each test syncs the
 * reseller's book first and reads only what it finds there.
 */
@WebMvcTest({ShopPages.class, ReportPages.class})
@Import({
    SecurityConfig.class,
    WebConfig.class,
    Resellers.class,
    SyncRunner.class,
    MailOutbox.class,
    OrderFormsWebMvcTest.Shop.class
})
class ShopPagesWebMvcTest {

    private static final ResellerId RESELLER = ResellerId.of("reseller-a");
    private static final Pattern CUSTOMER = Pattern.compile("<td class=\"customer\">([^<]*)</td>");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private EsetShops shops;

    @BeforeEach
    void syncTheBook() {
        shops.shop(RESELLER).sync();
    }

    @Test
    void theLicenseListSortsByCustomerAndSaysSoInItsSelect() throws Exception {
        String page = page("/licenses?sort=customer&lang=en");
        List<String> customers = all(CUSTOMER, page);
        assertThat(customers).as(page).hasSizeGreaterThan(5);
        assertThat(customers)
                .as("customers in the order of the list")
                .isSortedAccordingTo(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT)));
        assertThat(customers)
                .as("sorting by customer changes the default order by expiry")
                .isNotEqualTo(all(CUSTOMER, page("/licenses?lang=en")));
        assertThat(page).contains("<option value=\"customer\" selected=\"selected\"");
    }

    @Test
    void aCustomerWithNoLicenseGetsAnEmptyListThatSaysWhyAndHowToWidenIt() throws Exception {
        String page = page("/licenses?customer=nobody-at-all&lang=en");
        assertThat(all(CUSTOMER, page)).isEmpty();
        assertThat(page).contains("No license matches these filters");
    }

    @Test
    void theCsvExportListsTheLicensesInTheListsOrder() throws Exception {
        List<String> listed = all(CUSTOMER, page("/licenses?sort=customer&lang=en"));
        String csv = page("/report.csv?sort=customer&lang=en");
        List<String> exported = new ArrayList<>();
        for (String line : csv.lines().skip(1).toList()) {
            listed.stream().filter(line::contains).findFirst().ifPresent(exported::add);
        }
        assertThat(exported).as(csv).startsWith(listed.subList(0, 5).toArray(String[]::new));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(RESELLER.value())))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1).replace("&amp;", "&").replace("&#39;", "'"));
        }
        return found;
    }
}
