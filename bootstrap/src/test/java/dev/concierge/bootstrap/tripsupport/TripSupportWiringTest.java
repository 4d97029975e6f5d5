package dev.concierge.bootstrap.tripsupport;

import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.StartConversationCommand;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.bootstrap.Application;
import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.kernel.Conflict;
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
import dev.concierge.domain.tripsupport.port.in.SendMessageCommand;
import dev.concierge.domain.tripsupport.port.in.SendMessageUseCase;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trip support in the real injector over a real PostgreSQL; the chat with a scripted assistant in place of the model
 * (with the real model adapter against the wire fixture: {@link TripAssistantOnModelTest}).
 */
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
        var trip = trips.create(new CreateTripCommand(user, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))));

        var estimate = expenses.estimate(user, trip.id());

        assertThat(estimate.currency()).isEqualTo("JPY");
        assertThat(estimate.total()).isEqualTo(2 * 3_000);
    }

    @Test void with_an_assistant_bound_the_chat_stores_the_turn_and_a_tool_proposal_accepted_changes_the_trip() {
        var injector = running.app.injector();
        var trips = injector.getInstance(ManageTripsUseCase.class);
        var chat = injector.getInstance(ChatWithAssistantUseCase.class);
        var messages = chatWith(new ProposingAssistant());
        var review = injector.getInstance(ReviewProposalsUseCase.class);
        var visits = injector.getInstance(ManageVisitsUseCase.class);
        UserId user = new UserId("wiring-chat");
        var trip = trips.create(new CreateTripCommand(user, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))));
        var conversation = chat.start(new StartConversationCommand(user, trip.id(), ""));
        List<String> tools = new ArrayList<>();

        messages.send(new SendMessageCommand(user, conversation.id(), "Add a visit to Acme please"), new RecordingListener(tools));
        Proposal proposal = review.proposals(user, conversation.id()).getFirst();
        review.accept(user, proposal.id());

        assertThat(chat.history(user, conversation.id())).extracting(StoredMessage::kind)
                .containsExactly(StoredMessage.Kind.USER, StoredMessage.Kind.ASSISTANT);
        assertThat(tools).containsExactly("propose_add_visit proposed {proposal=" + proposal.id() + "}");
        assertThat(proposal.change()).isInstanceOf(ProposedChange.AddVisit.class);
        assertThat(visits.schedule(user, trip.id()).visits()).extracting(v -> v.details().company()).containsExactly("Acme");
    }

    @Test void two_instances_never_run_two_turns_of_one_conversation_at_once() throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        SendMessageUseCase instanceA = chatWith((turn, tools, memory, tokens) -> {
            memory.append(List.of(userMessage(turn)));
            answering.countDown();
            await(finish);
            return new TripAssistant.Ending.Answered("Done.");
        });
        SendMessageUseCase instanceB = chatWith((turn, tools, memory, tokens) -> {
            memory.append(List.of(userMessage(turn)));
            return new TripAssistant.Ending.Answered("Also done.");
        });
        var chat = running.app.injector().getInstance(ChatWithAssistantUseCase.class);
        UserId user = new UserId("wiring-lease");
        var trip = running.app.injector().getInstance(ManageTripsUseCase.class).create(new CreateTripCommand(user,
                new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))));
        var conversation = chat.start(new StartConversationCommand(user, trip.id(), "Busy"));

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = threads.submit(() -> instanceA.send(new SendMessageCommand(user, conversation.id(), "First"), new RecordingListener(new ArrayList<>())));
            assertThat(answering.await(10, TimeUnit.SECONDS)).as("first turn running").isTrue();

            assertThatThrownBy(() -> instanceB.send(new SendMessageCommand(user, conversation.id(), "Second"), new RecordingListener(new ArrayList<>())))
                    .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("turn_in_progress"));

            finish.countDown();
            first.get(10, TimeUnit.SECONDS);
        }
        instanceB.send(new SendMessageCommand(user, conversation.id(), "Third"), new RecordingListener(new ArrayList<>()));
        assertThat(chat.history(user, conversation.id())).extracting(StoredMessage::text).containsExactly("First", "Third");
    }

    @Test void the_travel_policy_file_setting_is_unset_by_default() {
        assertThat(Settings.from(Map.of()).travelPolicyFile()).isEmpty();
        assertThat(Settings.from(Map.of("TRAVEL_POLICY_FILE", "/etc/concierge/policy.properties")).travelPolicyFile())
                .contains(Path.of("/etc/concierge/policy.properties"));
    }

    /**
     * Another instance of the app as far as turns go: its own chat service over the same database, wired as
     * {@link TripAssistantModule} wires it but with a scripted assistant (the real injector binds the model adapter).
     */
    private static SendMessageUseCase chatWith(TripAssistant assistant) {
        var injector = running.app.injector();
        return new TripAssistantModule().messages(injector.getInstance(ManageTripsUseCase.class), injector.getInstance(ManageVisitsUseCase.class),
                injector.getInstance(PlanItineraryUseCase.class), injector.getInstance(EstimateExpensesUseCase.class),
                injector.getInstance(ConversationRepository.class), injector.getInstance(ConversationTurns.class),
                injector.getInstance(ProposalRepository.class), assistant, new NoDrafter(),
                injector.getInstance(dev.concierge.domain.tripsupport.port.out.VisitWindowRepository.class),
                injector.getInstance(dev.concierge.domain.tripsupport.port.out.TravelTimes.class), injector.getInstance(Clock.class),
                injector.getInstance(Settings.class));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private static StoredMessage userMessage(TripAssistant.Turn turn) {
        return new StoredMessage(0, StoredMessage.Kind.USER, turn.userMessage(), List.of(), Optional.empty(), Optional.empty(), Instant.now());
    }

    /** Stands in for the model: stores the question, proposes one visit through the toolbox, then answers. */
    private record ProposingAssistant() implements TripAssistant {
        @Override public Ending reply(Turn turn, Toolbox tools, Memory memory, Consumer<String> tokens) {
            memory.append(List.of(userMessage(turn)));
            tools.proposeAddVisit(new VisitDetails("Acme", List.of(), "Osaka", LocalDateTime.of(2026, 12, 1, 10, 0),
                    Duration.ofHours(1), "", ""));
            memory.append(List.of(new StoredMessage(0, StoredMessage.Kind.ASSISTANT, "I proposed the visit.", List.of(),
                    Optional.empty(), Optional.empty(), Instant.now())));
            return new Ending.Answered("I proposed the visit.");
        }
    }

    private static final class NoDrafter implements TripDrafter {
        @Override public List<ItineraryItem> draftItinerary(TripDetails trip, List<CustomerVisit> visits, Language language) { return List.of(); }

        @Override public String draftPreparationNotes(TripDetails trip, CustomerVisit visit, Language language) { return "Notes"; }
    }

    private record RecordingListener(List<String> tools) implements Consumer<TurnEvent> {
        @Override public void accept(TurnEvent event) {
            if (event instanceof TurnEvent.ToolUsed used) tools.add(used.tool() + " " + used.code() + " " + used.args());
        }
    }
}
