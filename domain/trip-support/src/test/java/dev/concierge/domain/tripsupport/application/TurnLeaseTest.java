package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.StartConversationCommand;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.port.in.SendMessageCommand;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.model.TravelTime;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A live turn keeps its conversation however long it runs; a silent one loses it after one lease length. */
class TurnLeaseTest {
    static final UserId ALICE = new UserId("alice");
    static final Duration LEASE = Duration.ofMinutes(5);

    final InMemoryTripSupport world = new InMemoryTripSupport();
    final MovingClock clock = new MovingClock(InMemoryTripSupport.NOW);
    final List<String> secondSends = new ArrayList<>();
    TripAssistant script = (turn, tools, memory, tokens) -> new TripAssistant.Ending.Answered("");
    final ChatWithAssistantService chat = new ChatWithAssistantService(world.service, world.conversations, clock);
    final SendMessageService turns = service((turn, tools, memory, tokens) -> script.reply(turn, tools, memory, tokens), LEASE);

    SendMessageService service(TripAssistant assistant, Duration lease) {
        var drafter = new ChatWithAssistantServiceTest.FakeDrafter();
        return new SendMessageService(world.service, world.service, world.service, world.service, world.conversations, world.turns,
                world.proposals, assistant, drafter, new ItineraryRepair(drafter, (from, to) -> TravelTime.none(), 0),
                new DayRouteServiceTest.Windows(), (from, to) -> TravelTime.none(), clock, lease);
    }

    void send(SendMessageService service, String text) {
        service.send(new SendMessageCommand(ALICE, conversation.id(), text), new ScriptedAssistant.Transcript());
    }

    final Trip trip = world.service.create(new CreateTripCommand(ALICE, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"),
            LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))));
    final Conversation conversation = chat.start(new StartConversationCommand(ALICE, trip.id(), "c"));

    /** What another instance sending to the same conversation would get right now. */
    void anotherInstanceSends() {
        try {
            send(service((turn, tools, memory, tokens) -> new TripAssistant.Ending.Answered(""), LEASE), "Me too");
            secondSends.add("ran");
        } catch (Conflict e) {
            secondSends.add("refused");
        }
    }

    @Test void a_turn_streaming_and_using_tools_for_longer_than_the_lease_keeps_the_conversation() {
        script = (turn, tools, memory, tokens) -> {
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofMinutes(4));
                if (i % 2 == 0) tools.readTrip();
                else tokens.accept("…");
            }
            anotherInstanceSends(); // 16 minutes in, more than three lease lengths
            return new TripAssistant.Ending.Answered("Done.");
        };

        send(turns, "Take your time");

        assertThat(secondSends).containsExactly("refused");
        assertThat(world.turns.renewals).isPositive();
        assertThat(world.turns.held).as("released at the end").isEmpty();
    }

    @Test void a_turn_silent_for_longer_than_the_lease_is_presumed_dead_and_the_conversation_is_free_again() {
        script = (turn, tools, memory, tokens) -> {
            clock.advance(LEASE.plusSeconds(1));
            anotherInstanceSends();
            return new TripAssistant.Ending.Answered("Late.");
        };

        send(turns, "Hello?");

        assertThat(secondSends).containsExactly("ran");
    }

    @Test void signs_of_life_close_together_renew_the_lease_only_once_in_a_while() {
        script = (turn, tools, memory, tokens) -> {
            for (int i = 0; i < 50; i++) {
                clock.advance(Duration.ofSeconds(1));
                tokens.accept("x");
            }
            return new TripAssistant.Ending.Answered("Done.");
        };

        send(turns, "Stream");

        assertThat(world.turns.renewals).as("50 s of tokens, renewing at most every 30 s").isEqualTo(1);
    }

    @Test void a_lease_shorter_than_a_minute_is_raised_to_one() {
        var quick = service((turn, tools, memory, tokens) -> {
                    clock.advance(Duration.ofSeconds(30));
                    anotherInstanceSends();
                    return new TripAssistant.Ending.Answered("");
                }, Duration.ofSeconds(5));

        send(quick, "Hi");

        assertThat(secondSends).containsExactly("refused");
    }

    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) { this.now = start; }

        void advance(Duration duration) { now = now.plus(duration); }

        @Override public ZoneId getZone() { return ZoneId.of("Asia/Tokyo"); }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }
}
