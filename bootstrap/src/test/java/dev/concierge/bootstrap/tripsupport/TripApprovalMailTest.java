package dev.concierge.bootstrap.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.concierge.adapter.http.identity.AlbTokens;
import dev.concierge.bootstrap.RunningApp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real app with SMTP_HOST and TRAVELLERS_FILE set: alice's manager (named in the file, in no approver group)
 * is e-mailed the submission and approves it, and alice is e-mailed the decision, through a real SMTP server.
 */
class TripApprovalMailTest {
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @TempDir static Path dir;
    private static AlbTokens alb;
    private static RunningApp running;

    @BeforeAll static void start() throws Exception {
        SMTP.start();
        alb = new AlbTokens();
        Path travellers = dir.resolve("travellers.properties");
        Files.writeString(travellers, """
                alice = grade: staff; manager: mike; email: alice@example.com
                mike = grade: manager; email: mike@example.com
                """);
        running = RunningApp.start(Map.of("AUTH_MODE", "alb", "ALB_SIGNER_ARN", AlbTokens.SIGNER, "ALB_PUBLIC_KEY_URL", alb.keyUrl().toString(),
                "TRIP_APPROVER_GROUP", "none", "TRAVELLERS_FILE", travellers.toString(),
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()), "SMTP_FROM", "trips@example.com"));
    }

    @AfterAll static void stop() {
        running.close();
        alb.close();
        SMTP.stop();
    }

    static HttpResponse<String> as(String user, String method, String path, String body) {
        return running.send(HttpRequest.newBuilder(URI.create(running.base() + path))
                .header("x-amzn-oidc-data", alb.token(user, List.of("sales"))).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test void the_named_manager_is_mailed_the_submission_and_the_traveller_the_decision() throws Exception {
        var json = new ObjectMapper();
        var created = as("alice", "POST", "/api/trips", """
                {"title":"Sendai","origin":"Tokyo","destinations":["Sendai"],"startDate":"2026-12-01","endDate":"2026-12-02"}""");
        long trip = json.readTree(created.body()).path("id").asLong();
        var submitted = as("alice", "POST", "/api/trips/" + trip + "/submit", "{\"version\":0}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long approval = json.readTree(submitted.body()).path("id").asLong();

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage toManager = SMTP.getReceivedMessages()[0];
        assertThat(toManager.getAllRecipients()[0].toString()).isEqualTo("mike@example.com");
        assertThat(toManager.getSubject()).contains("承認依頼: Sendai", "Approval requested: Sendai");

        assertThat(as("bob", "POST", "/api/approvals/" + approval + "/approve", "{}").statusCode()).as("not an approver: group none").isEqualTo(404);
        var approved = as("mike", "POST", "/api/approvals/" + approval + "/approve", "{\"comment\":\"Fine\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage toAlice = SMTP.getReceivedMessages()[1];
        assertThat(toAlice.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
        assertThat(toAlice.getFrom()[0].toString()).isEqualTo("trips@example.com");
        assertThat(toAlice.getSubject()).contains("Approved: Sendai");
    }
}
