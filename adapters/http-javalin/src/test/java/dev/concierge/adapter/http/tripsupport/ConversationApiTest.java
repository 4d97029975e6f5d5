package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations, their history and the proposals the assistant makes. */
class ConversationApiTest {
    private final TripSupportServer server = new TripSupportServer();
    private final long trip = server.createTrip();

    @AfterEach void stop() { server.close(); }

    @Test void a_conversation_is_started_listed_and_keeps_its_history() {
        var started = server.post("/api/trips/" + trip + "/conversations", "{\"title\":\"Planning\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long conversation = server.json(started).path("id").asLong();
        assertThat(server.json(started).path("createdAt").asText()).endsWith("+09:00");
        assertThat(server.post("/api/trips/" + trip + "/conversations", null).status()).isEqualTo(201);

        JsonNode list = server.json(server.get("/api/trips/" + trip + "/conversations"));
        assertThat(list.path("total").asInt()).isEqualTo(2);
        assertThat(list.path("items").get(0).path("title").asText()).isEqualTo("Planning");
        assertThat(list.path("items").get(1).path("title").asText()).isEqualTo("Conversation");

        server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Hi\"}");
        JsonNode history = server.json(server.get("/api/conversations/" + conversation + "/messages"));
        assertThat(history.path("items").findValuesAsText("kind")).containsExactly("user", "assistant");
        assertThat(history.path("items").findValuesAsText("text")).containsExactly("Hi", "Hello");
    }

    @Test void a_conversation_is_renamed_and_deleted_with_its_history() {
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{}")).path("id").asLong();
        server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Hi\"}");

        var renamed = server.send("PATCH", "/api/conversations/" + conversation, "{\"title\":\"大阪の準備\"}", "alice");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(server.json(renamed).path("title").asText()).isEqualTo("大阪の準備");
        server.assertError(server.send("PATCH", "/api/conversations/" + conversation, "{\"title\":\" \"}", "alice"), 400, "invalid_request");
        server.assertError(server.send("PATCH", "/api/conversations/" + conversation, "{\"title\":\"x\"}", "bob"), 404, "not_found");
        server.assertError(server.send("DELETE", "/api/conversations/" + conversation, null, "bob"), 404, "not_found");

        assertThat(server.delete("/api/conversations/" + conversation).status()).isEqualTo(204);
        server.assertError(server.get("/api/conversations/" + conversation + "/messages"), 404, "not_found");
        assertThat(server.json(server.get("/api/trips/" + trip + "/conversations")).path("total").asInt()).isZero();
    }

    @Test void conversations_refuse_bad_input_and_strangers() {
        server.assertError(server.post("/api/trips/999/conversations", "{}"), 404, "not_found");
        server.assertError(server.post("/api/trips/" + trip + "/conversations", "{\"title\":\"" + "t".repeat(201) + "\"}"), 400, "invalid_request");
        server.assertError(server.post("/api/trips/" + trip + "/conversations", "{\"topic\":\"x\"}"), 400, "invalid_request");
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{}")).path("id").asLong();

        server.assertError(server.send("GET", "/api/conversations/" + conversation + "/messages", null, "bob"), 404, "not_found");
        server.assertError(server.get("/api/conversations/x/messages"), 400, "invalid_request");
        server.assertError(server.get("/api/conversations/" + conversation + "/messages?limit=500"), 400, "invalid_request");
        server.assertError(server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"  \"}"), 400, "invalid_request");
        server.assertError(server.post("/api/conversations/" + conversation + "/messages", "{\"text\":42}"), 400, "invalid_request");
        server.assertError(server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"" + "x".repeat(8001) + "\"}"), 400, "invalid_request");
        server.assertError(server.post("/api/conversations/77/messages", "{\"text\":\"Hi\"}"), 404, "not_found");
        assertThat(server.json(server.get("/api/conversations/" + conversation + "/messages")).path("total").asInt()).isZero();
    }

    @Test void an_accepted_proposal_changes_the_trip_and_cannot_be_decided_twice() {
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{}")).path("id").asLong();
        server.chat.script((turn, events) -> {
            var proposal = turn.chat().propose(turn.conversation(), new ProposedChange.AddVisit(new VisitDetails("Acme", List.of(), "Osaka",
                    LocalDateTime.parse("2026-12-02T10:00"), Duration.ofHours(1), "", "")), "Add a visit to Acme on 2 Dec at 10:00");
            events.accept(new TurnEvent.Proposed(proposal));
            events.accept(new TurnEvent.Done("I proposed a visit."));
        });
        server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Add Acme\"}");

        JsonNode proposals = server.json(server.get("/api/conversations/" + conversation + "/proposals"));
        assertThat(proposals.path("total").asInt()).isEqualTo(1);
        JsonNode proposal = proposals.path("items").get(0);
        assertThat(proposal.path("kind").asText()).isEqualTo("add-visit");
        assertThat(proposal.path("status").asText()).isEqualTo("pending");
        assertThat(proposal.path("change").path("visit").path("company").asText()).isEqualTo("Acme");

        var accepted = server.post("/api/proposals/" + proposal.path("id").asLong() + "/accept", null);
        assertThat(server.json(accepted).path("status").asText()).isEqualTo("accepted");
        assertThat(server.json(server.get("/api/trips/" + trip + "/visits")).path("items").get(0).path("company").asText()).isEqualTo("Acme");
        server.assertError(server.post("/api/proposals/" + proposal.path("id").asLong() + "/reject", null), 409, "proposal_decided");
    }

    @Test void a_rejected_proposal_changes_nothing() {
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{}")).path("id").asLong();
        server.chat.script((turn, events) -> {
            turn.chat().propose(turn.conversation(), new ProposedChange.AddVisit(new VisitDetails("Acme", List.of(), "Osaka",
                    LocalDateTime.parse("2026-12-02T10:00"), Duration.ofHours(1), "", "")), "Add Acme");
            events.accept(new TurnEvent.Done("Proposed."));
        });
        server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Add Acme\"}");
        long proposal = server.json(server.get("/api/conversations/" + conversation + "/proposals")).path("items").get(0).path("id").asLong();

        assertThat(server.json(server.post("/api/proposals/" + proposal + "/reject", null)).path("status").asText()).isEqualTo("rejected");
        assertThat(server.json(server.get("/api/trips/" + trip + "/visits")).path("total").asInt()).isZero();
        server.assertError(server.post("/api/proposals/abc/accept", null), 400, "invalid_request");
        server.assertError(server.post("/api/proposals/999/accept", null), 404, "not_found");
        server.assertError(server.send("POST", "/api/proposals/" + proposal + "/accept", null, "bob"), 404, "not_found");
    }
}
