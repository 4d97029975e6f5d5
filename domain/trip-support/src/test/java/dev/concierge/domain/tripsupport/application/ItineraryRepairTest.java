package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.ItineraryRules;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.TravelTime;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItineraryRepairTest {
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    static final TripDetails DAY_TRIP = new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1);
    static final CustomerVisit ACME = new CustomerVisit(new VisitId(7), new TripId(1),
            new VisitDetails("Acme", List.of(), "Osaka", DEC_1.atTime(10, 0), Duration.ofMinutes(60), "", ""), Optional.empty(), 1);
    static final List<ItineraryItem> RIGHT = List.of(meeting("10:00"));
    static final List<ItineraryItem> WRONG = List.of(meeting("11:00"));

    static ItineraryItem meeting(String start) {
        return new ItineraryItem(DEC_1, LocalTime.parse(start), Optional.empty(), ItineraryKind.MEETING, "Acme", "Osaka", "");
    }

    /** Answers its drafts in order (the last one again once used up) and records what each repair was told. */
    static final class ScriptedDrafter implements TripDrafter {
        final Deque<Object> answers;
        final List<List<ItineraryViolation>> toldToRepair = new ArrayList<>();
        final List<List<ItineraryItem>> repairedDrafts = new ArrayList<>();
        int calls;

        ScriptedDrafter(Object... answers) { this.answers = new ArrayDeque<>(List.of(answers)); }

        @Override public List<ItineraryItem> draftItinerary(TripDetails trip, List<CustomerVisit> visits, Language language) {
            calls++;
            return next();
        }

        @Override public List<ItineraryItem> repairItinerary(TripDetails trip, List<CustomerVisit> visits, Language language,
                                                            List<ItineraryItem> previous, List<ItineraryViolation> violations) {
            calls++;
            toldToRepair.add(violations);
            repairedDrafts.add(previous);
            return next();
        }

        @SuppressWarnings("unchecked")
        private List<ItineraryItem> next() {
            Object answer = answers.size() > 1 ? answers.poll() : answers.peek();
            if (answer instanceof RuntimeException e) throw e;
            return (List<ItineraryItem>) answer;
        }

        @Override public String draftPreparationNotes(TripDetails trip, CustomerVisit visit, Language language) { return ""; }
    }

    static DraftedItinerary draft(ScriptedDrafter drafter, int repairs) {
        return new ItineraryRepair(drafter, (from, to) -> TravelTime.none(), repairs).draft(DAY_TRIP, List.of(ACME), Language.EN);
    }

    @Test void a_right_first_draft_is_checked_once_and_not_repaired() {
        ScriptedDrafter drafter = new ScriptedDrafter(RIGHT);

        DraftedItinerary drafted = draft(drafter, 2);

        assertThat(drafted.passed()).isTrue();
        assertThat(drafted.repairs()).isZero();
        assertThat(drafted.rounds()).hasSize(1);
        assertThat(drafter.calls).isEqualTo(1);
    }

    @Test void a_wrong_draft_goes_back_with_its_violations_and_the_repaired_one_is_offered() {
        ScriptedDrafter drafter = new ScriptedDrafter(WRONG, RIGHT);

        DraftedItinerary drafted = draft(drafter, 2);

        assertThat(drafted.passed()).isTrue();
        assertThat(drafted.repairs()).isEqualTo(1);
        assertThat(drafted.itinerary().items()).isEqualTo(RIGHT);
        assertThat(drafted.rounds().getFirst().violations()).extracting(ItineraryViolation::rule).containsExactly(ItineraryRules.VISIT_MISSING);
        assertThat(drafted.rounds().get(1).passed()).isTrue();
        assertThat(drafter.toldToRepair).singleElement().satisfies(v -> assertThat(v).extracting(ItineraryViolation::rule)
                .containsExactly(ItineraryRules.VISIT_MISSING));
        assertThat(drafter.repairedDrafts).containsExactly(WRONG);
    }

    @Test void a_drafter_that_is_always_wrong_is_asked_a_bounded_number_of_times_and_the_violations_remain() {
        ScriptedDrafter drafter = new ScriptedDrafter(WRONG);

        DraftedItinerary drafted = draft(drafter, 2);

        assertThat(drafter.calls).isEqualTo(3);
        assertThat(drafted.rounds()).hasSize(3).allSatisfy(round -> assertThat(round.passed()).isFalse());
        assertThat(drafted.passed()).isFalse();
        assertThat(drafted.violations()).extracting(ItineraryViolation::rule).containsExactly(ItineraryRules.VISIT_MISSING);
    }

    @Test void no_repair_rounds_means_one_call() {
        ScriptedDrafter drafter = new ScriptedDrafter(WRONG, RIGHT);

        assertThat(draft(drafter, 0).passed()).isFalse();
        assertThat(drafter.calls).isEqualTo(1);
    }

    @Test void a_repair_that_makes_things_worse_is_not_the_draft_offered() {
        List<ItineraryItem> worse = List.of(meeting("11:00"), new ItineraryItem(DEC_1.plusDays(3), LocalTime.NOON, Optional.empty(),
                ItineraryKind.FREE_TIME, "Later", "", ""));
        ScriptedDrafter drafter = new ScriptedDrafter(WRONG, worse);

        DraftedItinerary drafted = draft(drafter, 1);

        assertThat(drafted.itinerary().items()).isEqualTo(WRONG);
        assertThat(drafted.rounds().get(1).violations()).hasSize(2);
        assertThat(drafted.violations()).hasSize(1);
    }

    @Test void a_model_gone_during_a_repair_leaves_the_best_draft_so_far_but_one_gone_at_first_is_an_error() {
        Unavailable gone = new Unavailable("llm_unavailable", "gone");
        DraftedItinerary drafted = draft(new ScriptedDrafter(WRONG, gone), 2);
        assertThat(drafted.itinerary().items()).isEqualTo(WRONG);
        assertThat(drafted.rounds()).hasSize(1);

        assertThatThrownBy(() -> draft(new ScriptedDrafter(gone), 2)).isSameAs(gone);
    }

    @Test void the_number_of_repair_rounds_is_bounded() {
        assertThatThrownBy(() -> draft(new ScriptedDrafter(RIGHT), ItineraryRepair.MAX_REPAIRS + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> draft(new ScriptedDrafter(RIGHT), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
