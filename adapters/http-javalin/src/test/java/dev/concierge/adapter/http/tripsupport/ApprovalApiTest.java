package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Approval by someone else over real HTTP: alice plans and submits, bob (of trip-approvers) decides, carol is nobody here. */
class ApprovalApiTest {
    final TripSupportServer server = new TripSupportServer();

    @AfterEach void stop() { server.close(); }

    TripSupportServer.Response asBob(String method, String path, String json) { return server.send(method, path, json, "bob", "trip-approvers", null); }

    /** Alice's trip with a ¥18,000 hotel in Osaka, over the ¥14,000 cap: one violation. */
    long tripWithExpensiveHotel() {
        long trip = server.createTrip();
        var plan = server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[],"lodging":[{"city":"Osaka","nights":2,"ratePerNight":18000}],"other":[]}""");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        return trip;
    }

    String violationKey(long trip) {
        return server.json(server.get("/api/trips/" + trip + "/expense-estimate")).at("/violations/0/key").asText();
    }

    @Test void a_violation_without_justification_is_refused_in_the_readers_language_naming_the_field() {
        long trip = tripWithExpensiveHotel();
        String key = violationKey(trip);
        assertThat(key).isEqualTo("lodging_over_cap@1");

        JsonNode en = server.assertError(server.post("/api/trips/" + trip + "/submit", "{\"version\":1,\"justifications\":{}}"), 422, "justification_missing");
        assertThat(en.path("message").asText()).contains("justification");
        assertThat(en.at("/details/0/field").asText()).isEqualTo("justifications." + key);
        JsonNode ja = server.assertError(server.send("POST", "/api/trips/" + trip + "/submit", "{\"version\":1}", "alice", "", "ja"), 422, "justification_missing");
        assertThat(ja.path("message").asText()).contains("理由");
        assertThat(server.json(server.get("/api/trips/" + trip)).path("status").asText()).isEqualTo("planned");
    }

    @Test void submitted_with_justifications_an_approver_sees_the_frozen_estimate_and_approves_and_the_submitter_is_told() {
        long trip = tripWithExpensiveHotel();
        String key = violationKey(trip);

        var submitted = server.post("/api/trips/" + trip + "/submit", "{\"version\":1,\"justifications\":{\"" + key + "\":\"Conference hotel\"}}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode request = server.json(submitted);
        assertThat(request.path("status").asText()).isEqualTo("pending");
        assertThat(request.path("canDecide").asBoolean()).as("never the submitter").isFalse();
        assertThat(server.json(server.get("/api/trips/" + trip)).path("status").asText()).isEqualTo("submitted");
        long id = request.path("id").asLong();

        JsonNode queue = server.json(asBob("GET", "/api/approvals", null));
        assertThat(queue.path("total").asInt()).isEqualTo(1);
        JsonNode seen = queue.at("/items/0");
        assertThat(seen.path("canDecide").asBoolean()).isTrue();
        assertThat(seen.at("/estimate/total").asLong()).isEqualTo(3 * 3_000 + 2 * 18_000);
        assertThat(seen.at("/violations/0/justification").asText()).isEqualTo("Conference hotel");
        assertThat(seen.at("/trip/title").asText()).isEqualTo("Osaka customers");

        var approved = asBob("POST", "/api/approvals/" + id + "/approve", "{\"comment\":\"OK for the conference\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(server.json(approved).at("/decision/by").asText()).isEqualTo("bob");
        assertThat(server.json(server.get("/api/trips/" + trip)).path("status").asText()).isEqualTo("approved");

        JsonNode history = server.json(server.get("/api/trips/" + trip + "/approvals"));
        assertThat(history.path("total").asInt()).isEqualTo(1);
        assertThat(history.at("/items/0/decision/comment").asText()).isEqualTo("OK for the conference");
        assertThat(history.at("/items/0/submittedBy").asText()).isEqualTo("alice");

        JsonNode inbox = server.json(server.send("GET", "/api/notifications", null, "alice", "", "ja"));
        assertThat(inbox.path("unread").asInt()).isEqualTo(1);
        assertThat(inbox.at("/items/0/kind").asText()).isEqualTo("approved");
        assertThat(inbox.at("/items/0/message").asText()).isEqualTo("bob さんが「Osaka customers」を承認しました");
        long notification = inbox.at("/items/0/id").asLong();
        server.assertError(asBob("POST", "/api/notifications/" + notification + "/read", null), 404, "not_found");
        assertThat(server.post("/api/notifications/" + notification + "/read", null).status()).isEqualTo(204);
        assertThat(server.json(server.get("/api/notifications")).path("unread").asInt()).isZero();
    }

    @Test void self_approval_is_refused_with_a_clear_422_in_both_languages() {
        long trip = server.createTrip();
        long id = server.json(server.post("/api/trips/" + trip + "/submit", "{\"version\":1}")).path("id").asLong();

        JsonNode en = server.assertError(server.send("POST", "/api/approvals/" + id + "/approve", "{}", "alice", "trip-approvers", "en"), 422, "self_approval");
        assertThat(en.path("message").asText()).contains("someone else");
        JsonNode ja = server.assertError(server.send("POST", "/api/approvals/" + id + "/approve", "{}", "alice", "trip-approvers", "ja"), 422, "self_approval");
        assertThat(ja.path("message").asText()).contains("別の人");
        assertThat(server.json(server.get("/api/trips/" + trip)).path("status").asText()).isEqualTo("submitted");
    }

    @Test void someone_who_is_not_an_approver_gets_404_and_a_rejection_needs_a_comment() {
        long trip = server.createTrip();
        long id = server.json(server.post("/api/trips/" + trip + "/submit", "{\"version\":1}")).path("id").asLong();

        server.assertError(server.send("POST", "/api/approvals/" + id + "/approve", "{}", "carol", "sales", null), 404, "not_found");
        server.assertError(server.send("GET", "/api/approvals/" + id, null, "carol", "sales", null), 404, "not_found");
        server.assertError(server.send("GET", "/api/trips/" + trip + "/approvals", null, "bob", "trip-approvers", null), 404, "not_found");
        assertThat(server.assertError(asBob("POST", "/api/approvals/" + id + "/reject", "{\"comment\":\"\"}"), 400, "invalid_request").toString())
                .contains("comment");

        var rejected = asBob("POST", "/api/approvals/" + id + "/reject", "{\"comment\":\"Take the train\"}");
        assertThat(server.json(rejected).path("status").asText()).isEqualTo("rejected");
        server.assertError(asBob("POST", "/api/approvals/" + id + "/approve", "{}"), 409, "already_decided");
        assertThat(server.json(server.get("/api/trips/" + trip)).path("status").asText()).isEqualTo("rejected");
        assertThat(server.json(server.get("/api/notifications")).at("/items/0/comment").asText()).isEqualTo("Take the train");
        // rejected: changed and submitted again
        assertThat(server.post("/api/trips/" + trip + "/submit", "{\"version\":3}").status()).isEqualTo(201);
        assertThat(server.json(server.get("/api/trips/" + trip + "/approvals")).path("total").asInt()).isEqualTo(2);
    }

    @Test void a_stale_version_and_bad_ids_are_refused() {
        long trip = server.createTrip();

        server.assertError(server.post("/api/trips/" + trip + "/submit", "{\"version\":7}"), 409, "stale");
        server.assertError(server.post("/api/trips/" + trip + "/submit", "{}"), 400, "invalid_request");
        server.assertError(server.get("/api/approvals/x"), 400, "invalid_request");
        server.assertError(server.post("/api/notifications/0/read", null), 400, "invalid_request");
    }

    @Test void the_approver_reads_the_submitted_trips_route_and_after_the_trip_its_report_through_the_request_and_nobody_else_does() {
        long trip = tripWithExpensiveHotel();
        var visit = server.post("/api/trips/" + trip + "/visits", """
                {"company":"Acme","location":"Umeda","startsAt":"2026-12-01T14:00:00","durationMinutes":60}""");
        assertThat(visit.status()).as(visit.body()).isEqualTo(201);
        long version = server.json(server.get("/api/trips/" + trip)).path("version").asLong();
        var submitted = server.post("/api/trips/" + trip + "/submit", "{\"version\":" + version + ",\"justifications\":{\""
                + violationKey(trip) + "\":\"Conference hotel\"}}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long id = server.json(submitted).path("id").asLong();

        var route = asBob("GET", "/api/approvals/" + id + "/day-routes/2026-12-01", null);
        assertThat(route.status()).as(route.body()).isEqualTo(200);
        assertThat(server.json(route).at("/legs/0/company").asText()).isEqualTo("Acme");
        assertThat(asBob("POST", "/api/approvals/" + id + "/approve", "{}").status()).isEqualTo(200);
        var spent = server.post("/api/trips/" + trip + "/actual-expenses", """
                {"spentOn":"2026-12-01","category":"transport","description":"Taxi","amount":2400}""");
        assertThat(spent.status()).as(spent.body()).isEqualTo(201);

        var report = asBob("GET", "/api/approvals/" + id + "/expense-report", null);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(server.json(report).at("/expenses/0/description").asText()).isEqualTo("Taxi");
        JsonNode decided = server.json(asBob("GET", "/api/approvals?state=decided", null));
        assertThat(decided.path("total").asInt()).isEqualTo(1);
        assertThat(decided.at("/items/0/id").asLong()).isEqualTo(id);
        assertThat(server.get("/api/approvals/" + id + "/expense-report").status()).as("the submitter too").isEqualTo(200);

        // carol is neither the submitter nor an approver: the request does not exist for her, nor does its trip
        server.assertError(server.send("GET", "/api/approvals/" + id + "/expense-report", null, "carol", "sales", null), 404, "not_found");
        server.assertError(server.send("GET", "/api/approvals/" + id + "/day-routes/2026-12-01", null, "carol", "sales", null), 404, "not_found");
        server.assertError(server.send("GET", "/api/trips/" + trip + "/expense-report", null, "bob", "trip-approvers", null), 404, "not_found");
        server.assertError(asBob("GET", "/api/approvals?state=maybe", null), 400, "invalid_request");
        server.assertError(asBob("GET", "/api/approvals/" + id + "/day-routes/someday", null), 400, "invalid_request");
    }
}
