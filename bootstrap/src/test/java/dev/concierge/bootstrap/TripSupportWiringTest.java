package dev.concierge.bootstrap;

import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trip support in the real injector over a real PostgreSQL. The chat, with the real model adapter against the wire
 * fixture, is {@link TripAssistantOnModelTest}.
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
        var trip = trips.create(user, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)));

        var estimate = expenses.estimate(user, trip.id());

        assertThat(estimate.currency()).isEqualTo("JPY");
        assertThat(estimate.total()).isEqualTo(2 * 3_000);
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
}
