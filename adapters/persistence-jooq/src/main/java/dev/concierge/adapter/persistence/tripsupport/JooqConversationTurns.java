package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import org.jooq.DSLContext;
import org.jooq.Results;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.CONVERSATIONS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.MESSAGES;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.TRIPS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.VISITS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.selectOne;

/** The turn lease lives on the conversation row: one conditional UPDATE claims it, whichever instance asks. */
final class JooqConversationTurns implements ConversationTurns {
    private final DSLContext dsl;

    JooqConversationTurns(DSLContext dsl) { this.dsl = dsl; }

    /**
     * Claims the lease and appends the opening message in one statement, and reads the trip, its visits and the
     * history in three more sent with it: one round trip before the model is asked instead of four (half a millisecond
     * sooner on an idle machine). The reads run after the claim in the same transaction, and only a claim that
     * succeeded (the conversation holds this turn's token) finds anything. The claim's row lock is held to the end of the
     * transaction, so no other append can take the same sequence number.
     * <p>
     * It commits without waiting for the WAL flush ({@code synchronous_commit} off for this transaction only), which
     * takes a disk sync off the time to first token. The turn's later writes (the answer, the release) commit
     * synchronously and flush this commit with theirs; a database crash before them loses the opening only together
     * with the turn it opened, which then fails visibly and the user sends again. Nothing else is at risk: an
     * asynchronous commit is lost whole or kept whole.
     */
    @Override public Optional<ClaimedTurn> claim(ConversationId conversation, UserId owner, Instant now, Instant until,
                                           StoredMessage opening) {
        String token = UUID.randomUUID().toString();
        try {
            return claimOnce(conversation, owner, now, until, opening, token);
        } catch (DataAccessException e) {
            // The statement numbers the opening from its own snapshot: a message committed by the previous turn
            // between that snapshot and the row lock makes the number taken, and the whole statement rolls back.
            // Asked again, it sees that message.
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) throw e;
            return claimOnce(conversation, owner, now, until, opening, token);
        }
    }

    private Optional<ClaimedTurn> claimOnce(ConversationId conversation, UserId owner, Instant now, Instant until,
                                            StoredMessage opening, String token) {
        var claim = DSL.sql(CLAIM, token, JooqTripRepository.utc(until), conversation.value(), owner.value(),
                JooqTripRepository.utc(now),
                JooqConversationRepository.kind(opening.kind()), opening.text(),
                JsonDocuments.toolCalls(opening.toolCalls()).data(), opening.toolCallId().orElse(null),
                opening.toolName().orElse(null), JooqTripRepository.utc(opening.at()));
        var claimedTrip = select(CONVERSATIONS.TRIP_ID).from(CONVERSATIONS)
                .where(CONVERSATIONS.ID.eq(conversation.value()).and(CONVERSATIONS.TURN_TOKEN.eq(token)));
        var trip = selectFrom(TRIPS).where(TRIPS.ID.eq(claimedTrip));
        var visits = selectFrom(VISITS).where(VISITS.TRIP_ID.eq(claimedTrip)).orderBy(VISITS.STARTS_AT, VISITS.ID);
        var history = selectFrom(MESSAGES).where(MESSAGES.CONVERSATION_ID.eq(conversation.value()).and(exists(claimedTrip)))
                .orderBy(MESSAGES.SEQUENCE);
        Results results = dsl.resultQuery("{0};\n{1};\n{2};\n{3}", claim, trip, visits, history).fetchMany();
        if (results.size() != 4) throw new IllegalStateException("A turn's claim answered " + results.size() + " result sets instead of 4");
        // No trip after a claim: the trip was deleted meanwhile, and its conversations with it.
        if (results.getFirst().isEmpty() || results.get(1).isEmpty()) return Optional.empty();
        Lease lease = new Lease(conversation, token, results.getFirst().getFirst().get(0, Long.class));
        return Optional.of(new ClaimedTurn(lease, JooqTripRepository.toTrip(results.get(1).getFirst()),
                results.get(2).map(visit -> JooqVisitRepository.toVisit(visit.into(VISITS))),
                results.get(3).map(message -> JooqConversationRepository.toMessage(message.into(MESSAGES)))));
    }

    private static final String CLAIM = """
            WITH asynchronous AS (SELECT set_config('synchronous_commit', 'off', true)),
            claimed AS (
                UPDATE trip_support.conversations c SET turn_token = ?, turn_lease_until = CAST(? AS timestamptz)
                WHERE c.id = ? AND c.owner_id = ? AND (c.turn_lease_until IS NULL OR c.turn_lease_until <= CAST(? AS timestamptz))
                RETURNING c.id, (SELECT coalesce(max(m.sequence), 0) FROM trip_support.messages m
                                 WHERE m.conversation_id = c.id) AS last_sequence),
            opened AS (
                INSERT INTO trip_support.messages (conversation_id, sequence, kind, text, tool_calls, tool_call_id, tool_name, at)
                SELECT id, last_sequence + 1, ?, ?, CAST(? AS jsonb), ?, ?, CAST(? AS timestamptz) FROM claimed)
            SELECT claimed.last_sequence FROM claimed CROSS JOIN asynchronous""";

    @Override public boolean renew(Lease lease, Instant until) {
        return dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.TURN_LEASE_UNTIL, JooqTripRepository.utc(until))
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
