package dev.concierge.adapter.http;

import dev.concierge.adapter.http.identity.LocalUser;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals Jetty answers itself, over real HTTP: the API's error body for the API, a page for a browser, in the
 * language the reader chose on the site (the {@code lang} cookie) or asks for; a request whose headers Jetty could not
 * read (a NUL in the path) is answered in English from the same bundle.
 */
class JettyErrorsTest {
    private static final byte[] TOO_LARGE = new byte[(int) HttpServer.MAX_BODY_BYTES + 1];
    private static TestHttpServer http;

    @BeforeAll static void start() {
        http = TestHttpServer.start(new LocalUser(new Actor(new UserId("alice"), Set.of())), List.of(), shared -> List.of());
    }

    @AfterAll static void stop() { http.close(); }

    @Test void the_api_answers_its_error_body_in_japanese() {
        var answer = http.send(http.request("/api/trips").header("Accept-Language", "ja")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TOO_LARGE)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("payload_too_large");
        assertThat(answer.json().at("/error/message").asText()).isEqualTo("リクエスト本文が大きすぎます。256 KiB 以下で送信してください。");
    }

    @Test void a_browser_gets_a_page_in_the_language_it_chose_on_the_site() {
        var answer = http.send(http.request("/trips").header("Accept", "text/html").header("Accept-Language", "en")
                .header("Cookie", "lang=ja").POST(HttpRequest.BodyPublishers.ofByteArray(TOO_LARGE)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.text()).contains("<html lang=\"ja\">", "リクエスト本文が大きすぎます", ">ホーム</a>").doesNotContain("Home");
    }

    @Test void and_in_english_for_an_english_reader() {
        var answer = http.send(http.request("/trips").header("Accept", "text/html").header("Accept-Language", "en-GB")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TOO_LARGE)));

        assertThat(answer.text()).contains("<html lang=\"en\">", "The request body is too large", ">Home</a>");
    }

    @Test void a_path_jetty_cannot_read_is_answered_from_the_bundle_in_english() {
        var answer = http.send(http.request("/api/trips/1%00").header("Accept-Language", "ja"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_request");
        assertThat(answer.json().at("/error/message").asText()).startsWith("The address could not be read");
    }
}
