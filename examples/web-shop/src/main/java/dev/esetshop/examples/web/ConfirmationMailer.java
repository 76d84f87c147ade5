package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.confirm.ConfirmationEmail;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Mails each confirmed order: the SDK's {@link ConfirmationEmail} in the reseller's language, with the license key,
 * to the end customer's contact and a copy to the reseller, once per confirmation event (its id is the mail's
 * {@code Message-ID}). As a {@link ConfirmationListener} bean it serves every reseller's shop the starter builds, so an
 * order confirmed later by reconcile, on any instance, is mailed too; a mail the server refuses leaves the event
 * undelivered, for the next reconcile to deliver again.
 */
@Component
class ConfirmationMailer implements ConfirmationListener {

    private final ShopMailer mailer;

    ConfirmationMailer(ShopMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void onOrderConfirmed(OrderConfirmed event) {
        // a registry's shop names the reseller on every event; a confirmation of no known reseller stays undelivered
        ResellerId reseller = event.reseller()
                .orElseThrow(() -> new IllegalStateException("the confirmation " + event.eventId()
                        + " names no reseller: only a registry's shop is mailed"));
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(event.customer().email());
        recipients.add(mailer.resellerEmail(reseller));
        mailer.send(
                reseller,
                MailOutbox.Kind.CONFIRMATION,
                event.eventId(),
                List.copyOf(recipients),
                ConfirmationEmail.render(event, mailer.language(reseller)),
                Optional.of(event.licenseKey()));
    }
}
