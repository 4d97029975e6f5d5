package dev.concierge.adapter.mail.tripsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.concierge.adapter.mail.SmtpMailer;
import dev.concierge.adapter.mail.SmtpServer;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.model.TripId;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications by e-mail against a real SMTP server (GreenMail) in the test JVM, on a free port. */
class SmtpNotificationMailTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("concierge", "secret"));

    static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");
    static final Traveller ALICE = new Traveller(new UserId("alice"), "staff", Optional.empty(), Optional.of("alice@example.com"));

    SmtpNotificationMail mail(Optional<String> user, Optional<String> password) {
        return new SmtpNotificationMail(new SmtpMailer(new SmtpServer("127.0.0.1", SMTP.getSmtp().getPort(), "concierge@example.com",
                user, password, false)), ZoneId.of("Asia/Tokyo"));
    }

    static Notification.Notice rejected(String comment) {
        return new Notification.Notice(ALICE.id(), Notification.Kind.REJECTED, new ApprovalId(7), new TripId(3), "大阪の顧客訪問",
                new UserId("bob"), AT, comment);
    }

    @Test void a_rejection_reaches_the_traveller_in_japanese_and_english_with_the_comment() throws Exception {
        try (SmtpNotificationMail mail = mail(Optional.of("concierge"), Optional.of("secret"))) {
            mail.send(ALICE, rejected("新幹線で行ってください"));
        }

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
        assertThat(message.getFrom()[0].toString()).isEqualTo("concierge@example.com");
        assertThat(message.getSubject()).isEqualTo("差し戻されました: 大阪の顧客訪問 / Rejected: 大阪の顧客訪問");
        String body = GreenMailUtil.getBody(message);
        String text = new String(jakarta.mail.internet.MimeUtility.decode(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                message.getEncoding() == null ? "7bit" : message.getEncoding()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("bob さんが 2026-11-23 10:00 に出張「大阪の顧客訪問」を差し戻しました。", "コメント: 新幹線で行ってください",
                "bob rejected your trip \"大阪の顧客訪問\" at 2026-11-23 10:00.", "Comment: 新幹線で行ってください");
    }

    @Test void someone_without_an_address_gets_no_mail() throws Exception {
        try (SmtpNotificationMail mail = mail(Optional.of("concierge"), Optional.of("secret"))) {
            mail.send(Traveller.unknown(new UserId("carol")), rejected(""));
        }

        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test void a_refused_login_is_logged_and_never_thrown_at_the_caller() {
        try (SmtpNotificationMail mail = mail(Optional.of("concierge"), Optional.of("wrong"))) {
            mail.send(ALICE, rejected(""));
        }

        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test void the_mailer_itself_says_which_server_refused() {
        var mailer = new SmtpMailer(new SmtpServer("127.0.0.1", SMTP.getSmtp().getPort(), "concierge@example.com",
                Optional.of("concierge"), Optional.of("wrong"), false));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailer.send("alice@example.com", "s", "b"))
                .isInstanceOf(SmtpMailer.MailNotSent.class).hasMessageContaining("127.0.0.1:" + SMTP.getSmtp().getPort());
    }
}
