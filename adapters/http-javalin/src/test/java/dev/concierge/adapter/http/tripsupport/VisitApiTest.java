package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisitApiTest {
    private final TripSupportServer server = new TripSupportServer();
    private final long trip = server.createTrip();

    @AfterEach void stop() { server.close(); }

    @Test void an_added_visit_answers_201_with_its_local_times() {
        var added = server.post("/api/trips/" + trip + "/visits", """
                {"company":"Acme","contacts":["Ms Sato","Mr Ito"],"location":"Umeda, Osaka","startsAt":"2026-12-01T10:00:00",
                 "durationMinutes":90,"agenda":"Renewal","notes":"Bring samples"}""");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode visit = server.json(added);
        assertThat(visit.path("tripId").asLong()).isEqualTo(trip);
        assertThat(visit.path("startsAt").asText()).isEqualTo("2026-12-01T10:00:00");
        assertThat(visit.path("endsAt").asText()).isEqualTo("2026-12-01T11:30:00");
        assertThat(visit.path("contacts")).hasSize(2);
        assertThat(visit.path("overlapsWith")).isEmpty();
    }

    @Test void overlapping_visits_are_reported_on_both_and_in_the_schedule() {
        long first = server.addVisit(trip, "Acme", "2026-12-01T10:00:00", 90);
        long second = server.addVisit(trip, "Globex", "2026-12-01T11:00:00", 60);
        server.addVisit(trip, "Initech", "2026-12-02T10:00:00", 60);

        JsonNode schedule = server.json(server.get("/api/trips/" + trip + "/visits"));
        assertThat(schedule.path("total").asInt()).isEqualTo(3);
        assertThat(schedule.path("overlaps")).hasSize(1);
        assertThat(schedule.path("overlaps").get(0).path("first").asLong()).isEqualTo(first);
        assertThat(schedule.path("overlaps").get(0).path("second").asLong()).isEqualTo(second);
        assertThat(schedule.path("items").get(0).path("overlapsWith").toString()).isEqualTo("[" + second + "]");
        assertThat(schedule.path("items").get(2).path("overlapsWith")).isEmpty();
        assertThat(server.json(server.get("/api/trips/" + trip + "/visits?limit=1&offset=2")).path("items")).hasSize(1);
    }

    @Test void a_visit_outside_the_trip_is_422_and_not_stored() {
        JsonNode error = server.assertError(server.post("/api/trips/" + trip + "/visits", """
                {"company":"Acme","location":"Osaka","startsAt":"2026-12-09T10:00:00","durationMinutes":60}"""), 422, "visit_outside_trip");

        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("startsAt");
        assertThat(server.json(server.get("/api/trips/" + trip + "/visits")).path("total").asInt()).isZero();
    }

    @Test void invalid_visit_fields_are_400_with_details_per_field() {
        JsonNode error = server.assertError(server.post("/api/trips/" + trip + "/visits", """
                {"company":"","location":"","startsAt":null}"""), 400, "invalid_request");

        assertThat(error.path("details").findValuesAsText("field")).contains("company", "location", "startsAt", "durationMinutes");
        server.assertError(server.post("/api/trips/" + trip + "/visits", """
                {"company":"Acme","location":"Osaka","startsAt":"2026-12-01T10:00:00","durationMinutes":"long"}"""), 400, "invalid_request");
        server.assertError(server.post("/api/trips/" + trip + "/visits", """
                {"company":"Acme","location":"Osaka","startsAt":"2026-12-01T10:00:00","durationMinutes":2}"""), 400, "invalid_request");
        server.assertError(server.post("/api/trips/999/visits", """
                {"company":"Acme","location":"Osaka","startsAt":"2026-12-01T10:00:00","durationMinutes":60}"""), 404, "not_found");
    }

    @Test void a_visit_is_read_updated_with_its_version_moved_and_deleted() {
        long visit = server.addVisit(trip, "Acme", "2026-12-01T10:00:00", 60);
        String update = """
                {"company":"Acme Corp","location":"Osaka","startsAt":"2026-12-01T14:00:00","durationMinutes":45,"version":%d}""";

        assertThat(server.json(server.get("/api/visits/" + visit)).path("company").asText()).isEqualTo("Acme");
        var updated = server.put("/api/visits/" + visit, update.formatted(1));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(server.json(updated).path("company").asText()).isEqualTo("Acme Corp");
        server.assertError(server.put("/api/visits/" + visit, update.formatted(1)), 409, "stale");
        server.assertError(server.put("/api/visits/" + visit, update.replace(",\"version\":%d", "")), 400, "invalid_request");

        var moved = server.post("/api/visits/" + visit + "/move", "{\"startsAt\":\"2026-12-02T09:00:00\"}");
        assertThat(server.json(moved).path("startsAt").asText()).isEqualTo("2026-12-02T09:00:00");
        server.assertError(server.post("/api/visits/" + visit + "/move", "{\"startsAt\":\"2027-01-02T09:00:00\"}"), 422, "visit_outside_trip");
        server.assertError(server.post("/api/visits/" + visit + "/move", "{}"), 400, "invalid_request");

        assertThat(server.delete("/api/visits/" + visit).status()).isEqualTo(204);
        server.assertError(server.get("/api/visits/" + visit), 404, "not_found");
        server.assertError(server.delete("/api/visits/" + visit), 404, "not_found");
    }

    @Test void preparation_notes_are_replaced_and_shown_on_the_visit() {
        long visit = server.addVisit(trip, "Acme", "2026-12-01T10:00:00", 60);

        var noted = server.put("/api/visits/" + visit + "/preparation-notes", "{\"notes\":\"Ask about Q3 volumes\"}");
        assertThat(server.json(noted).path("preparationNotes").asText()).isEqualTo("Ask about Q3 volumes");
        server.assertError(server.put("/api/visits/" + visit + "/preparation-notes", "{}"), 400, "invalid_request");
        server.assertError(server.put("/api/visits/" + visit + "/preparation-notes", "{\"notes\":\"" + "x".repeat(20_001) + "\"}"),
                400, "invalid_request");
        assertThat(server.json(server.get("/api/visits/" + visit)).path("preparationNotes").asText()).isEqualTo("Ask about Q3 volumes");
    }

    @Test void another_users_visit_does_not_exist_for_them() {
        long visit = server.addVisit(trip, "Acme", "2026-12-01T10:00:00", 60);

        server.assertError(server.send("GET", "/api/visits/" + visit, null, "bob"), 404, "not_found");
        server.assertError(server.send("DELETE", "/api/visits/" + visit, null, "bob"), 404, "not_found");
        server.assertError(server.get("/api/visits/nope"), 400, "invalid_request");
        assertThat(server.get("/api/visits/" + visit).status()).isEqualTo(200);
    }
}
