package dev.concierge.bootstrap.tripsupport;

import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.StartConversationCommand;
import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.Application;
import dev.concierge.bootstrap.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.StoredMessage.Kind;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.SendMessageCommand;
import dev.concierge.domain.tripsupport.port.in.SendMessageUseCase;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The assistant as deployed: the real injector, PostgreSQL, and the wire fixture as the model (each protocol). A
 * tool proposal made by the model changes the trip once the user accepts it, and the chat's memory outlives the
 * injector: a new application over the same database sends the earlier turns, tool exchange included, to the model.
 */
class TripAssistantOnModelTest {

    @ParameterizedTest @ValueSource(strings = {"ollama", "openai"})
    void a_proposal_from_the_model_accepted_changes_the_trip_and_the_memory_survives_a_restart(String provider) {
        UserId user = new UserId("assistant-restart");
        try (LlmWireFixture llm = LlmWireFixture.start(); TestDatabase database = TestDatabase.empty()) {
            Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1", "DATABASE_URL", database.jdbcUrl(),
                    "DATABASE_USER", database.user(), "LLM_PROVIDER", provider, "LLM_TIMEOUT_SECONDS", "10", "SHUTDOWN_DRAIN_SECONDS", "1"));
            env.putAll(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "OLLAMA_MODEL", "llama3.2",
                    "OPENAI_BASE_URL", llm.openAiBaseUrl().toString(), "OPENAI_MODEL", "gpt-4o-mini", "OPENAI_API_KEY", "sk-fixture"));
            Trip trip;
            Conversation conversation;
            llm.enqueue(Answer.toolCall("propose_add_visit", """
                    {"company":"Kansai Steel","location":"Osaka, Umeda","startsAt":"2026-12-01T14:00","durationMinutes":90,
                     "contacts":["Ms Tanaka"],"agenda":"Contract renewal","notes":""}"""));

            try (Application first = Application.start(Settings.from(env))) {
                var trips = first.injector().getInstance(ManageTripsUseCase.class);
                var chat = first.injector().getInstance(ChatWithAssistantUseCase.class);
                var turns = first.injector().getInstance(SendMessageUseCase.class);
                var review = first.injector().getInstance(ReviewProposalsUseCase.class);
                var visits = first.injector().getInstance(ManageVisitsUseCase.class);
                trip = trips.create(new CreateTripCommand(user, new TripDetails("Osaka sales", "Renewal", "Tokyo", List.of("Osaka"),
                        LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))));
                conversation = chat.start(new StartConversationCommand(user, trip.id(), "Osaka"));
                Recording listener = new Recording();

                turns.send(new SendMessageCommand(user, conversation.id(), "Please add a visit to Kansai Steel"), listener);

                assertThat(listener.failures).isEmpty();
                assertThat(listener.tools).singleElement().asString().startsWith("propose_add_visit: proposed");
                assertThat(listener.completions).singleElement().asString().startsWith("Simulated answer about \"Please add a visit");
                assertThat(visits.schedule(user, trip.id()).visits()).as("nothing changes before the user accepts").isEmpty();

                Proposal proposal = review.proposals(user, conversation.id()).getFirst();
                review.accept(user, proposal.id());

                assertThat(visits.schedule(user, trip.id()).visits()).singleElement().satisfies(visit -> {
                    assertThat(visit.details().company()).isEqualTo("Kansai Steel");
                    assertThat(visit.details().startsAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 0));
                });
            }

            try (Application second = Application.start(Settings.from(env))) {
                var chat = second.injector().getInstance(ChatWithAssistantUseCase.class);
                var turns = second.injector().getInstance(SendMessageUseCase.class);
                Recording listener = new Recording();

                turns.send(new SendMessageCommand(user, conversation.id(), "What did you propose?"), listener);

                assertThat(listener.completions).singleElement().asString().startsWith("Simulated answer about \"What did you propose?\"");
                JsonNode messages = llm.chatRequests().getLast().json().path("messages");
                List<String> roles = new ArrayList<>();
                messages.forEach(m -> roles.add(m.path("role").asText()));
                assertThat(roles).containsExactly("system", "user", "assistant", "tool", "assistant", "user");
                assertThat(messages.get(1).path("content").asText()).isEqualTo("Please add a visit to Kansai Steel");
                assertThat(messages.get(2).at("/tool_calls/0/function/name").asText()).isEqualTo("propose_add_visit");
                assertThat(messages.get(0).path("content").asText()).contains("Kansai Steel"); // the trip as it is now
                assertThat(chat.history(user, conversation.id())).extracting(StoredMessage::kind).containsExactly(
                        Kind.USER, Kind.ASSISTANT, Kind.TOOL_RESULT, Kind.ASSISTANT, Kind.USER, Kind.ASSISTANT);
            }
        }
    }

    @Test void an_itinerary_drafted_by_the_model_in_json_schema_mode_becomes_the_trips_itinerary_once_accepted() {
        UserId user = new UserId("assistant-itinerary");
        try (LlmWireFixture llm = LlmWireFixture.start();
             RunningApp running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "OLLAMA_MODEL", "llama3.2"))) {
            var trips = running.app.injector().getInstance(ManageTripsUseCase.class);
            var chat = running.app.injector().getInstance(ChatWithAssistantUseCase.class);
            var turns = running.app.injector().getInstance(SendMessageUseCase.class);
            var review = running.app.injector().getInstance(ReviewProposalsUseCase.class);
            var itineraries = running.app.injector().getInstance(PlanItineraryUseCase.class);
            Trip trip = trips.create(new CreateTripCommand(user, new TripDetails("Osaka sales", "", "Tokyo", List.of("Osaka"),
                    LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))));
            Conversation conversation = chat.start(new StartConversationCommand(user, trip.id(), "Osaka"));
            llm.enqueue(Answer.toolCall("propose_itinerary_draft", "{}"), Answer.content("""
                    {"items":[{"date":"2026-12-01","start":"08:00","end":"10:30","kind":"transport","title":"Nozomi to Shin-Osaka","place":"Tokyo","notes":""},
                              {"date":"2026-12-02","start":"17:00","end":"","kind":"transport","title":"Back to Tokyo","place":"Shin-Osaka","notes":""}]}"""));
            Recording listener = new Recording();

            turns.send(new SendMessageCommand(user, conversation.id(), "Draft my itinerary"), listener);
            review.accept(user, review.proposals(user, conversation.id()).getFirst().id());

            assertThat(listener.tools).singleElement().asString().startsWith("propose_itinerary_draft: proposed");
            assertThat(review.proposals(user, conversation.id()).getFirst().summary()).contains("Replace the itinerary with a draft of 2 item(s)");
            assertThat(llm.chatRequests().get(1).json().path("format").path("properties").has("items")).as("the drafter's JSON schema").isTrue();
            assertThat(itineraries.itinerary(user, trip.id()).items()).extracting(ItineraryItem::title)
                    .containsExactly("Nozomi to Shin-Osaka", "Back to Tokyo");
        }
    }

    @Test void with_no_model_reachable_a_message_is_refused_saying_what_to_start_and_nothing_is_stored() {
        UserId user = new UserId("assistant-no-model");
        try (RunningApp running = RunningApp.start()) { // OLLAMA_BASE_URL where nothing listens
            var trips = running.app.injector().getInstance(ManageTripsUseCase.class);
            var chat = running.app.injector().getInstance(ChatWithAssistantUseCase.class);
            var turns = running.app.injector().getInstance(SendMessageUseCase.class);
            Trip trip = trips.create(new CreateTripCommand(user, new TripDetails("Osaka sales", "", "Tokyo", List.of("Osaka"),
                    LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))));
            Conversation conversation = chat.start(new StartConversationCommand(user, trip.id(), "Osaka"));
            Recording listener = new Recording();

            assertThatThrownBy(() -> turns.send(new SendMessageCommand(user, conversation.id(), "Hello?"), listener))
                    .isInstanceOf(Unavailable.class)
                    .hasMessageStartingWith("No LLM reachable at http://127.0.0.1:9 — start Ollama");

            assertThat(chat.history(user, conversation.id())).isEmpty();
            assertThat(listener.completions).isEmpty();
            assertThat(listener.failures).isEmpty();
        }
    }

    private static final class Recording implements Consumer<TurnEvent> {
        final List<String> tools = new CopyOnWriteArrayList<>();
        final List<String> completions = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override public void accept(TurnEvent event) {
            switch (event) {
                case TurnEvent.ToolUsed used -> tools.add(used.tool() + ": " + used.code() + " " + used.args());
                case TurnEvent.Done done -> completions.add(done.text());
                case TurnEvent.Failed failed -> failures.add(failed.code());
                default -> { }
            }
        }
    }
}
