package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Trip support's repositories on a real PostgreSQL, one fresh database per test. */
class JooqTripSupportRepositoriesTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    TestDatabase db;
    DSLContext dsl;
    JooqTripRepository trips;
    JooqVisitRepository visits;
    JooqItineraryRepository itineraries;
    JooqExpensePlanRepository plans;
    JooqConversationRepository conversations;
    JooqConversationTurns turns;
    JooqProposalRepository proposals;

    @BeforeEach void freshDatabase() {
        db = TestDatabase.migrated();
        dsl = Jooq.context(db.dataSource());
        trips = new JooqTripRepository(dsl);
        visits = new JooqVisitRepository(dsl);
        itineraries = new JooqItineraryRepository(dsl);
        plans = new JooqExpensePlanRepository(dsl);
        conversations = new JooqConversationRepository(dsl);
        turns = new JooqConversationTurns(dsl, trips, visits, conversations);
        proposals = new JooqProposalRepository(dsl);
    }

    @AfterEach void close() { db.close(); }

    static TripDetails osaka(LocalDate start, int days) {
        return new TripDetails("Osaka customers", "Renewals", "Tokyo", List.of("Osaka", "Kyoto"), start, start.plusDays(days - 1));
    }

    static VisitDetails visitAt(String company, LocalDateTime start) {
        return new VisitDetails(company, List.of("Sato", "Suzuki"), "Umeda, Osaka", start, Duration.ofMinutes(90), "Renewal", "Bring samples");
    }

    Trip trip(UserId owner, LocalDate start) { return trips.create(owner, osaka(start, 3), Optional.empty(), NOW); }

    @Nested class Trips {
        @Test void a_created_trip_reads_back_whole_as_planned_at_version_zero() {
            Trip created = trip(ALICE, LocalDate.of(2026, 12, 1));

            Trip found = trips.find(created.id()).orElseThrow();

            assertThat(found).isEqualTo(created);
            assertThat(found.details()).isEqualTo(osaka(LocalDate.of(2026, 12, 1), 3));
            assertThat(found.status()).isEqualTo(TripStatus.PLANNED);
            assertThat(found.version()).isZero();
            assertThat(found.owner()).isEqualTo(ALICE);
        }

        @Test void listing_shows_only_the_owners_trips_soonest_first_with_the_total() {
            trip(ALICE, LocalDate.of(2027, 1, 10));
            trip(BOB, LocalDate.of(2026, 12, 1));
            trip(ALICE, LocalDate.of(2026, 12, 5));
            trip(ALICE, LocalDate.of(2027, 2, 1));

            var page = trips.list(ALICE, Optional.empty(), new PageRequest(2, 0));

            assertThat(page.items()).extracting(t -> t.details().startDate())
                    .containsExactly(LocalDate.of(2026, 12, 5), LocalDate.of(2027, 1, 10));
            assertThat(page.items()).allSatisfy(t -> assertThat(t.owner()).isEqualTo(ALICE));
            assertThat(page.total()).isEqualTo(3);
        }

        @Test void listing_by_status_filters_and_a_page_past_the_end_still_counts() {
            Trip approved = trip(ALICE, LocalDate.of(2026, 12, 1));
            trips.save(approved.approve(NOW));
            trip(ALICE, LocalDate.of(2026, 12, 8));

            assertThat(trips.list(ALICE, Optional.of(TripStatus.APPROVED), PageRequest.first()).items())
                    .extracting(Trip::id).containsExactly(approved.id());
            var past = trips.list(ALICE, Optional.of(TripStatus.PLANNED), new PageRequest(10, 10));
            assertThat(past.items()).isEmpty();
            assertThat(past.total()).isEqualTo(1);
        }

        @Test void saving_bumps_the_version_and_a_save_from_a_stale_read_is_a_conflict_that_changes_nothing() {
            Trip created = trip(ALICE, LocalDate.of(2026, 12, 1));
            Trip saved = trips.save(created.withDetails(osaka(LocalDate.of(2026, 12, 2), 2), NOW));

            assertThat(saved.version()).isEqualTo(1);
            assertThatThrownBy(() -> trips.save(created.approve(NOW))).isInstanceOf(Conflict.class).hasMessageContaining("changed meanwhile");
            assertThat(trips.find(created.id()).orElseThrow()).isEqualTo(saved);
        }

        @Test void of_ten_simultaneous_saves_from_the_same_read_exactly_one_wins() throws Exception {
            Trip created = trip(ALICE, LocalDate.of(2026, 12, 1));

            List<Boolean> won = allAtOnce(IntStream.range(0, 10).mapToObj(i -> (Callable<Boolean>) () -> {
                try {
                    trips.save(created.withDetails(osaka(LocalDate.of(2026, 12, 1), 1 + i % 3), NOW));
                    return true;
                } catch (Conflict e) {
                    return false;
                }
            }).toList());

            assertThat(won).filteredOn(w -> w).hasSize(1);
            assertThat(trips.find(created.id()).orElseThrow().version()).isEqualTo(1);
        }

        @Test void a_deleted_trip_is_hidden_until_restored_and_purged_with_its_visits_and_conversations_a_day_later() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            Trip other = trip(ALICE, LocalDate.of(2026, 12, 1));
            visits.add(trip.id(), visitAt("Acme", LocalDateTime.of(2026, 12, 1, 10, 0)));
            Conversation chat = conversations.create(trip.id(), ALICE, "Planning", NOW);

            trips.delete(trip.id(), NOW, NOW.minus(Trip.RESTORABLE_FOR));
            assertThat(trips.find(trip.id())).isEmpty();
            assertThat(trips.list(ALICE, Optional.empty(), PageRequest.first()).items()).extracting(Trip::id).containsExactly(other.id());
            assertThat(trips.restore(trip.id(), BOB)).isFalse();
            assertThat(trips.restore(trip.id(), ALICE)).isTrue();
            assertThat(trips.find(trip.id())).contains(trip);
            assertThat(visits.forTrip(trip.id())).hasSize(1);

            trips.delete(trip.id(), NOW, NOW.minus(Trip.RESTORABLE_FOR));
            Instant aDayLater = NOW.plus(Trip.RESTORABLE_FOR).plusSeconds(1);
            trips.delete(other.id(), aDayLater, aDayLater.minus(Trip.RESTORABLE_FOR));

            assertThat(trips.restore(trip.id(), ALICE)).as("purged").isFalse();
            assertThat(visits.forTrip(trip.id())).isEmpty();
            assertThat(conversations.find(chat.id())).isEmpty();
            assertThat(trips.restore(other.id(), ALICE)).as("deleted a moment ago").isTrue();
        }

        @Test void the_same_request_token_makes_one_trip_per_owner_even_when_sent_at_once() throws Exception {
            List<Trip> made = allAtOnce(IntStream.range(0, 8).mapToObj(i -> (Callable<Trip>) () ->
                    trips.create(ALICE, osaka(LocalDate.of(2026, 12, 1), 2), Optional.of("form-7"), NOW)).toList());
            Trip bobs = trips.create(BOB, osaka(LocalDate.of(2026, 12, 1), 2), Optional.of("form-7"), NOW);

            assertThat(made).extracting(Trip::id).containsOnly(made.getFirst().id());
            assertThat(bobs.id()).isNotEqualTo(made.getFirst().id());
        }

        @Test void an_unknown_trip_is_not_found() { assertThat(trips.find(new TripId(999_999))).isEmpty(); }
    }

    @Nested class Visits {
        @Test void visits_read_back_whole_in_time_order_per_trip() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            Trip other = trip(ALICE, LocalDate.of(2026, 12, 1));
            CustomerVisit late = visits.add(trip.id(), visitAt("Late Corp", LocalDateTime.of(2026, 12, 2, 15, 0)));
            CustomerVisit early = visits.add(trip.id(), visitAt("Early KK", LocalDateTime.of(2026, 12, 1, 9, 30)));
            visits.add(other.id(), visitAt("Elsewhere", LocalDateTime.of(2026, 12, 1, 8, 0)));

            assertThat(visits.forTrip(trip.id())).containsExactly(early, late);
            assertThat(visits.find(late.id()).orElseThrow().details()).isEqualTo(visitAt("Late Corp", LocalDateTime.of(2026, 12, 2, 15, 0)));
        }

        @Test void preparation_notes_are_stored_and_saving_is_optimistic() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            CustomerVisit visit = visits.add(trip.id(), visitAt("Acme", LocalDateTime.of(2026, 12, 1, 10, 0)));

            CustomerVisit saved = visits.save(new CustomerVisit(visit.id(), trip.id(), visit.details(), Optional.of("Ask about Q3"), visit.version()));

            assertThat(saved.preparationNotes()).contains("Ask about Q3");
            assertThat(saved.version()).isEqualTo(visit.version() + 1);
            assertThatThrownBy(() -> visits.save(visit)).isInstanceOf(Conflict.class);
            assertThat(visits.find(visit.id()).orElseThrow().preparationNotes()).contains("Ask about Q3");
        }

        @Test void deleting_removes_the_visit_once() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            CustomerVisit visit = visits.add(trip.id(), visitAt("Acme", LocalDateTime.of(2026, 12, 1, 10, 0)));

            assertThat(visits.delete(visit.id())).isTrue();
            assertThat(visits.delete(visit.id())).isFalse();
            assertThat(visits.find(visit.id())).isEmpty();
        }
    }

    @Nested class ItinerariesAndPlans {
        @Test void an_itinerary_is_replaced_whole_and_reads_back_in_day_order() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            var first = new Itinerary(List.of(
                    new ItineraryItem(LocalDate.of(2026, 12, 2), LocalTime.of(9, 0), Optional.empty(), ItineraryKind.MEETING, "Acme", "Umeda", ""),
                    new ItineraryItem(LocalDate.of(2026, 12, 1), LocalTime.of(7, 0), Optional.of(LocalTime.of(9, 30)), ItineraryKind.TRANSPORT,
                            "Nozomi 1", "Tokyo → Shin-Osaka", "car 8")), Itinerary.Source.ASSISTANT_DRAFT);
            itineraries.save(trip.id(), first);
            var second = new Itinerary(List.of(new ItineraryItem(LocalDate.of(2026, 12, 1), LocalTime.of(20, 0),
                    Optional.of(LocalTime.of(8, 0)), ItineraryKind.HOTEL, "Hotel", "Namba", "")), Itinerary.Source.USER);

            assertThat(itineraries.find(trip.id())).contains(first);
            itineraries.save(trip.id(), second);
            assertThat(itineraries.find(trip.id())).contains(second);
        }

        @Test void a_trip_without_itinerary_or_plan_has_none() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));

            assertThat(itineraries.find(trip.id())).isEmpty();
            assertThat(plans.find(trip.id())).isEmpty();
        }

        @Test void an_expense_plan_round_trips_and_is_replaced_whole() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            var plan = new ExpensePlan(
                    List.of(new ExpensePlan.TransportLeg("Tokyo", "Shin-Osaka", LocalDate.of(2026, 12, 1), TransportClass.SHINKANSEN_ORDINARY, 14_720)),
                    List.of(new ExpensePlan.Lodging("大阪", 2, 12_000)),
                    List.of(new ExpensePlan.OtherCost("Gift for the customer", 5_000)));

            plans.save(trip.id(), plan);
            assertThat(plans.find(trip.id())).contains(plan);
            plans.save(trip.id(), ExpensePlan.empty());
            assertThat(plans.find(trip.id())).contains(ExpensePlan.empty());
        }
    }

    @Nested class Conversations {
        /** Alice's claim. */
        Optional<ConversationTurns.Lease> claim(ConversationId id, Instant now, Instant until) {
            return turns.claim(id, ALICE, StoredMessage.user("question", now), now, until).map(ConversationTurns.ClaimedTurn::lease);
        }

        static StoredMessage message(StoredMessage.Kind kind, String text) {
            return new StoredMessage(0, kind, text, List.of(), Optional.empty(), Optional.empty(), NOW);
        }

        @Test void history_keeps_every_message_in_order_with_tool_calls_and_results() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            Conversation chat = conversations.create(trip.id(), ALICE, "Planning", NOW);
            var call = new StoredMessage.ToolCall("call-1", "readTrip", "{\"x\":\"「大阪」\"}");

            conversations.append(chat.id(), List.of(message(StoredMessage.Kind.USER, "What is planned?")));
            conversations.append(chat.id(), List.of(
                    new StoredMessage(0, StoredMessage.Kind.ASSISTANT, "", List.of(call), Optional.empty(), Optional.empty(), NOW),
                    new StoredMessage(0, StoredMessage.Kind.TOOL_RESULT, "Trip #1", List.of(), Optional.of("call-1"), Optional.of("readTrip"), NOW,
                            Optional.of(new StoredMessage.ToolOutcome("proposed", java.util.Map.of("proposal", "7")))),
                    message(StoredMessage.Kind.ASSISTANT, "Two visits.")));

            List<StoredMessage> history = conversations.history(chat.id());
            assertThat(history).extracting(StoredMessage::sequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(history).extracting(StoredMessage::kind).containsExactly(StoredMessage.Kind.USER,
                    StoredMessage.Kind.ASSISTANT, StoredMessage.Kind.TOOL_RESULT, StoredMessage.Kind.ASSISTANT);
            assertThat(history.get(1).toolCalls()).containsExactly(call);
            assertThat(history.get(2).toolCallId()).contains("call-1");
            assertThat(history.get(2).toolName()).contains("readTrip");
            assertThat(history.get(2).outcome()).contains(new StoredMessage.ToolOutcome("proposed", java.util.Map.of("proposal", "7")));
            assertThat(history.get(1).outcome()).isEmpty();
            assertThat(history.get(3).text()).isEqualTo("Two visits.");
        }

        @Test void simultaneous_appends_never_share_a_sequence_number() throws Exception {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            Conversation chat = conversations.create(trip.id(), ALICE, "Planning", NOW);

            allAtOnce(IntStream.range(0, 12).mapToObj(i -> (Callable<Boolean>) () -> {
                conversations.append(chat.id(), List.of(message(StoredMessage.Kind.USER, "m" + i), message(StoredMessage.Kind.ASSISTANT, "a" + i)));
                return true;
            }).toList());

            assertThat(conversations.history(chat.id())).extracting(StoredMessage::sequence)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 24).mapToObj(i -> (long) i).toList());
        }

        @Test void conversations_of_a_trip_are_listed_oldest_first() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            Conversation first = conversations.create(trip.id(), ALICE, "First", NOW);
            Conversation second = conversations.create(trip.id(), ALICE, "Second", NOW.plusSeconds(5));
            conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "Other trip", NOW);

            assertThat(conversations.forTrip(trip.id())).containsExactly(first, second);
            assertThat(conversations.find(first.id())).contains(first);
        }

        @Test void a_conversation_is_renamed_and_deleted_with_its_history_but_not_while_a_turn_holds_it() {
            Conversation chat = conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "c", NOW);
            conversations.append(chat.id(), List.of(message(StoredMessage.Kind.USER, "Hi")));

            assertThat(conversations.rename(chat.id(), "大阪の準備").title()).isEqualTo("大阪の準備");
            var lease = claim(chat.id(), NOW, NOW.plusSeconds(600)).orElseThrow();
            assertThat(conversations.delete(chat.id(), NOW.plusSeconds(1))).isFalse();
            turns.release(lease);
            assertThat(conversations.delete(chat.id(), NOW.plusSeconds(2))).isTrue();

            assertThat(conversations.find(chat.id())).isEmpty();
            assertThat(conversations.history(chat.id())).isEmpty();
        }

        @Test void a_claimed_conversation_cannot_be_claimed_again_until_released() {
            Conversation chat = conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "c", NOW);

            Optional<ConversationTurns.Lease> first = claim(chat.id(), NOW, NOW.plusSeconds(600));
            Optional<ConversationTurns.Lease> second = claim(chat.id(), NOW.plusSeconds(1), NOW.plusSeconds(601));
            turns.release(first.orElseThrow());
            Optional<ConversationTurns.Lease> third = claim(chat.id(), NOW.plusSeconds(2), NOW.plusSeconds(602));

            assertThat(first).isPresent();
            assertThat(second).isEmpty();
            assertThat(third).isPresent();
        }

        @Test void an_expired_lease_can_be_claimed_and_the_old_holder_can_no_longer_release_it() {
            Conversation chat = conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "c", NOW);
            var dead = claim(chat.id(), NOW, NOW.plusSeconds(60)).orElseThrow();

            var next = claim(chat.id(), NOW.plusSeconds(61), NOW.plusSeconds(661)).orElseThrow();
            turns.release(dead);

            assertThat(claim(chat.id(), NOW.plusSeconds(62), NOW.plusSeconds(662))).as("still held by the next turn").isEmpty();
            turns.release(next);
            assertThat(claim(chat.id(), NOW.plusSeconds(63), NOW.plusSeconds(663))).isPresent();
        }

        @Test void a_renewed_lease_outlives_its_first_deadline_and_a_lost_one_cannot_be_renewed() {
            Conversation chat = conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "c", NOW);
            var lease = claim(chat.id(), NOW, NOW.plusSeconds(60)).orElseThrow();

            assertThat(turns.renew(lease, NOW.plusSeconds(300))).isTrue();
            assertThat(claim(chat.id(), NOW.plusSeconds(120), NOW.plusSeconds(720))).as("renewed until 300 s").isEmpty();
            var next = claim(chat.id(), NOW.plusSeconds(301), NOW.plusSeconds(901)).orElseThrow();
            assertThat(turns.renew(lease, NOW.plusSeconds(1_000))).as("lost to the next turn").isFalse();
            assertThat(claim(chat.id(), NOW.plusSeconds(902), NOW.plusSeconds(1_500))).as("the loser did not extend it").isPresent();
            assertThat(next.token()).isNotEqualTo(lease.token());
        }

        @Test void of_twenty_simultaneous_claims_exactly_one_wins() throws Exception {
            Conversation chat = conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "c", NOW);

            List<Boolean> claimed = allAtOnce(IntStream.range(0, 20).mapToObj(i -> (Callable<Boolean>) () ->
                    claim(chat.id(), NOW, NOW.plusSeconds(600)).isPresent()).toList());

            assertThat(claimed).filteredOn(c -> c).hasSize(1);
        }

        @Test void a_claim_notes_the_last_message_before_the_turn_and_stores_the_users_message_after_it_a_refused_one_nothing() {
            Conversation chat = conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "c", NOW);
            conversations.append(chat.id(), List.of(message(StoredMessage.Kind.USER, "earlier"), message(StoredMessage.Kind.ASSISTANT, "answer")));

            var lease = turns.claim(chat.id(), ALICE, StoredMessage.user("次の質問", NOW), NOW, NOW.plusSeconds(600)).orElseThrow().lease();
            var refused = turns.claim(chat.id(), ALICE, StoredMessage.user("refused", NOW), NOW.plusSeconds(1), NOW.plusSeconds(601));

            assertThat(lease.lastSequenceBefore()).isEqualTo(2);
            assertThat(refused).isEmpty();
            assertThat(conversations.history(chat.id())).extracting(StoredMessage::sequence, StoredMessage::kind, StoredMessage::text)
                    .containsExactly(tuple(1L, StoredMessage.Kind.USER, "earlier"), tuple(2L, StoredMessage.Kind.ASSISTANT, "answer"),
                            tuple(3L, StoredMessage.Kind.USER, "次の質問"));
        }

        @Test void a_claim_comes_with_the_trip_its_visits_in_schedule_order_and_the_history() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            CustomerVisit late = visits.add(trip.id(), visitAt("Late Corp", LocalDateTime.of(2026, 12, 2, 15, 0)));
            CustomerVisit early = visits.add(trip.id(), visitAt("Early KK", LocalDateTime.of(2026, 12, 1, 9, 30)));
            visits.add(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), visitAt("Another trip's", LocalDateTime.of(2026, 12, 1, 8, 0)));
            Conversation chat = conversations.create(trip.id(), ALICE, "c", NOW);
            conversations.append(chat.id(), List.of(message(StoredMessage.Kind.USER, "earlier"), message(StoredMessage.Kind.ASSISTANT, "answer")));

            var claimed = turns.claim(chat.id(), ALICE, StoredMessage.user("now", NOW), NOW, NOW.plusSeconds(600)).orElseThrow();

            assertThat(claimed.trip()).isEqualTo(trips.find(trip.id()).orElseThrow());
            assertThat(claimed.visits()).containsExactly(early, late);
            assertThat(claimed.history()).as("the history before the turn").isEqualTo(conversations.history(chat.id()).subList(0, 2));
            assertThat(claimed.history()).extracting(StoredMessage::text).containsExactly("earlier", "answer");
        }

        @Test void a_claim_on_an_unknown_conversation_stores_nothing() {
            assertThat(claim(new ConversationId(987_654), NOW, NOW.plusSeconds(600))).isEmpty();
            assertThat(conversations.history(new ConversationId(987_654))).isEmpty();
        }

        @Test void a_claim_names_the_conversations_trip_and_another_users_claim_is_refused() {
            Trip trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            Conversation chat = conversations.create(trip.id(), ALICE, "c", NOW);

            var bobs = turns.claim(chat.id(), BOB, StoredMessage.user("bob", NOW), NOW, NOW.plusSeconds(600));
            var alices = turns.claim(chat.id(), ALICE, StoredMessage.user("alice", NOW), NOW, NOW.plusSeconds(600));

            assertThat(bobs).isEmpty();
            assertThat(alices).hasValueSatisfying(claimed -> assertThat(claimed.trip().id()).isEqualTo(trip.id()));
        }

        @Test void retracting_removes_only_what_came_after_the_claim() {
            Conversation chat = conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "c", NOW);
            conversations.append(chat.id(), List.of(message(StoredMessage.Kind.USER, "earlier"), message(StoredMessage.Kind.ASSISTANT, "answer")));
            var lease = claim(chat.id(), NOW, NOW.plusSeconds(600)).orElseThrow();
            conversations.append(chat.id(), List.of(message(StoredMessage.Kind.TOOL_RESULT, "a tool's result")));
            assertThat(conversations.history(chat.id())).hasSize(4);

            turns.retract(lease);

            assertThat(lease.lastSequenceBefore()).isEqualTo(2);
            assertThat(conversations.history(chat.id())).extracting(StoredMessage::text).containsExactly("earlier", "answer");
        }

        @Test void a_turn_whose_lease_passed_to_another_retracts_nothing() {
            Conversation chat = conversations.create(trip(ALICE, LocalDate.of(2026, 12, 1)).id(), ALICE, "c", NOW);
            var dead = turns.claim(chat.id(), ALICE, StoredMessage.user("the dead turn's question", NOW), NOW,
                    NOW.plusSeconds(60)).orElseThrow().lease();
            turns.claim(chat.id(), ALICE, StoredMessage.user("the next turn's question", NOW), NOW.plusSeconds(61),
                    NOW.plusSeconds(661)).orElseThrow();
            conversations.append(chat.id(), List.of(message(StoredMessage.Kind.ASSISTANT, "the next turn's answer")));

            turns.retract(dead);

            assertThat(conversations.history(chat.id())).extracting(StoredMessage::text)
                    .containsExactly("the dead turn's question", "the next turn's question", "the next turn's answer");
        }
    }

    @Nested class Proposals {
        Conversation chat;
        Trip trip;

        @BeforeEach void aConversation() {
            trip = trip(ALICE, LocalDate.of(2026, 12, 1));
            chat = conversations.create(trip.id(), ALICE, "c", NOW);
        }

        @Test void every_kind_of_change_round_trips() {
            List<ProposedChange> changes = List.of(
                    new ProposedChange.AddVisit(visitAt("Acme", LocalDateTime.of(2026, 12, 1, 10, 0))),
                    new ProposedChange.MoveVisit(new VisitId(7), LocalDateTime.of(2026, 12, 2, 14, 30)),
                    new ProposedChange.ReplaceItinerary(new Itinerary(List.of(new ItineraryItem(LocalDate.of(2026, 12, 1), LocalTime.of(7, 0),
                            Optional.of(LocalTime.of(9, 30)), ItineraryKind.TRANSPORT, "Nozomi", "Tokyo", "")), Itinerary.Source.ASSISTANT_DRAFT)),
                    new ProposedChange.SetPreparationNotes(new VisitId(7), "準備: 前回の議事録を読む"));

            for (ProposedChange change : changes) {
                Proposal created = proposals.create(chat.id(), trip.id(), change, "summary", NOW);
                assertThat(proposals.find(created.id()).orElseThrow()).isEqualTo(created);
                assertThat(created.change()).isEqualTo(change);
                assertThat(created.status()).isEqualTo(Proposal.Status.PENDING);
            }
            assertThat(proposals.forConversation(chat.id())).extracting(Proposal::change).containsExactlyElementsOf(changes);
        }

        @Test void a_proposal_is_decided_once_and_an_accepted_one_can_be_reopened() {
            Proposal p = proposals.create(chat.id(), trip.id(), new ProposedChange.MoveVisit(new VisitId(1), LocalDateTime.of(2026, 12, 1, 9, 0)), "s", NOW);

            assertThat(proposals.resolve(p.id(), Proposal.Status.ACCEPTED, NOW)).isTrue();
            assertThat(proposals.resolve(p.id(), Proposal.Status.REJECTED, NOW)).isFalse();
            assertThat(proposals.reopen(p.id())).isTrue();
            assertThat(proposals.find(p.id()).orElseThrow().status()).isEqualTo(Proposal.Status.PENDING);
            assertThat(proposals.resolve(p.id(), Proposal.Status.REJECTED, NOW)).isTrue();
            assertThat(proposals.reopen(p.id())).as("a rejected proposal stays rejected").isFalse();
        }

        @Test void of_ten_simultaneous_accepts_exactly_one_wins() throws Exception {
            Proposal p = proposals.create(chat.id(), trip.id(), new ProposedChange.MoveVisit(new VisitId(1), LocalDateTime.of(2026, 12, 1, 9, 0)), "s", NOW);

            List<Boolean> won = allAtOnce(IntStream.range(0, 10).mapToObj(i -> (Callable<Boolean>) () ->
                    proposals.resolve(p.id(), Proposal.Status.ACCEPTED, NOW.plus(i, ChronoUnit.MILLIS))).toList());

            assertThat(won).filteredOn(w -> w).hasSize(1);
        }
    }

    /** Starts every task at the same instant, each on its own thread, and waits for all of them. */
    static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads ready").isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) results.add(result.get(30, TimeUnit.SECONDS));
            return results;
        }
    }
}
