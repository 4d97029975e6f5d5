package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import org.jooq.DSLContext;

import java.time.Instant;
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

/** The turn lease lives on the conversation row: one conditional UPDATE claims it, whichever instance asks. */
final class JooqConversationTurns implements ConversationTurns {
    private final DSLContext dsl;

    JooqConversationTurns(DSLContext dsl) { this.dsl = dsl; }

    @Override public Optional<Lease> claim(ConversationId conversation, Instant now, Instant until) {
        String token = UUID.randomUUID().toString();
        var lastSequence = field(select(coalesce(max(MESSAGES.SEQUENCE), val(0L))).from(MESSAGES)
                .where(MESSAGES.CONVERSATION_ID.eq(conversation.value())));
        return dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.TURN_TOKEN, token)
                .set(CONVERSATIONS.TURN_LEASE_UNTIL, JooqTripRepository.utc(until))
                .where(CONVERSATIONS.ID.eq(conversation.value()))
                .and(CONVERSATIONS.TURN_LEASE_UNTIL.isNull().or(CONVERSATIONS.TURN_LEASE_UNTIL.le(JooqTripRepository.utc(now))))
                .returningResult(lastSequence)
                .fetchOptional()
                .map(row -> new Lease(conversation, token, row.value1()));
    }

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
