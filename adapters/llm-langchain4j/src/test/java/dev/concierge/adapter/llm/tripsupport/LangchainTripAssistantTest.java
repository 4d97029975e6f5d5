package dev.concierge.adapter.llm.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmConfig.Provider;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.StoredMessage.Kind;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TripAssistant.Turn;
import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The assistant against a server speaking each provider's wire protocol, streamed and not, with tools and memory. */
class LangchainTripAssistantTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20); // generous: a loaded machine loads the first turn's classes slowly
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String TRIP = "Trip 'Osaka sales', Tokyo to Osaka, 2026-12-01 to 2026-12-03, status planned.";

    private final LlmWireFixture llm = LlmWireFixture.start();
    private final InMemoryConversations conversations = new InMemoryConversations();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);
    private static final UserId OWNER = new UserId("aiko");
    private final ConversationId conversation = conversations.create(new TripId(1), OWNER, "Osaka", clock.instant()).id();
    private final RecordingToolbox toolbox = new RecordingToolbox();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach void stop() { llm.close(); }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_streamed_answer_arrives_token_by_token_in_order_and_completes_once(Provider provider) {
        send(assistant(provider), turn("What should I pack?"), listener);

        assertThat(listener.tokens).hasSizeGreaterThan(5);
        assertThat(listener.streamed()).isEqualTo("Simulated answer about \"What should I pack?\". First the key points, "
                + "then the concrete steps, then a short summary for you.");
        assertThat(listener.completions).containsExactly(listener.streamed());
        assertThat(listener.failures).isEmpty();
        assertThat(listener.events.getLast()).isEqualTo("completed");
        assertThat(llm.chatRequests()).singleElement().satisfies(r -> assertThat(isStreamed(r.json(), provider)).isTrue());
        assertThat(history()).extracting(StoredMessage::kind, StoredMessage::text).containsExactly(
                tuple(Kind.USER, "What should I pack?"),
                tuple(Kind.ASSISTANT, listener.streamed()));
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void template_braces_typed_by_people_reach_the_model_as_text(Provider provider) {
        var turn = new Turn(conversation, Language.EN, TODAY, TRIP + " {{title}}", "What is {{7*7}}?");

        send(assistant(provider), turn, listener);

        assertThat(listener.failures).isEmpty();
        assertThat(listener.completions).containsExactly(listener.streamed());
        assertThat(llm.chatRequests()).singleElement().satisfies(r -> assertThat(r.json().toString()).contains("What is {{7*7}}?"));
        assertThat(history()).extracting(StoredMessage::kind, StoredMessage::text).startsWith(tuple(Kind.USER, "What is {{7*7}}?"));
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void the_tools_reach_the_model_with_their_parameter_names(Provider provider) {
        send(assistant(provider), turn("Hello"), listener);

        JsonNode tools = llm.chatRequests().getFirst().json().path("tools");
        List<String> names = StreamSupport.stream(tools.spliterator(), false).map(t -> t.at("/function/name").asText()).toList();
        assertThat(names).containsExactlyInAnyOrder("read_trip", "recompute_estimate", "propose_add_visit", "propose_move_visit",
                "propose_itinerary_draft", "propose_preparation_notes");
        JsonNode addVisit = tool(tools, "propose_add_visit").at("/function/parameters");
        assertThat(fieldNames(addVisit.path("properties"))).containsExactly("company", "location", "startsAt", "durationMinutes",
                "contacts", "agenda", "notes");
        assertThat(fieldNames(addVisit.path("required"))).isEmpty(); // an array: its values are checked below
        assertThat(addVisit.path("required").toString()).isEqualTo("[\"company\",\"location\",\"startsAt\",\"durationMinutes\"]");
        assertThat(tool(tools, "propose_move_visit").at("/function/parameters/properties").has("visitId")).isTrue();
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_streamed_tool_call_runs_the_toolbox_and_the_answer_follows(Provider provider) {
        llm.tools(true);

        send(assistant(provider), turn("Please use read_trip and tell me when I leave"), listener);

        assertThat(toolbox.calls).containsExactly("readTrip");
        assertThat(listener.events).containsSubsequence("token", "completed");
        assertThat(listener.completions).singleElement().asString().startsWith("Simulated answer about \"Please use read_trip");
        assertThat(llm.chatRequests()).hasSize(2).allSatisfy(r -> assertThat(isStreamed(r.json(), provider)).isTrue());
        JsonNode second = llm.chatRequests().get(1).json().path("messages");
        assertThat(second.get(second.size() - 1).path("role").asText()).isEqualTo("tool");
        assertThat(second.get(second.size() - 1).path("content").asText()).isEqualTo(toolbox.readTripText());
        List<StoredMessage> history = history();
        assertThat(history).extracting(StoredMessage::kind).containsExactly(Kind.USER, Kind.ASSISTANT, Kind.TOOL_RESULT, Kind.ASSISTANT);
        StoredMessage.ToolCall call = history.get(1).toolCalls().getFirst();
        assertThat(call.name()).isEqualTo("read_trip");
        assertThat(call.id()).isNotBlank();
        assertThat(history.get(2).toolCallId()).contains(call.id());
        assertThat(history.get(2).toolName()).contains("read_trip");
        assertThat(history.get(2).text()).isEqualTo(toolbox.readTripText());
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_proposal_tool_receives_the_arguments_the_model_wrote(Provider provider) {
        llm.enqueue(Answer.toolCall("propose_add_visit", """
                {"company":"Kansai Steel","location":"Osaka, Umeda","startsAt":"2026-12-02T10:00","durationMinutes":90,
                 "contacts":["Ms Tanaka"],"agenda":"Renewal","notes":""}"""));

        send(assistant(provider), turn("Add a visit to Kansai Steel"), listener);

        assertThat(toolbox.calls).containsExactly("proposeAddVisit");
        assertThat(toolbox.proposedVisit.company()).isEqualTo("Kansai Steel");
        assertThat(toolbox.proposedVisit.startsAt()).isEqualTo(LocalDateTime.of(2026, 12, 2, 10, 0));
        assertThat(toolbox.proposedVisit.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(toolbox.proposedVisit.contacts()).containsExactly("Ms Tanaka");
        assertThat(lastToolResult(1)).startsWith("Proposal 3 recorded");
        assertThat(listener.completions).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_refused_proposal_and_bad_arguments_go_back_to_the_model_as_text(Provider provider) {
        llm.enqueue(Answer.toolCall("propose_move_visit", "{\"visitId\":7,\"newStart\":\"2027-01-05T09:00\"}"),
                Answer.toolCall("propose_move_visit", "{\"visitId\":\"seven\",\"newStart\":\"soon\"}"));

        send(assistant(provider), turn("Move my visit"), listener);

        assertThat(toolbox.calls).containsExactly("proposeMoveVisit(7,2027-01-05T09:00)");
        assertThat(lastToolResult(1)).isEqualTo("Refused (visit_outside_trip): The new time is outside the trip's dates.");
        assertThat(lastToolResult(2)).startsWith("The arguments were not usable: ").endsWith("Call propose_move_visit again with corrected arguments.");
        assertThat(listener.completions).hasSize(1);
        assertThat(listener.failures).isEmpty();
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_hallucinated_tool_name_is_answered_with_an_error_the_model_can_read(Provider provider) {
        llm.enqueue(Answer.toolCall("book_flight", "{\"from\":\"Tokyo\"}"));

        send(assistant(provider), turn("Book me a flight"), listener);

        assertThat(toolbox.calls).isEmpty();
        JsonNode messages = llm.chatRequests().get(1).json().path("messages");
        assertThat(messages.get(messages.size() - 1).path("content").asText()).startsWith("There is no tool named 'book_flight'. The tools are: ").contains("read_trip", "propose_add_visit");
        assertThat(listener.completions).singleElement().asString().startsWith("Simulated answer about \"Book me a flight\"");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_model_that_keeps_calling_tools_past_the_cap_ends_the_turn_with_tool_loop(Provider provider) {
        for (int i = 0; i < 10; i++) llm.enqueue(Answer.toolCall("read_trip", "{}"));

        send(assistant(provider, new AssistantLimits(30, 2)), turn("Loop"), listener);

        assertThat(toolbox.calls).hasSizeLessThanOrEqualTo(2);
        assertThat(listener.completions).isEmpty();
        assertThat(listener.failures).containsExactly("tool_loop");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void memory_survives_a_new_adapter_and_the_earlier_turns_reach_the_model(Provider provider) {
        send(assistant(provider), turn("My customer is Kansai Steel"), new RecordingListener());
        String firstAnswer = history().get(1).text();

        send(assistant(provider), turn("Who is my customer?"), listener);

        JsonNode messages = llm.chatRequests().getLast().json().path("messages");
        assertThat(roles(messages)).containsExactly("system", "user", "assistant", "user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("My customer is Kansai Steel");
        assertThat(messages.get(2).path("content").asText()).isEqualTo(firstAnswer);
        assertThat(messages.get(3).path("content").asText()).isEqualTo("Who is my customer?");
        assertThat(history()).hasSize(4);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void only_the_window_is_sent_and_it_never_starts_with_an_orphan_tool_result(Provider provider) {
        llm.tools(true);
        send(assistant(provider, new AssistantLimits(4, 6)), turn("use read_trip first"), new RecordingListener()); // 4 messages
        llm.tools(false);
        send(assistant(provider, new AssistantLimits(4, 6)), turn("second question"), new RecordingListener());   // 6 messages
        send(assistant(provider, new AssistantLimits(4, 6)), turn("third question"), listener);

        assertThat(history()).hasSize(8);
        JsonNode messages = llm.chatRequests().getLast().json().path("messages");
        // window of 4 over [U1, A1(call), T1, A2, U2, A3]: U1 and the whole tool exchange go, never the call without its result
        assertThat(roles(messages)).containsExactly("system", "assistant", "user", "assistant", "user");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("second question");
        assertThat(messages.findValuesAsText("content")).doesNotContain("use read_trip first");
        assertThat(messages.findValues("tool_call_id")).isEmpty();
        assertEveryToolResultFollowsItsCall(messages, provider);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_stored_tool_exchange_is_sent_back_faithfully(Provider provider) {
        llm.tools(true);
        send(assistant(provider), turn("use read_trip please"), new RecordingListener());
        llm.tools(false);

        send(assistant(provider), turn("and now?"), listener);

        JsonNode messages = llm.chatRequests().getLast().json().path("messages");
        assertThat(roles(messages)).containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        assertThat(messages.get(2).path("tool_calls").get(0).at("/function/name").asText()).isEqualTo("read_trip");
        assertThat(messages.get(3).path("content").asText()).isEqualTo(toolbox.readTripText());
        assertEveryToolResultFollowsItsCall(messages, provider);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_server_error_before_any_answer_is_unavailable_with_what_to_do_and_adds_nothing(Provider provider) {
        llm.enqueue(Answer.httpError(500));

        Unavailable failure = catchThrowableOfType(Unavailable.class, () -> send(assistant(provider), turn("Hello"), listener));

        assertThat(failure.code()).isEqualTo("llm_unavailable");
        assertThat(failure.getMessage()).startsWith("The LLM at " + config(provider, TIMEOUT).baseUrl() + " failed with HTTP 500")
                .contains("simulated failure").doesNotContain("retried later")
                .endsWith(" — check the model server's log, then send your message again.");
        assertThat(listener.events).as("the caller reports it; the listener hears nothing").isEmpty();
        assertThat(history()).extracting(StoredMessage::kind).containsExactly(Kind.USER);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_request_the_model_rejects_says_the_model_may_not_call_tools(Provider provider) {
        llm.enqueue(Answer.httpError(400));

        Unavailable failure = catchThrowableOfType(Unavailable.class, () -> send(assistant(provider), turn("Hello"), listener));

        assertThat(failure.getMessage()).startsWith("The LLM at " + config(provider, TIMEOUT).baseUrl() + " rejected the request with HTTP 400")
                .endsWith("may not support tool calling; choose another with " + (provider == Provider.OLLAMA ? "OLLAMA_MODEL." : "OPENAI_MODEL."));
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_server_error_after_a_tool_call_fails_the_turn_and_keeps_what_happened(Provider provider) {
        llm.enqueue(Answer.toolCall("read_trip", "{}"), Answer.httpError(500));

        send(assistant(provider), turn("Read my trip"), listener);

        assertThat(listener.events).containsExactly("failed");
        assertThat(listener.failures).containsExactly("llm_failed");
        assertThat(history()).extracting(StoredMessage::kind).containsExactly(Kind.USER, Kind.ASSISTANT, Kind.TOOL_RESULT);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_hung_model_fails_the_turn_within_the_timeout(Provider provider) {
        llm.enqueue(Answer.hang());

        Unavailable failure = catchThrowableOfType(Unavailable.class,
                () -> send(assistant(provider, config(provider, SHORT_TIMEOUT), AssistantLimits.DEFAULT), turn("Hello"), listener));

        assertThat(failure.getMessage()).contains("did not answer within 1 s").endsWith("send your message again, or raise LLM_TIMEOUT_SECONDS.");
        assertThat(listener.events).isEmpty();
        assertThat(llm.chatRequests()).hasSize(1); // no retry behind the person's back
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_stream_that_stalls_after_its_first_token_fails_and_nothing_follows_the_failure(Provider provider) {
        llm.enqueue(Answer.stallAfterHeaders());

        send(assistant(provider, config(provider, SHORT_TIMEOUT), AssistantLimits.DEFAULT), turn("Hello"), listener);

        assertThat(listener.tokens).isNotEmpty();
        assertThat(listener.failures).containsExactly("llm_timed_out");
        assertThat(listener.events.getLast()).isEqualTo("failed");
        assertThat(listener.completions).isEmpty();
    }

    /**
     * When the model's answer is back before langchain4j attaches its reader, the JDK client runs the reader on the
     * thread that started the stream (it hung a CI run). This model does the same: it streams a token, then stalls on
     * the caller's thread until the stream is cancelled. The stall must still end the turn.
     */
    @Test void a_stream_read_on_the_thread_that_started_it_is_still_watched_for_a_stall() {
        LlmConfig config = config(Provider.OLLAMA, SHORT_TIMEOUT);
        CountDownLatch cancelled = new CountDownLatch(1);
        StreamingChatModel readsOnTheCallersThread = new StreamingChatModel() {
            @Override public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                StreamingHandle handle = new StreamingHandle() {
                    @Override public void cancel() { cancelled.countDown(); }

                    @Override public boolean isCancelled() { return cancelled.getCount() == 0; }
                };
                handler.onPartialResponse(new PartialResponse("Hello"), new PartialResponseContext(handle));
                try {
                    cancelled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        var models = new TripChatModels(readsOnTheCallersThread, null, LlmCallMetrics.inMemory(config), LlmCallTraces.off(config));
        var assistant = new LangchainTripAssistant(models, config, clock, AssistantLimits.DEFAULT);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> send(assistant, turn("Hello"), listener));

        assertThat(listener.tokens).containsExactly("Hello");
        assertThat(listener.failures).containsExactly("llm_timed_out");
        assertThat(cancelled.getCount()).isZero(); // the stalled stream was let go
    }

    @Test void no_model_listening_fails_the_turn_saying_what_to_start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) { port = socket.getLocalPort(); }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        LlmConfig config = new LlmConfig(Provider.OLLAMA, nowhere, "llama3.2", Optional.empty(), URI.create(nowhere + "/v1"), "gpt-4o-mini", TIMEOUT);

        Unavailable failure = catchThrowableOfType(Unavailable.class,
                () -> send(assistant(Provider.OLLAMA, config, AssistantLimits.DEFAULT), turn("Hello"), listener));

        assertThat(failure.getMessage()).startsWith("No LLM reachable at " + nowhere + " — start Ollama");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_japanese_conversation_gets_a_japanese_system_prompt_with_the_trip_and_today(Provider provider) {
        send(assistant(provider), new Turn(conversation, Language.JA, TODAY, "大阪出張、2026-12-01〜2026-12-03", "持ち物は？"), listener);

        String system = llm.chatRequests().getFirst().json().at("/messages/0/content").asText();
        assertThat(system).contains("出張を支援するアシスタント", "必ず日本語で", "今日は 2026-11-23（月曜日）", "大阪出張、2026-12-01〜2026-12-03");
        assertThat(listener.completions).singleElement().asString().startsWith("シミュレーション応答です。ご質問「持ち物は？」");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void an_english_conversation_gets_an_english_system_prompt_with_the_trip_and_today(Provider provider) {
        send(assistant(provider), turn("Hi"), listener);

        String system = llm.chatRequests().getFirst().json().at("/messages/0/content").asText();
        assertThat(system).contains("business trip", "Answer in English", "Today is 2026-11-23 (Monday)", TRIP,
                "nothing changes until the user accepts it");
        assertThat(system).doesNotContain("日本語");
    }

    private static void assertEveryToolResultFollowsItsCall(JsonNode messages, Provider provider) {
        Set<String> calledIds = new HashSet<>();
        Set<String> calledNames = new HashSet<>();
        for (JsonNode message : messages) {
            message.path("tool_calls").forEach(call -> {
                calledIds.add(call.path("id").asText());
                calledNames.add(call.at("/function/name").asText());
            });
            if (message.path("role").asText().equals("tool")) {
                if (provider == Provider.OPENAI) assertThat(calledIds).contains(message.path("tool_call_id").asText());
                else assertThat(calledNames).isNotEmpty();
            }
        }
    }

    private static JsonNode tool(JsonNode tools, String name) {
        return StreamSupport.stream(tools.spliterator(), false).filter(t -> t.at("/function/name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> roles(JsonNode messages) {
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.path("role").asText()));
        return roles;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isStreamed(JsonNode body, Provider provider) {
        return provider == Provider.OPENAI ? body.path("stream").asBoolean(false) : body.path("stream").asBoolean(true);
    }

    private List<StoredMessage> history() { return conversations.history(conversation); }

    /** As the domain sends a turn: with the conversation's memory, recording what streamed and how it ended. */
    private void send(LangchainTripAssistant assistant, Turn turn, RecordingListener listener) {
        listener.ended(assistant.reply(turn, toolbox, conversations.memoryOf(turn.conversation()), listener));
    }

    /** The text the model was sent back for its latest tool call, from its next request. */
    private String lastToolResult(int request) {
        JsonNode messages = llm.chatRequests().get(request).json().path("messages");
        return messages.get(messages.size() - 1).path("content").asText();
    }

    private Turn turn(String message) { return new Turn(conversation, Language.EN, TODAY, TRIP, message); }

    private LangchainTripAssistant assistant(Provider provider) { return assistant(provider, AssistantLimits.DEFAULT); }

    private LangchainTripAssistant assistant(Provider provider, AssistantLimits limits) {
        return assistant(provider, config(provider, TIMEOUT), limits);
    }

    private LangchainTripAssistant assistant(Provider provider, LlmConfig config, AssistantLimits limits) {
        return new LangchainTripAssistant(TripChatModels.forConfig(config), config, clock, limits);
    }

    private LlmConfig config(Provider provider, Duration timeout) {
        return llm.config(provider, provider == Provider.OLLAMA ? "llama3.2" : "gpt-4o-mini", timeout);
    }
}
