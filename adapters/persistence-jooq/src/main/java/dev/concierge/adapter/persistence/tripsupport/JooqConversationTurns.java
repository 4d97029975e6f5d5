package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import dev.concierge.domain.tripsupport.port.out.TripRepository;
import dev.concierge.domain.tripsupport.port.out.VisitRepository;
import org.jooq.DSLContext;
import org.jooq.Record2;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.CONVERSATIONS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.MESSAGES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

/**
 * The turn lease lives on the conversation row: one conditional UPDATE claims it, whichever instance asks, and the
 * user's message is inserted in the same transaction (the UPDATE's row lock is the one appends number messages under).
 * What the turn starts from (the trip, its visits, the history) is read after the claim through the repositories,
 * while this turn holds the conversation.
 */
final class JooqConversationTurns implements ConversationTurns {
    private final DSLContext dsl;
    private final TripRepository trips;
    private final VisitRepository visits;
    private final ConversationRepository conversations;

    JooqConversationTurns(DSLContext dsl, TripRepository trips, VisitRepository visits, ConversationRepository conversations) {
        this.dsl = dsl;
        this.trips = trips;
        this.visits = visits;
        this.conversations = conversations;
    }

    @Override public Optional<ClaimedTurn> claim(ConversationId conversation, UserId owner, StoredMessage userMessage,
                                                 Instant now, Instant until) {
        String token = UUID.randomUUID().toString();
        Optional<Record2<Long, Long>> claimed = dsl.transactionResult(tx -> claimAndStore(tx.dsl(), conversation, owner,
                userMessage, token, now, until));
        if (claimed.isEmpty()) return Optional.empty();
        TripId tripId = new TripId(claimed.get().value1());
        Lease lease = new Lease(conversation, token, claimed.get().value2());
        // No trip after a claim: the trip was deleted meanwhile, and its conversations with it.
        Optional<Trip> trip = trips.find(tripId);
        if (trip.isEmpty()) return Optional.empty();
        List<StoredMessage> before = conversations.history(conversation).stream()
                .filter(m -> m.sequence() <= lease.lastSequenceBefore()).toList();
        return Optional.of(new ClaimedTurn(lease, trip.get(), visits.forTrip(tripId), before));
    }

    /** The claim and, when it succeeds, the user's message numbered after the last one; returns the trip and that last number. */
    private static Optional<Record2<Long, Long>> claimAndStore(DSLContext dsl, ConversationId conversation, UserId owner,
                                                               StoredMessage userMessage, String token, Instant now, Instant until) {
        Optional<Record2<Long, Long>> claimed = dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.TURN_TOKEN, token)
                .set(CONVERSATIONS.TURN_LEASE_UNTIL, StoredTimes.utc(until))
                .where(CONVERSATIONS.ID.eq(conversation.value()))
                .and(CONVERSATIONS.OWNER_ID.eq(owner.value()))
                .and(CONVERSATIONS.TURN_LEASE_UNTIL.isNull().or(CONVERSATIONS.TURN_LEASE_UNTIL.le(StoredTimes.utc(now))))
                .returningResult(CONVERSATIONS.TRIP_ID, field(select(coalesce(max(MESSAGES.SEQUENCE), val(0L))).from(MESSAGES)
                        .where(MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID))))
                .fetchOptional();
        claimed.ifPresent(turn -> MessageRows.insert(dsl, conversation, turn.value2(), List.of(userMessage)));
        return claimed;
    }

    @Override public boolean renew(Lease lease, Instant until) {
        return dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.TURN_LEASE_UNTIL, StoredTimes.utc(until))
                .where(CONVERSATIONS.ID.eq(lease.conversation().value()).and(CONVERSATIONS.TURN_TOKEN.eq(lease.token())))
                .execute() == 1;
    }

    @Override public void release(Lease lease) {
        dsl.update(CONVERSATIONS)
                .setNull(CONVERSATIONS.TURN_TOKEN)
                .setNull(CONVERSATIONS.TURN_LEASE_UNTIL)
                .where(CONVERSATIONS.ID.eq(lease.conversation().value()).and(CONVERSATIONS.TURN_TOKEN.eq(lease.token())))
                .execute();
    }

    /** Only while the lease is still ours: a turn whose lease expired must not delete its successor's messages. */
    @Override public void retract(Lease lease) {
        dsl.deleteFrom(MESSAGES)
                .where(MESSAGES.CONVERSATION_ID.eq(lease.conversation().value()))
                .and(MESSAGES.SEQUENCE.gt(lease.lastSequenceBefore()))
                .and(exists(selectOne().from(CONVERSATIONS).where(CONVERSATIONS.ID.eq(lease.conversation().value())
                        .and(CONVERSATIONS.TURN_TOKEN.eq(lease.token())))))
                .execute();
    }

}
