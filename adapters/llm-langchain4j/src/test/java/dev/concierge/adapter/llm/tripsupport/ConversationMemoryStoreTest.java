package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.StoredMessage.Kind;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** langchain4j's window memory over the append-only conversation history. */
class ConversationMemoryStoreTest {
    private final InMemoryConversations conversations = new InMemoryConversations();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);
    private final ConversationId id = conversations.create(new TripId(1), new UserId("aiko"), "Osaka", clock.instant()).id();
    private final ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_1").name("read_trip").arguments("{}").build();

    @Test void every_added_message_is_appended_once_and_comes_back_equal() {
        ChatMemory memory = memory(10);
        List<ChatMessage> said = List.of(UserMessage.from("hi"), AiMessage.from(List.of(call)), ToolExecutionResultMessage.from(call, "Trip to Osaka"),
                AiMessage.from("You go to Osaka."), UserMessage.from("hi"));

        said.forEach(memory::add);

        assertThat(conversations.history(id)).extracting(StoredMessage::kind)
                .containsExactly(Kind.USER, Kind.ASSISTANT, Kind.TOOL_RESULT, Kind.ASSISTANT, Kind.USER);
        assertThat(conversations.history(id).get(1).toolCalls()).containsExactly(new StoredMessage.ToolCall("call_1", "read_trip", "{}"));
        assertThat(conversations.history(id).get(2).toolCallId()).contains("call_1");
        assertThat(memory(10).messages()).isEqualTo(said);
    }

    @Test void a_window_past_a_tool_exchange_drops_the_call_with_its_result_but_the_history_keeps_everything() {
        ChatMemory memory = memory(3);
        List.of(UserMessage.from("hi"), AiMessage.from(List.of(call)), ToolExecutionResultMessage.from(call, "Trip to Osaka"),
                AiMessage.from("You go to Osaka."), UserMessage.from("thanks")).forEach(memory::add);

        assertThat(memory.messages()).containsExactly(AiMessage.from("You go to Osaka."), UserMessage.from("thanks"));
        assertThat(conversations.history(id)).hasSize(5);
    }

    @Test void the_system_message_is_kept_for_the_turn_but_not_stored_and_history_is_never_deleted() {
        ChatMemory memory = memory(10);

        memory.add(SystemMessage.from("You are the assistant."));
        memory.add(UserMessage.from("hi"));

        assertThat(memory.messages()).containsExactly(SystemMessage.from("You are the assistant."), UserMessage.from("hi"));
        assertThat(conversations.history(id)).extracting(StoredMessage::kind).containsExactly(Kind.USER);
        assertThatThrownBy(memory::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(conversations.history(id)).hasSize(1);
    }

    @Test void once_the_turn_is_over_nothing_more_is_stored() {
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        ChatMemory memory = MessageWindowChatMemory.builder().id(id).maxMessages(10)
                .chatMemoryStore(new ConversationMemoryStore(conversations.memoryOf(id), clock, over::get)).build();
        memory.add(UserMessage.from("hi"));

        over.set(true);
        memory.add(AiMessage.from("a late answer from a stream given up on"));

        assertThat(conversations.history(id)).extracting(StoredMessage::text).containsExactly("hi");
    }

    /** A store as a turn builds it, over the conversation's memory. */
    private ChatMemory memory(int window) {
        return MessageWindowChatMemory.builder().id(id).maxMessages(window)
                .chatMemoryStore(new ConversationMemoryStore(conversations.memoryOf(id), clock, () -> false)).build();
    }
}
