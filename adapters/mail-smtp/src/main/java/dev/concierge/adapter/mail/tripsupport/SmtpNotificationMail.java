package dev.concierge.adapter.mail.tripsupport;

import dev.concierge.adapter.mail.SmtpMailer;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.port.out.NotificationMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An approval notification by e-mail, in Japanese and then English (the app does not know the reader's language
 * outside a request). Sent on a virtual thread: a slow or absent mail server never holds the request that caused it,
 * and a failure is logged (the in-app notification is the record). People without an address get no e-mail.
 */
final class SmtpNotificationMail implements NotificationMail, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpNotificationMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private final SmtpMailer mailer;
    private final ZoneId zone;
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

    SmtpNotificationMail(SmtpMailer mailer, ZoneId zone) {
        this.mailer = mailer;
        this.zone = zone;
    }

    @Override public void send(Traveller recipient, Notification.Notice notice) {
        if (recipient.email().isEmpty()) return;
        String to = recipient.email().get();
        String subject = text(Locale.JAPANESE, "subject", notice) + " / " + text(Locale.ENGLISH, "subject", notice);
        String body = text(Locale.JAPANESE, "body", notice) + "\n\n----\n\n" + text(Locale.ENGLISH, "body", notice);
        sending.execute(() -> {
            try {
                mailer.send(to, subject, body);
            } catch (RuntimeException e) {
                LOG.warn("The {} notification of approval {} was not e-mailed to {}: {}", notice.kind().wireName(), notice.approval(),
                        notice.recipient(), e.getMessage());
            }
        });
    }

    private String text(Locale locale, String part, Notification.Notice notice) {
        ResourceBundle bundle = ResourceBundle.getBundle("mail/tripsupport", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(notice.kind().wireName() + "." + part);
        String comment = notice.comment().isEmpty() ? "" : bundle.getString("comment") + notice.comment();
        return new MessageFormat(pattern, locale).format(new Object[] {notice.actor().value(), notice.tripTitle(),
                WHEN.format(notice.at().atZone(zone)), comment}).strip();
    }

    /** Lets e-mails already handed over finish (bounded by the mailer's timeouts). */
    @Override public void close() { sending.close(); }
}
