package dev.concierge.adapter.http.web;

import dev.concierge.adapter.http.TestHttpServer;
import dev.concierge.adapter.http.identity.LocalUser;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A page that does not exist reads as a page for people, in their language: nothing meant for API clients on it. */
class ErrorPageTest {
    private static TestHttpServer http;

    @BeforeAll static void start() {
        http = TestHttpServer.start(new LocalUser(new Actor(new UserId("alice"), Set.of())), List.of(), shared -> List.of());
    }

    @AfterAll static void stop() { http.close(); }

    @Test void a_missing_page_in_japanese_says_what_to_do_without_the_api_document() {
        var answer = http.send(http.request("/no-such-page").header("Accept", "text/html").header("Cookie", "lang=ja"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).contains("lang=\"ja\"", Messages.of(Language.JA).t("error.detail.notFound"))
                .doesNotContain("openapi", "API");
    }

    @Test void and_in_english() {
        var answer = http.send(http.request("/no-such-page").header("Accept", "text/html").header("Accept-Language", "en"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).contains(Messages.of(Language.EN).t("error.detail.notFound"))
                .doesNotContain("openapi");
    }
}
