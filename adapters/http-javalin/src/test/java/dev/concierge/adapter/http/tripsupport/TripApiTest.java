package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TripApiTest {
    private final TripSupportServer server = new TripSupportServer();

    @AfterEach void stop() { server.close(); }

    @Test void creating_a_trip_answers_201_with_the_planned_trip() {
        var created = server.post("/api/trips", """
                {"title":" Osaka customers ","purpose":"Renewals","origin":"Tokyo","destinations":["Osaka","Kyoto"],
                 "startDate":"2026-12-01","endDate":"2026-12-03"}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode trip = server.json(created);
        assertThat(trip.path("id").asLong()).isPositive();
        assertThat(trip.path("title").asText()).isEqualTo("Osaka customers");
        assertThat(trip.path("destinations").toString()).isEqualTo("[\"Osaka\",\"Kyoto\"]");
        assertThat(trip.path("startDate").asText()).isEqualTo("2026-12-01");
        assertThat(trip.path("days").asInt()).isEqualTo(3);
        assertThat(trip.path("status").asText()).isEqualTo("planned");
        assertThat(trip.path("version").asLong()).isEqualTo(1);
        assertThat(trip.path("updatedAt").asText()).endsWith("+09:00");
        assertThat(server.json(server.get("/api/trips/" + trip.path("id").asLong())).path("title").asText()).isEqualTo("Osaka customers");
    }

    @Test void a_trip_is_deleted_by_its_owner_only() {
        long trip = server.createTrip();

        server.assertError(server.send("DELETE", "/api/trips/" + trip, null, "bob"), 404, "not_found");
        assertThat(server.delete("/api/trips/" + trip).status()).isEqualTo(204);
        server.assertError(server.get("/api/trips/" + trip), 404, "not_found");
        server.assertError(server.delete("/api/trips/" + trip), 404, "not_found");
    }

    @Test void a_create_sent_again_with_its_idempotency_key_answers_the_trip_it_made_and_makes_no_second() {
        String body = """
                {"title":"Osaka customers","purpose":"","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-12-01","endDate":"2026-12-02"}""";
        var first = server.send("POST", "/api/trips", body, "alice", java.util.Map.of("Idempotency-Key", "form-42"));
        var again = server.send("POST", "/api/trips", body, "alice", java.util.Map.of("Idempotency-Key", "form-42"));
        var other = server.send("POST", "/api/trips", body, "alice", java.util.Map.of("Idempotency-Key", "form-43"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(server.json(again).path("id").asLong()).isEqualTo(server.json(first).path("id").asLong());
        assertThat(server.json(other).path("id").asLong()).isNotEqualTo(server.json(first).path("id").asLong());
        assertThat(server.json(server.get("/api/trips")).path("total").asLong()).isEqualTo(2);
        server.assertError(server.send("POST", "/api/trips", body, "alice", java.util.Map.of("Idempotency-Key", "not a token")), 400, "invalid_request");
    }

    @Test void a_deleted_trip_is_restored_by_its_owner_only() {
        long trip = server.createTrip();
        server.delete("/api/trips/" + trip);

        server.assertError(server.send("POST", "/api/trips/" + trip + "/restore", null, "bob"), 404, "not_found");
        var restored = server.post("/api/trips/" + trip + "/restore", null);

        assertThat(restored.status()).isEqualTo(200);
        assertThat(server.json(restored).path("title").asText()).isEqualTo("Osaka customers");
        assertThat(server.get("/api/trips/" + trip).status()).isEqualTo(200);
    }

    @Test void the_list_pages_and_filters_by_status() {
        long first = server.createTrip();
        server.createTrip();
        server.createTrip();
        server.post("/api/trips/" + first + "/approve", "{\"version\":1}");

        JsonNode page = server.json(server.get("/api/trips?limit=2&offset=0"));
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("items")).hasSize(2);
        JsonNode approved = server.json(server.get("/api/trips?status=approved"));
        assertThat(approved.path("total").asInt()).isEqualTo(1);
        assertThat(approved.path("items").get(0).path("id").asLong()).isEqualTo(first);
    }

    @Test void bad_list_parameters_are_400s_naming_the_parameter() {
        assertThat(server.assertError(server.get("/api/trips?limit=0"), 400, "invalid_request").toString()).contains("limit");
        assertThat(server.assertError(server.get("/api/trips?offset=x"), 400, "invalid_request").toString()).contains("offset");
        assertThat(server.assertError(server.get("/api/trips?status=flying"), 400, "invalid_request").toString()).contains("status");
    }

    @Test void an_invalid_trip_answers_400_with_field_details_and_stores_nothing() {
        JsonNode error = server.assertError(server.post("/api/trips", """
                {"title":"","origin":"Tokyo","destinations":[],"startDate":"2026-12-03","endDate":"2026-12-01"}"""), 400, "invalid_request");

        assertThat(error.path("details").findValuesAsText("field")).contains("title", "destinations", "endDate");
        assertThat(server.json(server.get("/api/trips")).path("total").asInt()).isZero();
    }

    @Test void malformed_bodies_are_400s() {
        server.assertError(server.post("/api/trips", "{not json"), 400, "invalid_json");
        JsonNode unclosed = server.assertError(server.post("/api/trips", "{"), 400, "invalid_json");
        assertThat(unclosed.path("message").asText()).doesNotContain("Source", "REDACTED", "marker at");
        JsonNode impossibleDate = server.assertError(server.post("/api/trips", """
                {"title":"T","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-02-30","endDate":"2026-12-01"}"""),
                400, "invalid_request");
        assertThat(impossibleDate.path("message").asText()).contains("start date", "2026-12-01").doesNotContain("LocalDate");
        assertThat(impossibleDate.path("details").get(0).path("field").asText()).isEqualTo("startDate");
        server.assertError(server.post("/api/trips", ""), 400, "invalid_json");
        JsonNode unknown = server.assertError(server.post("/api/trips", """
                {"title":"T","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-12-01","endDate":"2026-12-01","colour":"red"}"""),
                400, "invalid_request");
        assertThat(unknown.path("details").get(0).path("field").asText()).isEqualTo("colour");
        JsonNode wrongType = server.assertError(server.post("/api/trips", """
                {"title":"T","origin":"Tokyo","destinations":["Osaka"],"startDate":"tomorrow","endDate":"2026-12-01"}"""),
                400, "invalid_request");
        assertThat(wrongType.path("details").get(0).path("field").asText()).isEqualTo("startDate");
        server.assertError(server.post("/api/trips", """
                {"title":"T","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-12-01","endDate":"2026-12-01","version":3}"""),
                400, "invalid_request");
        assertThat(server.json(server.get("/api/trips")).path("total").asInt()).isZero();
    }

    @Test void unknown_and_other_peoples_trips_are_404_and_bad_ids_400() {
        long trip = server.createTrip();

        server.assertError(server.get("/api/trips/999"), 404, "not_found");
        server.assertError(server.send("GET", "/api/trips/" + trip, null, "bob"), 404, "not_found");
        assertThat(server.assertError(server.get("/api/trips/abc"), 400, "invalid_request").toString()).contains("tripId");
        server.assertError(server.get("/api/trips/0"), 400, "invalid_request");
    }

    @Test void a_missing_trip_is_worded_in_the_readers_language_with_a_stable_code() {
        JsonNode japanese = server.assertError(server.sendWithLanguage("GET", "/api/trips/999", "ja"), 404, "not_found");
        JsonNode english = server.assertError(server.sendWithLanguage("GET", "/api/trips/999", "en"), 404, "not_found");

        assertThat(japanese.path("message").asText()).contains("出張が見つかりません").doesNotContain("999", "does not exist");
        assertThat(english.path("message").asText()).startsWith("The trip does not exist");
    }

    @Test void updating_needs_the_version_read_and_refuses_a_stale_one() {
        long trip = server.createTrip();
        String details = """
                {"title":"Osaka and Kobe","origin":"Tokyo","destinations":["Osaka","Kobe"],
                 "startDate":"2026-12-01","endDate":"2026-12-04","version":%d}""";

        var updated = server.put("/api/trips/" + trip, details.formatted(1));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(server.json(updated).path("version").asLong()).isEqualTo(2);
        assertThat(server.json(updated).path("endDate").asText()).isEqualTo("2026-12-04");

        server.assertError(server.put("/api/trips/" + trip, details.formatted(1)), 409, "stale");
        assertThat(server.assertError(server.put("/api/trips/" + trip, details.replace(",\"version\":%d", "")), 400, "invalid_request")
                .toString()).contains("version");
    }

    @Test void shortening_a_trip_that_would_strand_a_visit_is_refused() {
        long trip = server.createTrip();
        server.addVisit(trip, "Acme", "2026-12-03T10:00:00", 60);

        server.assertError(server.put("/api/trips/" + trip, """
                {"title":"Short","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-12-01","endDate":"2026-12-02","version":1}"""),
                422, "visit_outside_trip");
        assertThat(server.json(server.get("/api/trips/" + trip)).path("endDate").asText()).isEqualTo("2026-12-03");
    }

    @Test void status_actions_follow_planned_approved_completed() {
        long trip = server.createTrip();

        var approved = server.post("/api/trips/" + trip + "/approve", "{\"version\":1}");
        assertThat(server.json(approved).path("status").asText()).isEqualTo("approved");
        var completed = server.post("/api/trips/" + trip + "/complete", "{\"version\":2}");
        assertThat(server.json(completed).path("status").asText()).isEqualTo("completed");
        assertThat(server.json(completed).path("editable").asBoolean()).isFalse();

        server.assertError(server.post("/api/trips/" + trip + "/cancel", "{\"version\":3}"), 422, "trip_closed");
        server.assertError(server.post("/api/trips/" + trip + "/approve", "{}"), 400, "invalid_request");
        server.assertError(server.post("/api/trips/" + trip + "/approve", null), 400, "invalid_json");
    }

    @Test void a_planned_trip_cannot_be_completed_directly() {
        long trip = server.createTrip();

        server.assertError(server.post("/api/trips/" + trip + "/complete", "{\"version\":1}"), 422, "invalid_transition");
        assertThat(server.json(server.get("/api/trips/" + trip)).path("status").asText()).isEqualTo("planned");
    }

    @Test void cancelling_a_planned_trip_works() {
        long trip = server.createTrip();

        assertThat(server.json(server.post("/api/trips/" + trip + "/cancel", "{\"version\":1}")).path("status").asText()).isEqualTo("cancelled");
    }
}
