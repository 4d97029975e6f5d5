package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.domain.kernel.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafts on request: answered from the trip and its visits, never stored, 503 without a model. */
class DraftApiTest {
    private final TripSupportServer server = new TripSupportServer();
    private final long trip = server.createTrip();

    @AfterEach void stop() { server.close(); }

    @Test void an_itinerary_draft_comes_from_the_trip_and_its_visits_and_is_not_stored() {
        server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 60);

        var drafted = server.post("/api/trips/" + trip + "/itinerary/draft", null);

        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        JsonNode draft = server.json(drafted);
        assertThat(draft.path("source").asText()).isEqualTo("assistant-draft");
        assertThat(draft.path("items")).extracting(item -> item.path("title").asText()).containsExactly("To Osaka", "Acme");
        assertThat(draft.path("items").get(1).path("date").asText()).isEqualTo("2026-12-02");
        assertThat(draft.path("days")).hasSize(2);
        assertThat(server.json(server.get("/api/trips/" + trip + "/itinerary")).path("items")).isEmpty();
    }

    @Test void a_draft_is_checked_repaired_with_the_violations_as_reasons_and_what_still_fails_is_worded_with_its_rule() {
        server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 60);

        JsonNode check = server.json(server.post("/api/trips/" + trip + "/itinerary/draft", null)).path("check");

        // The first draft had an item the day after the trip and no hotel for either night; the repairs fix only the first.
        List<String> noHotels = List.of("night_without_hotel", "night_without_hotel");
        assertThat(server.drafter.repairsAsked).containsExactly(List.of("outside_trip", "night_without_hotel", "night_without_hotel"), noHotels);
        assertThat(check.path("passed").asBoolean(true)).isFalse();
        assertThat(check.path("repairs").asInt()).isEqualTo(2);
        assertThat(check.path("rounds")).extracting(r -> r.path("violations").toString())
                .containsExactly("[\"outside_trip\",\"night_without_hotel\",\"night_without_hotel\"]",
                        "[\"night_without_hotel\",\"night_without_hotel\"]", "[\"night_without_hotel\",\"night_without_hotel\"]");
        JsonNode violation = check.path("violations").get(0);
        assertThat(check.path("violations")).hasSize(2);
        assertThat(violation.path("rule").asText()).isEqualTo("night_without_hotel");
        assertThat(violation.path("ruleName").asText()).isEqualTo("Lodging");
        assertThat(violation.path("message").asText()).isEqualTo("No hotel for the night of 2026-12-01.");
        assertThat(violation.path("item").isNull()).isTrue();
        assertThat(check.path("summary").asText()).isEqualTo(
                "Checked against the itinerary rules (2 repair rounds): 2 problems remain. Fix them before saving.");
    }

    @Test void the_check_is_worded_in_the_readers_language() {
        server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 60);

        JsonNode check = server.json(server.send("POST", "/api/trips/" + trip + "/itinerary/draft?lang=ja", null, "alice",
                java.util.Map.of())).path("check");

        assertThat(check.path("violations").get(0).path("message").asText()).isEqualTo("2026-12-01 の夜の宿泊がありません。");
        assertThat(check.path("violations").get(0).path("ruleName").asText()).isEqualTo("宿泊");
        assertThat(check.path("summary").asText()).contains("2 件の問題", "修正 2 回");
    }

    @Test void a_draft_that_keeps_every_rule_says_so() {
        var oneDay = server.post("/api/trips", """
                {"title":"Day in Osaka","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-12-01","endDate":"2026-12-01"}""");
        long day = server.json(oneDay).path("id").asLong();

        JsonNode check = server.json(server.post("/api/trips/" + day + "/itinerary/draft", null)).path("check");

        // Its one wrong item (the day after) is moved by the one repair; a day trip needs no hotel.
        assertThat(check.path("passed").asBoolean()).isTrue();
        assertThat(check.path("repairs").asInt()).isEqualTo(1);
        assertThat(check.path("violations")).isEmpty();
        assertThat(check.path("summary").asText()).isEqualTo(
                "Checked against the itinerary rules: the assistant repaired its draft (1 round); no problem left.");
    }

    @Test void preparation_notes_are_drafted_from_the_visit_and_not_stored() {
        long visit = server.addVisit(trip, "Acme", "2026-12-02T10:00:00", 60);

        var drafted = server.post("/api/visits/" + visit + "/preparation-notes/draft", null);

        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        assertThat(server.json(drafted).path("notes").asText()).startsWith("Prepare for Acme");
        assertThat(server.json(server.get("/api/visits/" + visit)).path("preparationNotes").asText()).isEmpty();
    }

    @Test void the_language_is_the_asked_one_or_else_the_trips_own() {
        server.post("/api/trips/" + trip + "/itinerary/draft?lang=ja", null);
        assertThat(server.drafter.lastLanguage).isEqualTo(Language.JA);

        server.post("/api/trips/" + trip + "/itinerary/draft", null);
        assertThat(server.drafter.lastLanguage).isEqualTo(Language.EN);

        var japanese = server.post("/api/trips", """
                {"title":"大阪出張","origin":"東京","destinations":["大阪"],"startDate":"2026-12-01","endDate":"2026-12-02"}""");
        server.post("/api/trips/" + server.json(japanese).path("id").asLong() + "/itinerary/draft", null);
        assertThat(server.drafter.lastLanguage).isEqualTo(Language.JA);
    }

    @Test void bad_input_and_other_users_trips_are_refused_before_the_model_is_asked() {
        server.assertError(server.post("/api/trips/" + trip + "/itinerary/draft?lang=fr", null), 400, "invalid_request");
        server.assertError(server.post("/api/trips/abc/itinerary/draft", null), 400, "invalid_request");
        server.assertError(server.send("POST", "/api/trips/" + trip + "/itinerary/draft", null, "mallory"), 404, "not_found");
        server.assertError(server.post("/api/visits/999/preparation-notes/draft", null), 404, "not_found");
        assertThat(server.drafter.lastLanguage).isNull();
    }

    @Test void without_a_model_a_draft_answers_503_in_words_for_the_user() {
        server.drafter.unreachable = true;

        JsonNode error = server.assertError(server.post("/api/trips/" + trip + "/itinerary/draft", null), 503, "llm_unavailable");

        assertThat(error.path("message").asText()).startsWith("The AI model is not available right now")
                .doesNotContain("Ollama").doesNotContain("LLM_PROVIDER").doesNotContain("localhost");
    }
}
