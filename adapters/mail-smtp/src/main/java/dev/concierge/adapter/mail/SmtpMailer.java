package dev.concierge.adapter.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/** Sends one plain-text UTF-8 message through the configured SMTP server (Jakarta Mail), with bounded waits. */
public final class SmtpMailer {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SmtpServer server;
    private final Session session;

    public SmtpMailer(SmtpServer server) {
        this.server = server;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", Integer.toString(server.port()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(TIMEOUT.toMillis()));
        if (server.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Authenticator login = null;
        if (server.user().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            String user = server.user().get();
            String password = server.password().orElse("");
            login = new Authenticator() {
                @Override protected PasswordAuthentication getPasswordAuthentication() { return new PasswordAuthentication(user, password); }
            };
        }
        this.session = Session.getInstance(properties, login);
    }

    public void send(String to, String subject, String body) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(server.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailNotSent("Could not send an e-mail through " + server.host() + ":" + server.port() + ": " + e.getMessage(), e);
        }
    }

    /** The SMTP server refused or could not be reached; the caller decides whether that matters. */
    public static final class MailNotSent extends RuntimeException {
        MailNotSent(String message, Throwable cause) { super(message, cause); }
    }
}
