package dev.concierge.bootstrap;

import com.google.inject.AbstractModule;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trip support in the real injector over a real PostgreSQL; the chat with a scripted assistant in place of the model. */
class TripSupportWiringTest {
    private static RunningApp running;

    @BeforeAll static void start() { running = RunningApp.start(); }

    @AfterAll static void stop() { running.close(); }

    @Test void the_real_injector_resolves_every_trip_use_case_that_needs_no_model() {
        for (Class<?> useCase : List.of(ManageTripsUseCase.class, ManageVisitsUseCase.class, PlanItineraryUseCase.class,
                EstimateExpensesUseCase.class, ReviewProposalsUseCase.class)) {
            assertThat(running.app.injector().getInstance(useCase)).as(useCase.getSimpleName()).isNotNull();
        }
    }

    @Test void the_built_in_policy_estimates_a_trip_stored_in_postgres() {
        var trips = running.app.injector().getInstance(ManageTripsUseCase.class);
        var expenses = running.app.injector().getInstance(EstimateExpensesUseCase.class);
        UserId user = new UserId("wiring-estimate");
        var trip = trips.create(user, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)));

        var estimate = expenses.estimate(user, trip.id());

        assertThat(estimate.currency()).isEqualTo("JPY");
        assertThat(estimate.total()).isEqualTo(2 * 3_000);
    }

    @Test void with_an_assistant_bound_the_chat_stores_the_turn_and_a_tool_proposal_accepted_changes_the_trip() {
        var injector = running.app.injector().createChildInjector(new TripAssistantModule(), new AbstractModule() {
            @Override protected void configure() {
                bind(TripAssistant.class).toInstance(new ProposingAssistant(running.app.injector().getInstance(ConversationRepository.class)));
                bind(TripDrafter.class).toInstance(new NoDrafter());
            }
        });
        var trips = injector.getInstance(ManageTripsUseCase.class);
        var chat = injector.getInstance(ChatWithAssistantUseCase.class);
        var review = injector.getInstance(ReviewProposalsUseCase.class);
        var visits = injector.getInstance(ManageVisitsUseCase.class);
        UserId user = new UserId("wiring-chat");
        var trip = trips.create(user, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)));
        var conversation = chat.start(user, trip.id(), "");
        List<String> tools = new ArrayList<>();

        chat.send(user, conversation.id(), "Add a visit to Acme please", new RecordingListener(tools));
        Proposal proposal = review.proposals(user, conversation.id()).getFirst();
        review.accept(user, proposal.id());

        assertThat(chat.history(user, conversation.id())).extracting(StoredMessage::kind)
                .containsExactly(StoredMessage.Kind.USER, StoredMessage.Kind.ASSISTANT);
        assertThat(tools).singleElement().asString().contains("proposal #" + proposal.id());
        assertThat(proposal.change()).isInstanceOf(ProposedChange.AddVisit.class);
        assertThat(visits.schedule(user, trip.id()).visits()).extracting(v -> v.details().company()).containsExactly("Acme");
    }

    @Test void a_malformed_travel_policy_file_stops_start_up_naming_the_file_and_the_problem(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.properties");
        Files.writeString(policy, "default.city.class=B\nper.diem.B=abc\nlodging.cap.B=1\ntransport.allowed=bus\napproval.threshold=1\n");
        TestDatabase database = TestDatabase.empty();
        try {
            assertThatThrownBy(() -> Application.start(Settings.from(Map.of("PORT", "0", "HOST", "127.0.0.1",
                    "DATABASE_URL", database.jdbcUrl(), "DATABASE_USER", database.user(), "OLLAMA_BASE_URL", "http://127.0.0.1:9",
                    "TRAVEL_POLICY_FILE", policy.toString()))))
                    .hasMessageContaining(policy.toAbsolutePath().toString())
                    .hasMessageContaining("per.diem.B: must be a whole amount");
        } finally {
            database.close();
        }
    }

    /** Stands in for the model: proposes one visit through the toolbox, then answers. */
    private record ProposingAssistant(ConversationRepository conversations) implements TripAssistant {
        @Override public void reply(Turn turn, Toolbox tools, Listener listener) {
            String outcome = tools.proposeAddVisit(new VisitDetails("Acme", List.of(), "Osaka", LocalDateTime.of(2026, 12, 1, 10, 0),
                    Duration.ofHours(1), "", ""));
            listener.toolUsed("proposeAddVisit", outcome);
            conversations.append(turn.conversation(), List.of(new StoredMessage(0, StoredMessage.Kind.ASSISTANT,
                    "I proposed the visit.", List.of(), Optional.empty(), Optional.empty(), Instant.now())));
            listener.completed("I proposed the visit.");
        }
    }

    private static final class NoDrafter implements TripDrafter {
        @Override public List<ItineraryItem> draftItinerary(TripDetails trip, List<CustomerVisit> visits, Language language) { return List.of(); }

        @Override public String draftPreparationNotes(TripDetails trip, CustomerVisit visit, Language language) { return "Notes"; }
    }

    private record RecordingListener(List<String> tools) implements TripAssistant.Listener {
        @Override public void token(String text) {}

        @Override public void toolUsed(String tool, String outcome) { tools.add(outcome); }

        @Override public void completed(String fullText) {}

        @Override public void failed(String message) {}
    }
}
