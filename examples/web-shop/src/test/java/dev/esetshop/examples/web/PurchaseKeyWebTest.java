package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.esetshop.testkit.EsetSandbox;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 17 §1 item 4: every rendered order form carries its own purchase key, so posting one form twice, one after
 * the other or at once, is one order, and both answers show it.
 */
class PurchaseKeyWebTest {

    private static final Pattern PURCHASE_KEY = Pattern.compile("name=\"purchaseKey\" value=\"([^\"]+)\"");
    private static final Pattern ORDER_NUMBER = Pattern.compile("id=\"order-number\">([^<]+)<");
    private static final String CUSTOMER = "&product=EAVB&seats=6&years=1&organization=Twice+AG&firstName=Dora"
            + "&lastName=Double&email=dora%40twice.example&eula=true";

    private static RunningShop shop;
    private static MockMvc mvc;

    @BeforeAll
    static void start() {
        shop = new RunningShop();
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) shop.context)
                .addFilters(shop.context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void eachRenderedFormHasItsOwnPurchaseKey() throws Exception {
        MockHttpSession session = logIn();

        String first = purchaseKey(page(session, "/order/new"));
        String second = purchaseKey(page(session, "/order/new"));
        String trial = purchaseKey(page(session, "/order/trial"));

        assertThat(List.of(first, second, trial)).doesNotHaveDuplicates();
    }

    @Test
    void oneFormPostedTwiceOneAfterTheOtherIsOneOrderAndBothAnswersShowIt() throws Exception {
        MockHttpSession session = logIn();
        String form = page(session, "/order/new");
        String body = "purchaseKey=" + purchaseKey(form) + CUSTOMER;
        int ordersBefore = sandbox().ordersApplied();

        String firstAnswer = postAndFollow(session, csrf(form), body);
        String secondAnswer = postAndFollow(session, csrf(form), body);

        assertThat(firstAnswer).contains("id=\"outcome\">Ordered<");
        assertThat(secondAnswer).contains("id=\"outcome\">Ordered<");
        assertThat(orderNumber(secondAnswer)).isEqualTo(orderNumber(firstAnswer));
        assertThat(sandbox().ordersApplied()).isEqualTo(ordersBefore + 1);
        assertThat(sandbox().licensesByIdempotencyKey()).containsKey(purchaseKey(form));
    }

    @Test
    void oneFormPostedTwiceAtOnceIsOneOrderAndBothAnswersShowIt() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                // the form posted from two tabs (two sessions of the reseller) at the same moment
                MockHttpSession tabA = logIn();
                MockHttpSession tabB = logIn();
                String form = page(tabA, "/order/new");
                String tokenA = csrf(form);
                String tokenB = csrf(page(tabB, "/"));
                String body = "purchaseKey=" + purchaseKey(form) + CUSTOMER;
                int ordersBefore = sandbox().ordersApplied();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<String> fromA = threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return postAndFollow(tabA, tokenA, body);
                });
                Future<String> fromB = threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return postAndFollow(tabB, tokenB, body);
                });
                List<String> answers =
                        new ArrayList<>(List.of(fromA.get(60, TimeUnit.SECONDS), fromB.get(60, TimeUnit.SECONDS)));

                assertThat(answers).allSatisfy(answer -> assertThat(answer).contains("id=\"outcome\">Ordered<"));
                assertThat(orderNumber(answers.get(1))).isEqualTo(orderNumber(answers.get(0)));
                assertThat(sandbox().ordersApplied()).as("round %d", round).isEqualTo(ordersBefore + 1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static EsetSandbox sandbox() {
        return DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_A);
    }

    private static MockHttpSession logIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = csrf(page(session, "/login"));
        MvcResult answer = mvc.perform(post("/login")
                        .session(session)
                        .contentType("application/x-www-form-urlencoded")
                        .content("username=reseller-a&password=" + DemoResellers.DEMO_PASSWORD + "&_csrf=" + token))
                .andReturn();
        assertThat(answer.getResponse().getRedirectedUrl()).doesNotContain("error");
        return session;
    }

    private static String page(MockHttpSession session, String path) throws Exception {
        MvcResult answer = mvc.perform(get(path).session(session)).andReturn();
        assertThat(answer.getResponse().getStatus()).as(path).isEqualTo(200);
        return answer.getResponse().getContentAsString();
    }

    /** Posts the order form and follows the redirect to the outcome page, as a browser does. */
    private static String postAndFollow(MockHttpSession session, String token, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/order/new")
                .session(session)
                .contentType("application/x-www-form-urlencoded")
                .content(body + "&_csrf=" + token);
        MvcResult answer = mvc.perform(request).andReturn();
        assertThat(answer.getResponse().getStatus())
                .as(answer.getResponse().getContentAsString())
                .isEqualTo(302);
        String location = answer.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/orders/");
        return page(session, location);
    }

    private static String purchaseKey(String page) {
        return group(PURCHASE_KEY, page);
    }

    private static String orderNumber(String page) {
        return group(ORDER_NUMBER, page);
    }

    private static String csrf(String page) {
        return RunningShop.csrf(page);
    }

    private static String group(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }
}
