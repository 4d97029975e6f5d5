package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** CSRF: a change a browser sends on behalf of another site is refused (the ALB's session cookie would ride along). */
class CrossSiteRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp running;

    @BeforeAll static void start() { running = RunningApp.start(); }

    @AfterAll static void stop() { running.close(); }

    private static HttpResponse<String> saveQuote(String content, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.base() + "/api/favourites"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"quote\",\"content\":\"" + content + "\"}"));
        if (header != null) request.header(header, value);
        return running.send(request);
    }

    private static int savedCount() throws Exception {
        return JSON.readTree(running.get("/api/favourites?limit=100").body()).get("total").asInt();
    }

    @Test void a_change_marked_cross_site_by_the_browser_is_refused_and_stores_nothing() throws Exception {
        int before = savedCount();

        HttpResponse<String> response = saveQuote("From elsewhere", "Sec-Fetch-Site", "cross-site");

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("cross_origin_request");
        assertThat(error.get("message").asText()).contains("another site");
        assertThat(savedCount()).isEqualTo(before);
    }

    @Test void a_japanese_reader_is_told_why_in_japanese() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.base() + "/api/favourites"))
                .header("Content-Type", "application/json").header("Accept-Language", "ja").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"quote\",\"content\":\"別のサイトから\"}"));

        JsonNode error = JSON.readTree(running.send(request).body()).get("error");

        assertThat(error.get("code").asText()).isEqualTo("cross_origin_request");
        assertThat(error.get("message").asText()).contains("別のサイト").doesNotContain("another site");
    }

    @Test void a_change_from_a_foreign_or_opaque_origin_is_refused() throws Exception {
        int before = savedCount();

        assertThat(saveQuote("Foreign origin", "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(saveQuote("Sandboxed frame", "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(savedCount()).isEqualTo(before);
    }

    @Test void the_apps_own_pages_and_clients_without_a_browser_may_change_data() throws Exception {
        int before = savedCount();

        assertThat(saveQuote("Same origin", "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(201);
        assertThat(saveQuote("Own origin", "Origin", running.base()).statusCode()).isEqualTo(201);
        assertThat(saveQuote("From curl", null, null).statusCode()).isEqualTo(201);
        assertThat(savedCount()).isEqualTo(before + 3);
    }

    @Test void reading_from_another_site_is_not_a_change_and_is_answered() {
        HttpResponse<String> response = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/quotes"))
                .header("Sec-Fetch-Site", "cross-site").GET());

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
