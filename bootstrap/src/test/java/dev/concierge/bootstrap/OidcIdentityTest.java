package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.identity.OidcBrowser;
import dev.concierge.adapter.http.identity.OidcProviderFake;
import dev.concierge.adapter.http.identity.OidcProviderFake.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AUTH_MODE=oidc on the real wiring (the MVP phase's identity): people sign in at an OpenID Connect provider (a local
 * one speaking the protocol), each keeps their own favourites, and the probes stay open.
 */
class OidcIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OidcProviderFake provider;
    private static RunningApp running;
    private static String base;

    @BeforeAll static void start() throws IOException {
        provider = OidcProviderFake.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // the redirect URI must name the port before the app listens on it
        }
        base = "http://127.0.0.1:" + port;
        running = RunningApp.start(Map.of("PORT", Integer.toString(port), "AUTH_MODE", "oidc",
                "OIDC_ISSUER", provider.issuer().toString(), "OIDC_CLIENT_ID", OidcProviderFake.CLIENT_ID,
                "OIDC_CLIENT_SECRET", OidcProviderFake.CLIENT_SECRET, "PUBLIC_BASE_URL", base,
                "SESSION_SECRET", "0123456789abcdef0123456789abcdef-test-only"));
    }

    @AfterAll static void stop() {
        running.close();
        provider.close();
    }

    private static OidcBrowser signedIn(User user) {
        provider.signsIn(user);
        OidcBrowser browser = new OidcBrowser();
        HttpResponse<String> page = browser.open(base + "/favourites");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().toString()).isEqualTo(base + "/favourites");
        return browser;
    }

    private static HttpResponse<String> api(OidcBrowser browser, String method, String path, String json) {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Origin", base)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test void without_a_session_pages_go_to_sign_in_the_api_answers_401_and_the_probes_stay_open() {
        OidcBrowser anonymous = new OidcBrowser();

        assertThat(anonymous.get(base + "/favourites").statusCode()).isEqualTo(302);
        assertThat(anonymous.get(base + "/favourites").headers().firstValue("Location")).contains("/auth/login?return=%2Ffavourites");
        assertThat(api(anonymous, "GET", "/api/favourites", null).statusCode()).isEqualTo(401);
        assertThat(anonymous.get(base + "/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get(base + "/metrics").statusCode()).isEqualTo(200);
        assertThat(anonymous.get(base + "/assets/app.css").statusCode()).isEqualTo(200);
    }

    @Test void two_people_signed_in_at_the_provider_each_see_only_their_own_favourites() throws Exception {
        OidcBrowser alice = signedIn(new User("alice-sub", "alice@example.com", List.of("qa")));
        OidcBrowser bob = signedIn(new User("bob-sub", "bob@example.com", List.of("qa")));

        var saved = api(alice, "POST", "/api/favourites", "{\"type\":\"quote\",\"content\":\"Alice's own words\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        long id = JSON.readTree(saved.body()).get("id").asLong();

        JsonNode alicesList = JSON.readTree(api(alice, "GET", "/api/favourites?limit=100", null).body());
        JsonNode bobsList = JSON.readTree(api(bob, "GET", "/api/favourites?limit=100", null).body());
        assertThat(alicesList.toString()).contains("Alice's own words");
        assertThat(bobsList.toString()).doesNotContain("Alice's own words");
        assertThat(api(bob, "GET", "/api/favourites/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api(alice, "GET", "/api/favourites/" + id, null).statusCode()).isEqualTo(200);
    }
}
