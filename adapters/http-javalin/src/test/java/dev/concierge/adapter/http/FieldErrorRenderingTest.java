package dev.concierge.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invalid input carries codes and figures; the answer puts them in words in the caller's language, chosen as pages
 * choose it (?lang, the lang cookie, Accept-Language, English), and keeps the codes stable whatever the language.
 */
class FieldErrorRenderingTest {
    private static TestHttpServer server;

    @BeforeAll static void start() {
        RouteGroup checks = routes -> {
            routes.post("/api/checks", ctx -> new Validation().text("title", "", 1, 200).maxLength("notes", "😀".repeat(11), 10)
                    .throwIfInvalid());
            routes.get("/api/pages", ctx -> ctx.json(Params.page(ctx)));
            routes.post("/api/dated", ctx -> ctx.json(Json.read(ctx, Json.mapper(), Dated.class)));
        };
        server = TestHttpServer.start(ctx -> new Actor(new UserId("alice"), Set.of()), List.of(), shared -> List.of(checks));
    }

    @AfterAll static void stop() { server.close(); }

    record Dated(java.time.LocalDate day) {}

    private static JsonNode postInJapanese(String path, String body) {
        return server.send(server.request(path).header("Accept-Language", "ja").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))).json().path("error");
    }

    @Test void a_value_of_the_wrong_type_is_worded_by_its_type_in_the_callers_language() {
        JsonNode error = postInJapanese("/api/dated", "{\"day\":\"2026-02-30\"}");

        assertThat(error.path("details").get(0).path("code").asText()).isEqualTo("wrong_type");
        assertThat(error.path("details").get(0).path("message").asText()).isEqualTo("2026-12-01 のような実在する日付を指定してください");
        assertThat(error.path("message").asText()).isEqualTo("入力に問題があります: day: 2026-12-01 のような実在する日付を指定してください。");
    }

    @Test void a_body_that_is_not_json_is_refused_in_the_callers_language_saying_where() {
        JsonNode error = postInJapanese("/api/dated", "{\n  \"day\": ]");

        assertThat(error.path("code").asText()).isEqualTo("invalid_json");
        assertThat(error.path("message").asText()).startsWith("リクエスト本文の 2 行 ").endsWith("列目付近が正しい JSON ではありません。");
    }

    @Test void an_empty_body_is_refused_in_the_callers_language() {
        assertThat(postInJapanese("/api/dated", "").path("message").asText()).isEqualTo("リクエスト本文が空です。JSON オブジェクトを送信してください。");
    }

    @Test void without_a_language_choice_the_problems_are_in_english_with_their_codes() {
        JsonNode error = server.post("/api/checks", "{}").json().path("error");

        assertThat(error.path("code").asText()).isEqualTo("invalid_request");
        assertThat(error.path("message").asText()).isEqualTo("The request has 2 problems: title: must be 1 to 200 characters; "
                + "notes: must be at most 10 characters.");
        assertThat(error.path("details").findValuesAsText("code")).containsExactly("length", "too_long");
        assertThat(error.path("details").findValuesAsText("message"))
                .containsExactly("must be 1 to 200 characters", "must be at most 10 characters");
    }

    @Test void the_lang_cookie_answers_in_japanese_and_keeps_the_codes() {
        JsonNode error = server.send(server.request("/api/checks").header("Cookie", "lang=ja").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))).json().path("error");

        assertThat(error.path("code").asText()).isEqualTo("invalid_request");
        assertThat(error.path("details").findValuesAsText("code")).containsExactly("length", "too_long");
        assertThat(error.path("details").findValuesAsText("message")).containsExactly("1～200 文字で入力してください", "10 文字以内で入力してください");
        assertThat(error.path("message").asText()).startsWith("入力に 2 件の問題があります");
    }

    @Test void accept_language_chooses_when_there_is_no_cookie_and_the_cookie_wins_over_it() {
        var japanese = server.send(server.request("/api/pages?limit=0").header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5")).json();
        var cookieWins = server.send(server.request("/api/pages?limit=0").header("Accept-Language", "ja").header("Cookie", "lang=en")).json();

        assertThat(japanese.path("error").path("message").asText()).isEqualTo("入力に問題があります: limit: 1～100 の範囲で指定してください。");
        assertThat(cookieWins.path("error").path("message").asText()).isEqualTo("Invalid limit: must be between 1 and 100.");
        assertThat(japanese.path("error").path("details").get(0).path("code").asText()).isEqualTo("range");
    }
}
