package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.identity.AlbTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AUTH_MODE=alb end to end: the app verifies the load balancer's signed header (keys from a stand-in endpoint),
 * refuses requests without a valid one, and keeps every user's favourites theirs.
 */
class IdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AlbTokens alb;
    private static RunningApp running;

    @BeforeAll static void start() {
        alb = new AlbTokens();
        running = RunningApp.start(Map.of("AUTH_MODE", "alb", "ALB_SIGNER_ARN", AlbTokens.SIGNER,
                "ALB_PUBLIC_KEY_URL", alb.keyUrl().toString()));
    }

    @AfterAll static void stop() {
        running.close();
        alb.close();
    }

    @Test void the_api_without_an_identity_answers_401_with_the_error_body() throws Exception {
        HttpResponse<String> response = running.get("/api/favourites");

        ApiAssertions.assertError(response, 401, "unauthenticated");
        assertThat(running.get("/api/quotes").statusCode()).isEqualTo(401);
    }

    @Test void a_page_without_an_identity_answers_an_html_401() {
        HttpResponse<String> response = running.get("/favourites");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("<html").contains("Sign in");
    }

    @Test void health_stays_open_without_an_identity() {
        assertThat(running.get("/health").statusCode()).isEqualTo(200);
    }

    @Test void expired_forged_and_foreign_tokens_answer_401() throws Exception {
        for (String token : List.of(alb.expired("alice"), alb.tampered("alice", "mallory"), alb.signedWithAnotherKey("alice"),
                alb.signedBy("arn:aws:elasticloadbalancing:eu-west-1:999999999999:loadbalancer/app/evil/1", "alice"),
                alb.withUnknownKeyId("alice"), "garbage")) {
            ApiAssertions.assertError(as(token, "GET", "/api/favourites", null), 401, "unauthenticated");
        }
    }

    @Test void a_valid_token_acts_as_its_user() throws Exception {
        HttpResponse<String> saved = as(alb.token("alice", List.of("qa")), "POST", "/api/favourites",
                "{\"type\":\"quote\",\"content\":\"Alice's own " + System.nanoTime() + "\"}");

        assertThat(saved.statusCode()).isEqualTo(201);
        assertThat(as(alb.token("alice", List.of()), "GET", "/favourites", null).body()).contains("alice");
    }

    @Test void another_users_favourite_answers_404_on_every_read_and_write_and_stays_unchanged() throws Exception {
        String alice = alb.token("alice", List.of("qa"));
        String bob = alb.token("bob", List.of("qa"));
        String content = "Alice's secret " + System.nanoTime();
        long id = JSON.readTree(as(alice, "POST", "/api/favourites", "{\"type\":\"quote\",\"content\":\"" + content + "\"}").body())
                .get("id").asLong();

        for (String[] call : new String[][] {{"GET", "/api/favourites/" + id}, {"DELETE", "/api/favourites/" + id},
                {"POST", "/api/favourites/" + id + "/like"}, {"POST", "/api/favourites/" + id + "/unlike"}}) {
            HttpResponse<String> response = as(bob, call[0], call[1], null);
            ApiAssertions.assertError(response, 404, "not_found");
            assertThat(response.body()).doesNotContain(content);
        }
        assertThat(as(bob, "GET", "/api/favourites?limit=100", null).body()).doesNotContain(content);
        assertThat(as(bob, "GET", "/favourites/saved", null).body()).doesNotContain(content);
        assertThat(as(bob, "GET", "/favourites", null).body()).doesNotContain(content);

        JsonNode unchanged = JSON.readTree(as(alice, "GET", "/api/favourites/" + id, null).body());
        assertThat(unchanged.get("content").asText()).isEqualTo(content);
        assertThat(unchanged.get("likes").asInt()).isZero();
    }

    @Test void the_same_content_saved_by_two_users_is_two_favourites() throws Exception {
        String body = "{\"type\":\"quote\",\"content\":\"Shared words " + System.nanoTime() + "\"}";

        HttpResponse<String> alice = as(alb.token("alice", List.of()), "POST", "/api/favourites", body);
        HttpResponse<String> bob = as(alb.token("bob", List.of()), "POST", "/api/favourites", body);

        assertThat(alice.statusCode()).isEqualTo(201);
        assertThat(bob.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(bob.body()).get("id").asLong()).isNotEqualTo(JSON.readTree(alice.body()).get("id").asLong());
    }

    private static HttpResponse<String> as(String token, String method, String path, String body) {
        return running.send(HttpRequest.newBuilder(URI.create(running.base() + path))
                .header("x-amzn-oidc-data", token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }
}
