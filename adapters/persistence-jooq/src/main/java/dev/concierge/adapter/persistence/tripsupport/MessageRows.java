package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.MessagesRecord;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.MESSAGES;

/**
 * The shape of a stored chat message, written by appends and by a turn's claim (its user message) and read by the
 * history: one place maps a {@link StoredMessage} to its row and back. Callers number the messages while holding the
 * conversation row's lock.
 */
final class MessageRows {
    private MessageRows() {}

    /** Inserts {@code messages} numbered after {@code lastSequence}, in one statement. */
    static void insert(DSLContext dsl, ConversationId conversation, long lastSequence, List<StoredMessage> messages) {
        var insert = dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.SEQUENCE, MESSAGES.KIND, MESSAGES.TEXT,
                MESSAGES.TOOL_CALLS, MESSAGES.TOOL_CALL_ID, MESSAGES.TOOL_NAME, MESSAGES.AT, MESSAGES.TOOL_OUTCOME);
        long sequence = lastSequence;
        for (StoredMessage message : messages) {
            insert = insert.values(conversation.value(), ++sequence, kind(message.kind()), message.text(),
                    JsonDocuments.toolCalls(message.toolCalls()), message.toolCallId().orElse(null),
                    message.toolName().orElse(null), StoredTimes.utc(message.at()), JsonDocuments.toolOutcome(message.outcome()));
        }
        insert.execute();
    }

    static StoredMessage toMessage(MessagesRecord row) {
        return new StoredMessage(row.getSequence(), kind(row.getKind()), row.getText(), JsonDocuments.toolCalls(row.getToolCalls()),
                Optional.ofNullable(row.getToolCallId()), Optional.ofNullable(row.getToolName()), row.getAt().toInstant(),
                JsonDocuments.toolOutcome(row.getToolOutcome()));
    }

    private static String kind(StoredMessage.Kind kind) { return kind.name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    private static StoredMessage.Kind kind(String wireName) { return StoredMessage.Kind.valueOf(wireName.toUpperCase(Locale.ROOT).replace('-', '_')); }
}
