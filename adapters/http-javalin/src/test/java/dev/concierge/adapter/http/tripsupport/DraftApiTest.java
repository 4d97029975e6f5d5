package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.domain.kernel.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
