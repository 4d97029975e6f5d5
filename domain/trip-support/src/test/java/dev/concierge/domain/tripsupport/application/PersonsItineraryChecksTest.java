package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalNotFound;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.CheckedItinerary;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.ItineraryRules;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.MoveVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceItineraryCommand;
import dev.concierge.domain.tripsupport.port.in.SubmitTripCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's itinerary goes through the same rules as the assistant's drafts; only items off the trip's days refuse a save. */
class PersonsItineraryChecksTest {
    static final UserId ALICE = new UserId("alice");
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    final InMemoryTripSupport world = new InMemoryTripSupport();
    final TripsService service = world.service;
    final Trip trip = service.create(new CreateTripCommand(ALICE,
            new TripDetails("Osaka customers", "Renewals", "Tokyo", List.of("Osaka"), DEC_1, DEC_1.plusDays(1))));
    final CustomerVisit acme = service.add(new AddVisitCommand(ALICE, trip.id(),
            new VisitDetails("Acme", List.of(), "Umeda, Osaka", DEC_1.plusDays(1).atTime(10, 0), Duration.ofMinutes(60), "", "")));

    static ItineraryItem item(LocalDate date, String start, ItineraryKind kind, String title, String place) {
        return new ItineraryItem(date, LocalTime.parse(start), Optional.empty(), kind, title, place, "");
    }

    /** The train there and the visit, but no hotel for the night between the two days. */
    static final List<ItineraryItem> NO_HOTEL = List.of(item(DEC_1, "08:00", ItineraryKind.TRANSPORT, "Nozomi to Osaka", "Tokyo"),
            item(DEC_1.plusDays(1), "10:00", ItineraryKind.MEETING, "Acme", "Umeda, Osaka"));

    CheckedItinerary save(List<ItineraryItem> items) {
        return service.replace(new ReplaceItineraryCommand(ALICE, trip.id(), new Itinerary(items, Itinerary.Source.USER)));
    }

    @Test void a_persons_itinerary_without_a_hotel_gets_the_same_violation_as_the_same_draft_from_the_assistant() {
        var drafter = new ItineraryRepairTest.ScriptedDrafter(NO_HOTEL);
        DraftedItinerary drafted = new DraftWithAssistantService(service, service, drafter, world.travelTimes, 0)
                .draftItinerary(ALICE, trip.id(), Optional.of(Language.EN));

        CheckedItinerary saved = save(NO_HOTEL);

        assertThat(saved.violations()).extracting(ItineraryViolation::rule).containsExactly(ItineraryRules.NIGHT_WITHOUT_HOTEL);
        assertThat(saved.violations()).isEqualTo(drafted.violations());
        assertThat(saved.violations().getFirst().args()).containsExactly(DEC_1);
    }

    @Test void a_save_that_breaks_rules_is_kept_and_answered_with_each_of_them_as_a_warning() {
        // The lunch in Kyoto ends nowhere near the visit in Osaka (45 min apart) and sits inside the visit.
        CheckedItinerary saved = save(List.of(item(DEC_1, "08:00", ItineraryKind.TRANSPORT, "Nozomi to Osaka", "Tokyo"),
                item(DEC_1.plusDays(1), "10:30", ItineraryKind.MEAL, "Lunch", "Gion, Kyoto")));

        assertThat(saved.passed()).isFalse();
        assertThat(saved.violations()).extracting(ItineraryViolation::rule).containsExactly(ItineraryRules.VISIT_MISSING,
                ItineraryRules.OVERLAPS_VISIT, ItineraryRules.NIGHT_WITHOUT_HOTEL);
        assertThat(world.itineraries.rows.get(trip.id()).items()).as("warnings never refuse").hasSize(2);
    }

    @Test void travel_between_cities_without_the_time_for_it_is_a_warning_on_the_later_item() {
        CheckedItinerary saved = save(List.of(item(DEC_1, "18:00", ItineraryKind.HOTEL, "Hotel", "Umeda, Osaka"),
                item(DEC_1.plusDays(1), "10:00", ItineraryKind.MEETING, "Acme", "Umeda, Osaka"),
                item(DEC_1.plusDays(1), "11:15", ItineraryKind.MEETING, "Kyoto office", "Gion, Kyoto")));

        assertThat(saved.violations()).extracting(ItineraryViolation::rule).containsExactly(ItineraryRules.NO_TIME_TO_TRAVEL);
        assertThat(saved.violations().getFirst().item()).isEqualTo(2);
        assertThat(saved.violations().getFirst().args()).containsExactly("Umeda, Osaka", "Gion, Kyoto", 45L, 15L);
    }

    @Test void an_item_off_the_trips_days_still_refuses_the_save() {
        assertThatThrownBy(() -> save(List.of(item(DEC_1.plusDays(2), "10:00", ItineraryKind.MEETING, "Acme", "Osaka"))))
                .isInstanceOf(InvalidInput.class);
        assertThat(world.itineraries.rows).isEmpty();
    }

    @Test void the_stored_itinerary_is_judged_again_when_read_so_a_moved_visit_shows_up() {
        save(List.of(item(DEC_1, "20:00", ItineraryKind.HOTEL, "Hotel", "Umeda, Osaka"),
                item(DEC_1.plusDays(1), "10:00", ItineraryKind.MEETING, "Acme", "Umeda, Osaka")));
        assertThat(service.checkedItinerary(ALICE, trip.id()).passed()).isTrue();

        service.move(new MoveVisitCommand(ALICE, acme.id(), DEC_1.plusDays(1).atTime(14, 0)));

        assertThat(service.checkedItinerary(ALICE, trip.id()).violations()).extracting(ItineraryViolation::rule)
                .containsExactly(ItineraryRules.VISIT_MISSING);
    }

    @Test void an_approver_reads_the_submitted_itinerary_with_the_same_warnings_and_nobody_else_does() {
        CheckedItinerary saved = save(NO_HOTEL);
        ApprovalRequest request = world.approving.submit(new SubmitTripCommand(ALICE, trip.id(), service.get(ALICE, trip.id()).version(), Map.of()));
        var submitted = new CheckSubmittedItineraryService(world.approving, service);

        CheckedItinerary read = submitted.itinerary(new Actor(new UserId("bob"), Set.of("trip-approvers")), request.id());

        assertThat(read).isEqualTo(saved);
        assertThat(submitted.itinerary(new Actor(ALICE, Set.of()), request.id())).as("the submitter too").isEqualTo(saved);
        assertThatThrownBy(() -> submitted.itinerary(new Actor(new UserId("carol"), Set.of("sales")), request.id()))
                .isInstanceOf(ApprovalNotFound.class);
    }
}
