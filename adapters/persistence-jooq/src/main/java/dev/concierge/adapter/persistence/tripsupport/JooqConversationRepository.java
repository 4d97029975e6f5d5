package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.ConversationsRecord;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.ConversationNotFound;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.CONVERSATIONS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.MESSAGES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

final class JooqConversationRepository implements ConversationRepository {
    private final DSLContext dsl;

    JooqConversationRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public Conversation create(TripId trip, UserId owner, String title, Instant at) {
        return dsl.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.TRIP_ID, trip.value())
                .set(CONVERSATIONS.OWNER_ID, owner.value())
                .set(CONVERSATIONS.TITLE, title)
                .set(CONVERSATIONS.CREATED_AT, StoredTimes.utc(at))
                .returning()
                .fetchSingle(JooqConversationRepository::toConversation);
    }

    @Override public Optional<Conversation> find(ConversationId id) {
        return dsl.selectFrom(CONVERSATIONS).where(CONVERSATIONS.ID.eq(id.value())).fetchOptional(JooqConversationRepository::toConversation);
    }

    @Override public List<Conversation> forTrip(TripId trip) {
        return dsl.selectFrom(CONVERSATIONS).where(CONVERSATIONS.TRIP_ID.eq(trip.value()))
                .orderBy(CONVERSATIONS.CREATED_AT, CONVERSATIONS.ID).fetch(JooqConversationRepository::toConversation);
    }

    @Override public List<StoredMessage> history(ConversationId id) {
        return dsl.selectFrom(MESSAGES).where(MESSAGES.CONVERSATION_ID.eq(id.value())).orderBy(MESSAGES.SEQUENCE)
                .fetch(MessageRows::toMessage);
    }

    /**
     * Locks the conversation row while numbering, so two appends never take the same sequence numbers; the primary key
     * (conversation, sequence) would reject it anyway.
     */
    @Override public void append(ConversationId id, List<StoredMessage> messages) {
        if (messages.isEmpty()) return;
        dsl.transaction(tx -> {
            var ctx = tx.dsl();
            ctx.select(CONVERSATIONS.ID).from(CONVERSATIONS).where(CONVERSATIONS.ID.eq(id.value())).forUpdate()
                    .fetchOptional().orElseThrow(() -> new ConversationNotFound(id));
            long last = ctx.select(coalesce(max(MESSAGES.SEQUENCE), val(0L))).from(MESSAGES)
                    .where(MESSAGES.CONVERSATION_ID.eq(id.value())).fetchSingle().value1();
            MessageRows.insert(ctx, id, last, messages);
        });
    }

    @Override public Conversation rename(ConversationId id, String title) {
        return dsl.update(CONVERSATIONS).set(CONVERSATIONS.TITLE, title).where(CONVERSATIONS.ID.eq(id.value())).returning()
                .fetchOptional(JooqConversationRepository::toConversation).orElseThrow(() -> new ConversationNotFound(id));
    }

    /** One conditional DELETE, so a turn claimed a moment earlier is never deleted from under it. */
    @Override public boolean delete(ConversationId id, Instant now) {
        return dsl.deleteFrom(CONVERSATIONS).where(CONVERSATIONS.ID.eq(id.value()))
                .and(CONVERSATIONS.TURN_LEASE_UNTIL.isNull().or(CONVERSATIONS.TURN_LEASE_UNTIL.le(StoredTimes.utc(now))))
                .execute() == 1;
    }

    private static Conversation toConversation(ConversationsRecord row) {
        return new Conversation(new ConversationId(row.getId()), new TripId(row.getTripId()), new UserId(row.getOwnerId()),
                row.getTitle(), row.getCreatedAt().toInstant());
    }
}
