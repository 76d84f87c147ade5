package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.OrderRequest;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 §4: the shop sends each confirmation over SMTP to the mail server given by {@code --spring.mail.host} and
 * {@code --spring.mail.port} (here a GreenMail server of the test's own): to the end customer, a copy to the reseller,
 * in the reseller's language, with the license key and the order number, its {@code Message-ID} the event's id.
 */
class ConfirmationMailTest {

    private static final Pattern ORDER_NUMBER = Pattern.compile("id=\"order-number\">([^<]+)<");
    private static final Pattern LICENSE = Pattern.compile("id=\"ordered-license\"[^>]*>([^<]+)<");
    /** Alpen Security AG, the demo's German reseller, as its sandbox names it. */
    private static final String RESELLER_B_EMAIL = "office@alpensec.example";

    private static GreenMail mailServer;
    private static RunningShop shop;

    @BeforeAll
    static void start() {
        mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mailServer.start();
        shop = new RunningShop(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mailServer.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
        mailServer.stop();
    }

    @Test
    void anOrderMailsItsConfirmationToTheEndCustomerAndTheResellerInTheResellersLanguage() throws Exception {
        assertThat(shop.context.getBeansOfType(LocalMailSink.Sink.class))
                .as("no local sink beside a mail server")
                .isEmpty();
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-b");
        String form = shop.get(client, "/order/new").body();
        HttpResponse<String> ordered = shop.postForm(
                client,
                "/order/new",
                "_csrf=" + RunningShop.csrf(form)
                        + "&product=EAVB&seats=6&years=1&organization=Post+GmbH&firstName=Petra&lastName=Post"
                        + "&email=petra%40post.example&reference=PO-MAIL-1&eula=true");
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(302);
        String outcome = shop.get(
                        client,
                        ordered.headers().firstValue("Location").orElseThrow().replace(shop.base, ""))
                .body();
        String orderNumber = group(ORDER_NUMBER, outcome);
        String licenseId = group(LICENSE, outcome);
        String licenseKey = licenseKey(licenseId);

        List<MimeMessage> mails = received("petra@post.example");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(addresses(mail, Message.RecipientType.TO)).containsExactly("petra@post.example");
        assertThat(addresses(mail, Message.RecipientType.CC)).containsExactly(RESELLER_B_EMAIL);
        // German, as the reseller's account says: the SDK's ConfirmationEmail in its language
        assertThat(mail.getSubject())
                .isEqualTo("Ihre Lizenzdokumente: ESET Endpoint Antivirus, Bestellung " + orderNumber);
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("vielen Dank f", "ESET-Bestellnummer", orderNumber, licenseKey, "PO-MAIL-1");
        // the one delivery, to both addresses, is one mail: one Message-ID, the event's
        assertThat(mail.getMessageID())
                .isEqualTo("<" + OrderConfirmed.eventIdFor(dev.esetshop.core.IdempotencyKey.of(purchaseKey(ordered)))
                        + "@eset-shop>");
        assertThat(received(RESELLER_B_EMAIL))
                .extracting(MimeMessage::getMessageID)
                .contains(mail.getMessageID());
        // the page shows where it went, never the license key
        assertThat(outcome).contains("petra@post.example", RESELLER_B_EMAIL).doesNotContain(licenseKey);
    }

    @Test
    void aConfirmationDeliveredAgainIsTheSameMail() throws Exception {
        EsetShop shopOfB = shop.context.getBean(EsetShops.class).shop(DemoResellers.RESELLER_B);
        QuoteResult quoted = shopOfB.quote(
                NewLicenseRequest.builder().product("EAVB").seats(5).years(1).build());
        OrderResult.Ordered ordered = (OrderResult.Ordered) shopOfB.order(OrderRequest.forNewLicense(
                ((QuoteResult.Accepted) quoted).quote(),
                EulaAcceptance.of(OrderPages.EULA_VERSION, "reseller-b", Instant.now()),
                EndCustomer.builder()
                        .organization("Twice GmbH")
                        .firstName("Tom")
                        .lastName("Twice")
                        .email("tom@twice.example")
                        .build()));
        List<MimeMessage> first = received("tom@twice.example");
        assertThat(first).hasSize(1);

        // as reconcile delivers an event again after a restart that could not tell whether it was delivered
        shop.context
                .getBean(ConfirmationMailer.class)
                .onOrderConfirmed(OrderConfirmed.builder()
                        .from(ordered.event())
                        .reseller(DemoResellers.RESELLER_B)
                        .build());

        List<MimeMessage> both = received("tom@twice.example");
        assertThat(both).hasSize(2);
        assertThat(both)
                .extracting(MimeMessage::getMessageID)
                .containsOnly(first.get(0).getMessageID())
                .containsOnly("<" + ordered.event().eventId() + "@eset-shop>");
    }

    /** The mails delivered to an address: GreenMail keeps a copy in each recipient's inbox. */
    private static List<MimeMessage> received(String address) throws FolderException {
        GreenMailUser user = mailServer.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        return mailServer.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage)
                .toList();
    }

    private static List<String> addresses(MimeMessage mail, Message.RecipientType type) throws MessagingException {
        return Arrays.stream(mail.getRecipients(type))
                .map(address -> ((InternetAddress) address).getAddress())
                .toList();
    }

    private static String licenseKey(String licenseId) {
        License license = DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_B).licenses().stream()
                .filter(candidate -> candidate.id().equals(LicenseId.of(licenseId)))
                .findFirst()
                .orElseThrow();
        return license.licenseKey().reveal();
    }

    private static String purchaseKey(HttpResponse<String> ordered) {
        String location = ordered.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String group(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("%s in %s", pattern, page).isTrue();
        return matcher.group(1);
    }
}
