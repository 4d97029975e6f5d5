package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TripSupportCommandsTest {
    static final UserId ALICE = new UserId("alice");
    static final TripId TRIP = new TripId(1);
    static final VisitId VISIT = new VisitId(2);

    @Test void a_conversation_title_is_kept_without_surrounding_blanks_and_none_lets_the_service_name_it() {
        assertThat(new StartConversationCommand(ALICE, TRIP, "  Planning ").title()).isEqualTo("Planning");
        assertThat(new StartConversationCommand(ALICE, TRIP, null).untitled()).isTrue();
        assertThat(new StartConversationCommand(ALICE, TRIP, " ").untitled()).isTrue();
    }

    @Test void a_conversation_title_counts_characters_so_200_emoji_fit_and_201_do_not() {
        assertThat(new StartConversationCommand(ALICE, TRIP, "😀".repeat(200)).title()).hasSize(400);
        assertThatThrownBy(() -> new StartConversationCommand(ALICE, TRIP, "😀".repeat(201)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.details())
                        .containsExactly(FieldError.of("title", Validation.TOO_LONG, StartConversationCommand.MAX_TITLE_LENGTH)));
    }

    @Test void a_negative_expected_version_is_refused_naming_the_version() {
        TripDetails details = new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));

        assertThatThrownBy(() -> new UpdateTripCommand(ALICE, TRIP, details, -1))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.details()).extracting(FieldError::field).containsExactly("version"));
        assertThatThrownBy(() -> new ChangeTripStatusCommand(ALICE, TRIP, TripStatus.APPROVED, -1)).isInstanceOf(InvalidInput.class);
    }

    @Test void a_move_without_a_new_start_is_refused_naming_starts_at() {
        assertThatThrownBy(() -> new MoveVisitCommand(ALICE, VISIT, null))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.details())
                        .containsExactly(FieldError.of("startsAt", Validation.REQUIRED)));
    }

    @Test void preparation_notes_over_the_visits_limit_are_refused_and_surrounding_blanks_do_not_count() {
        int max = CustomerVisit.MAX_PREPARATION_NOTES;

        assertThat(new SetPreparationNotesCommand(ALICE, VISIT, " " + "😀".repeat(max) + "\n").notes()).hasSize(2 * max);
        assertThatThrownBy(() -> new SetPreparationNotesCommand(ALICE, VISIT, "x".repeat(max + 1)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.details())
                        .containsExactly(FieldError.of("notes", Validation.TOO_LONG, max)));
    }
}
