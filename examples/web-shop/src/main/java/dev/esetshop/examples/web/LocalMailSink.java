package dev.esetshop.examples.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's mail server when none is configured: without {@code spring.mail.host} the shop starts a local mail sink
 * (GreenMail, SMTP on a free loopback port) that accepts every mail and delivers none onwards, and sends to it; the
 * {@code /outbox} page shows what it received. With {@code spring.mail.host} (and the other {@code spring.mail.*}
 * properties) Spring Boot's mail support sends to that server instead and no sink starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class LocalMailSink {

    /** The running sink: its SMTP address and the mails it holds. */
    static final class Sink implements DisposableBean {

        private static final Logger LOG = LoggerFactory.getLogger(Sink.class);
        private static final String LOOPBACK = "127.0.0.1";

        private final GreenMail server;

        Sink() {
            server = new GreenMail(new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            LOG.info("no spring.mail.host: mails go to the local mail sink at {}:{} (see /outbox)", host(), port());
        }

        String host() {
            return LOOPBACK;
        }

        int port() {
            return server.getSmtp().getPort();
        }

        /** The {@code Message-ID} of every mail the sink received, oldest first. */
        List<String> receivedMessageIds() {
            List<String> ids = new ArrayList<>();
            for (MimeMessage message : server.getReceivedMessages()) {
                try {
                    ids.add(message.getMessageID());
                } catch (MessagingException unreadable) {
                    LOG.warn(
                            "a mail in the local sink has no readable Message-ID: {}",
                            unreadable.getClass().getSimpleName());
                }
            }
            return ids;
        }

        @Override
        public void destroy() {
            server.stop();
        }
    }

    @Bean
    Sink mailSink() {
        return new Sink();
    }

    /** Spring's mail sender, to the sink (Boot makes one from {@code spring.mail.*} when a host is set). */
    @Bean
    JavaMailSender mailSender(Sink sink) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(sink.host());
        sender.setPort(sink.port());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
