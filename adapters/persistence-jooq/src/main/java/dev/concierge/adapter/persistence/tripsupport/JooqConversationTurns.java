package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.jdbc.PlainJdbc;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.MessagesRecord;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.TripsRecord;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.VisitsRecord;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.CONVERSATIONS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.MESSAGES;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.TRIPS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.VISITS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

/** The turn lease lives on the conversation row: one conditional UPDATE claims it, whichever instance asks. */
final class JooqConversationTurns implements ConversationTurns {
    private final DSLContext dsl;

    JooqConversationTurns(DSLContext dsl) { this.dsl = dsl; }

    /**
     * Claims the lease and appends the opening message in one statement, and reads the trip, its visits and the
     * history in three more sent with it: one round trip before the model is asked instead of four. It is written once
     * as SQL text and run over plain JDBC: rendering it with jOOQ and reading four result sets generically took longer
     * than the round trip (see bench/README.md). The reads run after the claim in the same transaction, and only a
     * claim that succeeded (the conversation holds this turn's token) finds anything. The claim's row lock is held to
     * the end of the transaction, so no other append can take the same sequence number.
     * <p>
     * It commits without waiting for the WAL flush ({@link PlainJdbc#ASYNCHRONOUS_COMMIT}), which
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
        long id = conversation.value();
        return PlainJdbc.run(dsl, connection -> {
            try (PreparedStatement statement = PlainJdbc.prepare(connection, CLAIM_AND_READ,
                    // the claim
                    token, JooqTripRepository.utc(until), id, owner.value(), JooqTripRepository.utc(now),
                    JooqConversationRepository.kind(opening.kind()), opening.text(),
                    JsonDocuments.toolCalls(opening.toolCalls()).data(), opening.toolCallId().orElse(null),
                    opening.toolName().orElse(null), JooqTripRepository.utc(opening.at()),
                    // the reads: the trip, its visits, the history
                    id, token, id, token, id, id, token)) {
                statement.execute();
                Long lastSequence = null;
                try (ResultSet claimed = statement.getResultSet()) {
                    if (claimed.next()) lastSequence = claimed.getLong(1);
                }
                Result<TripsRecord> trip = next(statement, TRIPS);
                Result<VisitsRecord> visits = next(statement, VISITS);
                Result<MessagesRecord> history = next(statement, MESSAGES);
                // No trip after a claim: the trip was deleted meanwhile, and its conversations with it.
                if (lastSequence == null || trip.isEmpty()) return Optional.<ClaimedTurn>empty();
                return Optional.of(new ClaimedTurn(new Lease(conversation, token, lastSequence),
                        JooqTripRepository.toTrip(trip.getFirst()), visits.map(JooqVisitRepository::toVisit),
                        history.map(JooqConversationRepository::toMessage)));
            }
        });
    }

    /** The statement's next result set, read with the table's own column types. */
    private <R extends TableRecord<R>> Result<R> next(PreparedStatement statement, Table<R> table) throws SQLException {
        if (!statement.getMoreResults()) throw new IllegalStateException("A turn's claim answered fewer result sets than it asks for");
        try (ResultSet rows = statement.getResultSet()) {
            return dsl.fetch(rows, table.fields()).into(table);
        }
    }

    private static String columns(Table<?> table) {
        return Arrays.stream(table.fields()).map(field -> '"' + field.getName() + '"').collect(Collectors.joining(", "));
    }

    private static final String CLAIM = "WITH " + PlainJdbc.ASYNCHRONOUS_COMMIT + ",\n" + """
            claimed AS (
                UPDATE trip_support.conversations c SET turn_token = ?, turn_lease_until = CAST(? AS timestamptz)
                WHERE c.id = ? AND c.owner_id = ? AND (c.turn_lease_until IS NULL OR c.turn_lease_until <= CAST(? AS timestamptz))
                RETURNING c.id, (SELECT coalesce(max(m.sequence), 0) FROM trip_support.messages m
                                 WHERE m.conversation_id = c.id) AS last_sequence),
            opened AS (
                INSERT INTO trip_support.messages (conversation_id, sequence, kind, text, tool_calls, tool_call_id, tool_name, at)
                SELECT id, last_sequence + 1, ?, ?, CAST(? AS jsonb), ?, ?, CAST(? AS timestamptz) FROM claimed)
            SELECT claimed.last_sequence FROM claimed CROSS JOIN asynchronous""";

    private static final String HELD_TRIP = "(SELECT c.trip_id FROM trip_support.conversations c WHERE c.id = ? AND c.turn_token = ?)";

    /**
     * The claim and its three reads as one text, which pgjdbc sends in one round trip. Without an explicit transaction
     * they share the implicit one that ends at the protocol's single Sync: each read sees the claim's changes, and finds
     * nothing unless the claim succeeded (the conversation holds this turn's token). The reads name the generated
     * tables' own columns, so their rows read back into the tables' records.
     */
    private static final String CLAIM_AND_READ = CLAIM + ";\n"
            + "SELECT " + columns(TRIPS) + " FROM trip_support.trips WHERE id = " + HELD_TRIP + ";\n"
            + "SELECT " + columns(VISITS) + " FROM trip_support.visits WHERE trip_id = " + HELD_TRIP + " ORDER BY starts_at, id;\n"
            + "SELECT " + columns(MESSAGES) + " FROM trip_support.messages WHERE conversation_id = ?"
            + " AND EXISTS (SELECT 1 FROM trip_support.conversations c WHERE c.id = ? AND c.turn_token = ?) ORDER BY sequence";

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
