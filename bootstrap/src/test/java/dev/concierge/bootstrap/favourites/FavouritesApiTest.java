package dev.concierge.bootstrap.favourites;

import dev.concierge.bootstrap.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static dev.concierge.bootstrap.ApiAssertions.assertError;
import static dev.concierge.bootstrap.ApiAssertions.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every favourites, quotes and horoscopes endpoint over real HTTP on a real PostgreSQL: its success, and each way
 * its input can be wrong answering the standard error body, never a 500 or a stack trace.
 */
class FavouritesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp running;
    private static long favourite;

    @BeforeAll static void start() throws Exception {
        running = RunningApp.start();
        favourite = JSON.readTree(running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"Kept for tests\"}").body())
                .get("id").asLong();
    }

    @AfterAll static void stop() { running.close(); }

    // ---- quotes

    @Test void quotes_are_listed_searched_and_paged() throws Exception {
        JsonNode all = json(running.get("/api/quotes?limit=5&offset=5"), 200);
        JsonNode byText = json(running.get("/api/quotes?q=journey"), 200);

        assertThat(all.get("items")).hasSize(5);
        assertThat(all.get("total").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(byText.get("items")).isNotEmpty()
                .allSatisfy(q -> assertThat(q.get("text").asText().toLowerCase()).contains("journey"));
    }

    @Test void quotes_are_searched_by_author() throws Exception {
        JsonNode first = json(running.get("/api/quotes?limit=1"), 200).get("items").get(0);
        String author = first.get("author").asText();

        JsonNode found = json(running.get("/api/quotes?author=" + java.net.URLEncoder.encode(author, "UTF-8")), 200);

        assertThat(found.get("items")).isNotEmpty().allSatisfy(q -> assertThat(q.get("author").asText()).isEqualTo(author));
    }

    @Test void the_quote_of_the_day_is_stable_for_a_date() throws Exception {
        JsonNode once = json(running.get("/api/quotes/of-the-day?date=2026-04-01"), 200);
        JsonNode again = json(running.get("/api/quotes/of-the-day?date=2026-04-01"), 200);

        assertThat(once).isEqualTo(again);
        assertThat(json(running.get("/api/quotes/of-the-day"), 200).get("text").asText()).isNotBlank();
    }

    @Test void one_quote_is_read_by_id() throws Exception {
        long id = json(running.get("/api/quotes?limit=1"), 200).get("items").get(0).get("id").asLong();

        assertThat(json(running.get("/api/quotes/" + id), 200).get("id").asLong()).isEqualTo(id);
    }

    // ---- horoscopes

    @Test void all_twelve_horoscopes_are_read_for_a_date_in_japanese() throws Exception {
        JsonNode all = json(running.get("/api/horoscopes?date=2026-04-01&lang=ja"), 200);

        assertThat(all.get("total").asInt()).isEqualTo(12);
        assertThat(all.get("items")).allSatisfy(h -> assertThat(h.get("language").asText()).isEqualTo("ja"));
    }

    @Test void one_signs_horoscope_is_stable_for_a_date() throws Exception {
        JsonNode leo = json(running.get("/api/horoscopes/leo?date=2026-04-01&lang=en"), 200);

        assertThat(leo.get("sign").asText()).isEqualTo("leo");
        assertThat(leo.get("date").asText()).isEqualTo("2026-04-01");
        assertThat(json(running.get("/api/horoscopes/leo?date=2026-04-01&lang=en"), 200)).isEqualTo(leo);
    }

    // ---- favourites

    @Test void a_favourite_is_saved_once_read_liked_unliked_listed_and_deleted() throws Exception {
        String body = "{\"type\":\"horoscope\",\"content\":\"Leo today " + System.nanoTime() + "\",\"author\":null}";
        JsonNode created = json(running.post("/api/favourites", body), 201);
        long id = created.get("id").asLong();

        JsonNode again = json(running.post("/api/favourites", body), 200);
        JsonNode read = json(running.get("/api/favourites/" + id), 200);
        JsonNode liked = json(running.post("/api/favourites/" + id + "/like", null), 200);
        JsonNode unliked = json(running.post("/api/favourites/" + id + "/unlike", null), 200);
        JsonNode listed = json(running.get("/api/favourites?type=horoscope&sort=newest&limit=100"), 200);
        int deleted = running.delete("/api/favourites/" + id).statusCode();

        assertThat(again.get("id").asLong()).isEqualTo(id);
        assertThat(read.get("type").asText()).isEqualTo("horoscope");
        assertThat(read.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d|.*Z");
        assertThat(liked.get("likes").asInt()).isEqualTo(1);
        assertThat(liked.get("likedByMe").asBoolean()).isTrue();
        assertThat(unliked.get("likes").asInt()).isZero();
        assertThat(listed.findValues("id")).extracting(JsonNode::asLong).contains(id);
        assertThat(deleted).isEqualTo(204);
        assertError(running.get("/api/favourites/" + id), 404, "not_found");
    }

    @Test void favourites_are_listed_by_most_liked() throws Exception {
        json(running.get("/api/favourites?sort=likes&type=quote&limit=100&offset=0"), 200);
    }

    // ---- bad input

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            POST | /api/favourites | {"type":"quote","content":"x"        | 400 | invalid_json
            POST | /api/favourites | {"type":"quote",                     | 400 | invalid_json
            POST | /api/favourites | not json at all                      | 400 | invalid_json
            POST | /api/favourites | NULL                                 | 400 | invalid_json
            POST | /api/favourites | null                                 | 400 | invalid_json
            POST | /api/favourites | []                                   | 400 | invalid_request
            POST | /api/favourites | "quote"                              | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":"a"} {}    | 400 | invalid_json
            POST | /api/favourites | {"type":1,"content":"x"}             | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":42}        | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":["x"]}     | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":{"a":1}}   | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":true}      | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":"x","likes":5} | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":"x","id":1}    | 400 | invalid_request
            POST | /api/favourites | {"content":"x"}                      | 400 | invalid_request
            POST | /api/favourites | {"type":"quote"}                     | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":"   "}     | 400 | invalid_request
            POST | /api/favourites | {"type":"quote","content":null}      | 400 | invalid_request
            POST | /api/favourites | {"type":"poem","content":"x"}        | 400 | invalid_request
            POST | /api/favourites | {}                                   | 400 | invalid_request
            GET  | /api/favourites/999999999          | NULL | 404 | not_found
            GET  | /api/favourites/abc                | NULL | 400 | invalid_request
            GET  | /api/favourites/0                  | NULL | 400 | invalid_request
            GET  | /api/favourites/-1                 | NULL | 400 | invalid_request
            GET  | /api/favourites/1.5                | NULL | 400 | invalid_request
            GET  | /api/favourites/99999999999999999999 | NULL | 400 | invalid_request
            DELETE | /api/favourites/999999999        | NULL | 404 | not_found
            DELETE | /api/favourites/abc              | NULL | 400 | invalid_request
            POST | /api/favourites/999999999/like     | NULL | 404 | not_found
            POST | /api/favourites/abc/like           | NULL | 400 | invalid_request
            POST | /api/favourites/999999999/unlike   | NULL | 404 | not_found
            POST | /api/favourites/abc/unlike         | NULL | 400 | invalid_request
            GET  | /api/favourites?limit=0            | NULL | 400 | invalid_request
            GET  | /api/favourites?limit=101          | NULL | 400 | invalid_request
            GET  | /api/favourites?limit=abc          | NULL | 400 | invalid_request
            GET  | /api/favourites?offset=-1          | NULL | 400 | invalid_request
            GET  | /api/favourites?offset=x           | NULL | 400 | invalid_request
            GET  | /api/favourites?type=poem          | NULL | 400 | invalid_request
            GET  | /api/favourites?sort=oldest        | NULL | 400 | invalid_request
            GET  | /api/quotes?limit=0                | NULL | 400 | invalid_request
            GET  | /api/quotes?limit=101              | NULL | 400 | invalid_request
            GET  | /api/quotes?limit=abc              | NULL | 400 | invalid_request
            GET  | /api/quotes?offset=-1              | NULL | 400 | invalid_request
            GET  | /api/quotes?limit=99999999999      | NULL | 400 | invalid_request
            GET  | /api/quotes/999999999              | NULL | 404 | not_found
            GET  | /api/quotes/abc                    | NULL | 400 | invalid_request
            GET  | /api/quotes/0                      | NULL | 400 | invalid_request
            GET  | /api/quotes/of-the-day?date=2026-13-01 | NULL | 400 | invalid_request
            GET  | /api/quotes/of-the-day?date=tomorrow   | NULL | 400 | invalid_request
            GET  | /api/quotes/of-the-day?date=0001-01-01 | NULL | 400 | invalid_request
            GET  | /api/horoscopes?date=2026-02-30    | NULL | 400 | invalid_request
            GET  | /api/horoscopes?lang=fr            | NULL | 400 | invalid_request
            GET  | /api/horoscopes/dragon             | NULL | 400 | invalid_request
            GET  | /api/horoscopes/leo?date=yesterday | NULL | 400 | invalid_request
            GET  | /api/horoscopes/leo?lang=klingon   | NULL | 400 | invalid_request
            PUT  | /api/favourites                    | {}   | 405 | method_not_allowed
            PATCH | /api/favourites/1                 | {}   | 405 | method_not_allowed
            DELETE | /api/quotes                      | NULL | 405 | method_not_allowed
            POST | /api/horoscopes/leo                | {}   | 405 | method_not_allowed
            GET  | /api/favourites/1/like             | NULL | 405 | method_not_allowed
            GET  | /api/nothing-here                  | NULL | 404 | not_found
            GET  | /api                               | NULL | 404 | not_found
            POST | /api/favourites/1/explode          | NULL | 404 | not_found
            """)
    void bad_input_answers_the_standard_error(String method, String path, String body, int status, String code) throws Exception {
        assertError(running.request(method, path, body), status, code);
    }

    @Test void a_body_over_the_size_limit_is_refused_with_413() throws Exception {
        String huge = "{\"type\":\"quote\",\"content\":\"" + "x".repeat(300 * 1024) + "\"}";

        assertError(running.post("/api/favourites", huge), 413, "payload_too_large");
    }

    @Test void content_over_the_length_limit_is_refused_naming_the_field() throws Exception {
        JsonNode error = assertError(running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"" + "x".repeat(2001) + "\"}"),
                400, "invalid_request");

        assertThat(error.at("/error/details/0/field").asText()).isEqualTo("content");
    }

    @Test void an_unknown_field_is_named_in_the_error() throws Exception {
        JsonNode error = assertError(running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"x\",\"likes\":3}"),
                400, "invalid_request");

        assertThat(error.at("/error/message").asText()).contains("likes");
    }

    @Test void an_unknown_page_answers_an_html_error_page() {
        HttpResponse<String> response = running.get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("<html").contains("Page not found", "The address may be mistyped").doesNotContain("openapi");
        assertNoStackTrace(response.body());
    }

    @Test void a_bad_query_on_the_page_answers_an_html_error_page() {
        HttpResponse<String> response = running.get("/favourites?limit=abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<html").contains("limit");
        assertNoStackTrace(response.body());
    }

    @Test void a_rejected_save_stores_nothing() throws Exception {
        long before = json(running.get("/api/favourites?limit=1"), 200).get("total").asLong();

        running.post("/api/favourites", "{\"type\":\"poem\",\"content\":\"never stored\"}");
        running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"never stored\",\"extra\":1}");

        assertThat(json(running.get("/api/favourites?limit=1"), 200).get("total").asLong()).isEqualTo(before);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as("%s %s → %s", response.request().method(), response.request().uri(), response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }
}
