package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's itinerary is answered with what the draft's rules find in it, in the draft's `check` shape, as warnings. */
class ItineraryChecksApiTest {
    private final TripSupportServer server = new TripSupportServer();
    private final long trip = server.createTrip(); // 2026-12-01 to 03: two nights away

    @AfterEach void stop() { server.close(); }

    /** The visit's meeting and a hotel for the first night only. */
    private static final String ONE_HOTEL_SHORT = """
            {"items":[
              {"date":"2026-12-01","start":"08:00","end":"10:30","kind":"transport","title":"Nozomi 1","place":"Tokyo"},
              {"date":"2026-12-01","start":"19:00","kind":"hotel","title":"Hotel","place":"Osaka"},
              {"date":"2026-12-02","start":"10:00","kind":"meeting","title":"Acme","place":"Osaka"}]}""";

    @Test void a_save_that_breaks_a_rule_is_kept_and_answered_with_the_warning_worded_as_for_a_draft() {
        server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 60);

        var saved = server.put("/api/trips/" + trip + "/itinerary", ONE_HOTEL_SHORT);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode body = server.json(saved);
        assertThat(body.path("items")).hasSize(3);
        JsonNode check = body.path("check");
        assertThat(check.path("passed").asBoolean(true)).isFalse();
        assertThat(check.path("repairs").asInt(-1)).isZero();
        assertThat(check.path("rounds").isArray()).isTrue();
        assertThat(check.path("rounds")).isEmpty();
        assertThat(check.path("summary").asText()).isEqualTo(
                "Checked against the itinerary rules: 1 warning. The itinerary is saved as it is; fix it when you can.");
        assertThat(check.path("violations")).hasSize(1);
        JsonNode violation = check.path("violations").get(0);
        assertThat(violation.path("rule").asText()).isEqualTo("night_without_hotel");
        assertThat(violation.path("ruleName").asText()).isEqualTo("Lodging");
        assertThat(violation.path("message").asText()).isEqualTo("No hotel for the night of 2026-12-02.");
        assertThat(violation.path("item").isNull()).isTrue();
        assertThat(server.json(server.get("/api/trips/" + trip + "/itinerary")).path("check")).as("read back, the same check")
                .isEqualTo(check);
    }

    @Test void the_warnings_are_worded_in_the_readers_language() {
        server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 60);

        JsonNode check = server.json(server.send("PUT", "/api/trips/" + trip + "/itinerary?lang=ja", ONE_HOTEL_SHORT, "alice", Map.of()))
                .path("check");

        assertThat(check.path("summary").asText()).isEqualTo(
                "旅程のルールで確認しました。1 件の警告があります。旅程はこのまま保存されています。できるだけ直してください。");
        assertThat(check.path("violations").get(0).path("ruleName").asText()).isEqualTo("宿泊");
        assertThat(check.path("violations").get(0).path("message").asText()).isEqualTo("2026-12-02 の夜の宿泊がありません。");
        JsonNode read = server.json(server.sendWithLanguage("GET", "/api/trips/" + trip + "/itinerary", "ja")).path("check");
        assertThat(read.path("violations").get(0).path("message").asText()).isEqualTo("2026-12-02 の夜の宿泊がありません。");
    }

    @Test void a_warning_about_one_item_names_its_position_and_a_moved_visit_is_found_when_read_again() {
        long visit = server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 60);
        var saved = server.put("/api/trips/" + trip + "/itinerary", """
                {"items":[
                  {"date":"2026-12-01","start":"19:00","kind":"hotel","title":"Hotel","place":"Osaka"},
                  {"date":"2026-12-02","start":"10:00","kind":"meeting","title":"Acme","place":"Osaka"},
                  {"date":"2026-12-02","start":"10:30","kind":"meal","title":"Brunch","place":"Osaka"},
                  {"date":"2026-12-02","start":"19:00","kind":"hotel","title":"Hotel","place":"Osaka"}]}""");
        JsonNode overlap = server.json(saved).path("check").path("violations").get(0);
        assertThat(overlap.path("rule").asText()).isEqualTo("overlaps_visit");
        assertThat(overlap.path("item").asInt()).isEqualTo(2);
        assertThat(overlap.path("visitId").asLong()).isEqualTo(visit);
        assertThat(overlap.path("message").asText()).isEqualTo("\"Brunch\" takes place during the visit to Acme (10:00–11:00).");

        server.post("/api/visits/" + visit + "/move", "{\"startsAt\":\"2026-12-02T15:00:00\"}");

        assertThat(server.json(server.get("/api/trips/" + trip + "/itinerary")).path("check").path("violations"))
                .extracting(v -> v.path("rule").asText()).containsExactly("visit_missing");
    }

    @Test void an_itinerary_that_keeps_every_rule_says_so() {
        server.put("/api/trips/" + trip + "/itinerary", """
                {"items":[
                  {"date":"2026-12-01","start":"19:00","kind":"hotel","title":"Hotel","place":"Osaka"},
                  {"date":"2026-12-02","start":"19:00","kind":"hotel","title":"Hotel","place":"Osaka"}]}""");

        JsonNode check = server.json(server.get("/api/trips/" + trip + "/itinerary")).path("check");

        assertThat(check.path("passed").asBoolean()).isTrue();
        assertThat(check.path("violations")).isEmpty();
        assertThat(check.path("summary").asText()).isEqualTo("Checked against the itinerary rules: no problem found.");
    }

    @Test void the_approver_reads_the_submitted_trips_itinerary_warnings_in_the_approvals_page_in_their_language() {
        server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 60);
        server.put("/api/trips/" + trip + "/itinerary", ONE_HOTEL_SHORT);
        long version = server.json(server.get("/api/trips/" + trip)).path("version").asLong();
        var submitted = server.post("/api/trips/" + trip + "/submit", "{\"version\":" + version + "}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

        String english = server.send("GET", "/approvals", null, "bob", "trip-approvers", "en").body();
        String japanese = server.send("GET", "/approvals?lang=ja", null, "bob", "trip-approvers", null).body();

        assertThat(english).contains("class=\"draft-check itinerary-check \"", "1 warning from the itinerary rules",
                "data-rule=\"night_without_hotel\"", "No hotel for the night of 2026-12-02.");
        assertThat(japanese).contains("旅程のルールによる警告が 1 件あります", "2026-12-02 の夜の宿泊がありません。");
        assertThat(english).as("read-only: nothing to edit the itinerary with").doesNotContain("itinerary-form", "data-draft-itinerary");
        assertThat(server.send("GET", "/approvals", null, "carol", "sales", "en").body()).doesNotContain("itinerary-check");
    }
}
