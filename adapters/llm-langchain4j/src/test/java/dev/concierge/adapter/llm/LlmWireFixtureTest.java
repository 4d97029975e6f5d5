package dev.concierge.adapter.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.adapter.llm.LlmWireFixture.Malformation;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture answers as sim-llm does, and langchain4j's clients understand it. */
class LlmWireFixtureTest {
    private final LlmWireFixture llm = LlmWireFixture.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach void stop() { llm.close(); }

    @Nested class SchemaSynthesis {

        @Test void values_follow_sim_llms_rules_and_its_counter() throws IOException {
            JsonNode schema = SimulatedReplies.JSON.readTree("""
                    {"type":"object","properties":{
                      "tags":{"type":"array","minItems":4,"items":{"type":"string"}},
                      "kind":{"enum":["a","b","c"]},
                      "count":{"type":"integer","minimum":5},
                      "ratio":{"type":"number","minimum":2},
                      "ok":{"type":"boolean"},
                      "day":{"type":"string","format":"date"},
                      "note":{"anyOf":[{"type":"null"},{"type":"string"}]},
                      "one":{"type":"array","maxItems":1,"items":{"type":["null","integer"]}},
                      "ref":{"$ref":"#/definitions/Leg"}},
                     "definitions":{"Leg":{"properties":{"to":{"type":"string","format":"date-time"}}}}}""");

            assertThat(SimulatedReplies.write(llm.synthesise(schema))).isEqualTo("""
                    {"tags":["simulated tags 1 0","simulated tags 2 1","simulated tags 3 2","simulated tags 4 3"],\
                    "kind":"b","count":7,"ratio":2.5,"ok":true,"day":"2026-12-01","note":"simulated note 6",\
                    "one":[2],"ref":{"to":"2026-12-01T09:00:00Z"}}""");
        }

        @Test void malformations_are_sim_llms_four() {
            String good = "{\"steps\":[{\"action\":\"a\"}]}";

            assertThat(Malformation.FENCED.apply(good)).isEqualTo("```json\n" + good + "\n```");
            assertThat(Malformation.TRUNCATED.apply(good)).isEqualTo(good.substring(0, good.length() / 2));
            assertThat(Malformation.BLANK.apply(good)).isEqualTo("{\"steps\":[]}");
            assertThat(Malformation.THINKING.apply(good)).isEqualTo("<think>Let me think.</think>" + good);
        }

        @Test void plain_json_mode_and_free_text_get_sim_llms_canned_answers() throws Exception {
            String json = post("/api/chat", "{\"model\":\"llama3.2\",\"stream\":false,\"format\":\"json\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            String ja = post("/api/chat", "{\"model\":\"llama3.2\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"出張の準備\"}]}");

            assertThat(read(json).at("/message/content").asText()).isEqualTo("{\"answer\":\"simulated\"}");
            assertThat(read(ja).at("/message/content").asText()).startsWith("シミュレーション応答です。ご質問「出張の準備」について");
        }
    }

    @Nested class OllamaProtocol {

        @Test void a_chat_streams_ndjson_pieces_and_a_closing_chunk_unless_stream_is_false() throws Exception {
            String question = "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Plan my trip\"}]";
            List<JsonNode> chunks = post("/api/chat", question + "}").lines().map(LlmWireFixtureTest::read).toList();
            JsonNode whole = read(post("/api/chat", question + ",\"stream\":false}"));

            assertThat(chunks.getLast().path("done").asBoolean()).isTrue();
            assertThat(chunks.getLast().path("done_reason").asText()).isEqualTo("stop");
            assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.at("/message/content").asText()).hasSizeLessThanOrEqualTo(4));
            assertThat(chunks.stream().map(c -> c.at("/message/content").asText()).reduce("", String::concat))
                    .isEqualTo(whole.at("/message/content").asText())
                    .startsWith("Simulated answer about \"Plan my trip\"");
        }

        @Test void tags_version_and_an_unknown_model_answer_as_ollama_does() throws Exception {
            assertThat(read(get("/api/tags")).at("/models/1/name").asText()).isEqualTo("qwen2.5:7b");
            assertThat(read(get("/api/version")).path("version").asText()).isEqualTo("0.12.0");
            HttpResponse<String> missing = send("/api/chat", "{\"model\":\"mistral\",\"messages\":[]}");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("{\"error\":\"model \\\"mistral\\\" not found, try pulling it first\"}");
        }
    }

    @Nested class OpenAiProtocol {

        @Test void a_chat_streams_server_sent_events_with_usage_and_done() throws Exception {
            String body = post("/v1/chat/completions", "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Plan my trip\"}]}");
            List<String> events = body.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();

            assertThat(events.getLast()).isEqualTo("[DONE]");
            assertThat(read(events.getFirst()).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
            JsonNode usage = read(events.get(events.size() - 2));
            assertThat(usage.path("choices")).isEmpty();
            assertThat(usage.at("/usage/total_tokens").asInt()).isPositive();
            assertThat(read(events.get(events.size() - 3)).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        }

        @Test void models_and_an_unknown_model_answer_as_openai_does() throws Exception {
            assertThat(read(get("/v1/models")).at("/data/2/id").asText()).isEqualTo("gpt-4o-mini");
            HttpResponse<String> missing = send("/v1/chat/completions", "{\"model\":\"gpt-5\",\"messages\":[]}");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(read(missing.body()).at("/error/code").asText()).isEqualTo("model_not_found");
            assertThat(read(missing.body()).at("/error/message").asText()).isEqualTo("The model 'gpt-5' does not exist");
        }

        @Test void a_scripted_server_error_uses_openais_error_object() throws Exception {
            llm.enqueue(Answer.httpError(500));

            HttpResponse<String> failed = send("/v1/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[]}");

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(read(failed.body()).at("/error/type").asText()).isEqualTo("server_error");
        }
    }

    @Nested class ToolCalls {
        private final ToolSpecification findFlights = ToolSpecification.builder().name("find_flights").description("Flights between cities")
                .parameters(JsonObjectSchema.builder().addStringProperty("from").addStringProperty("to").required("from", "to").build()).build();
        private final ToolSpecification findHotels = ToolSpecification.builder().name("find_hotels").description("Hotels in a city")
                .parameters(JsonObjectSchema.builder().addStringProperty("city").addIntegerProperty("nights").required("city", "nights").build()).build();

        @ParameterizedTest @EnumSource(LlmConfig.Provider.class)
        void the_tool_named_in_the_question_is_called_until_its_result_follows(LlmConfig.Provider provider) {
            llm.tools(true);
            ChatModel model = provider == LlmConfig.Provider.OLLAMA
                    ? OllamaChatModel.builder().baseUrl(llm.ollamaBaseUrl().toString()).modelName("llama3.2").maxRetries(0).build()
                    : OpenAiChatModel.builder().baseUrl(llm.openAiBaseUrl().toString()).apiKey("sk-fixture").modelName("gpt-4o-mini").maxRetries(0).build();
            UserMessage question = UserMessage.from("Use find_hotels for Osaka, please");

            AiMessage call = model.chat(ChatRequest.builder().messages(question).toolSpecifications(findFlights, findHotels).build()).aiMessage();
            ToolExecutionRequest request = call.toolExecutionRequests().getFirst();
            AiMessage answer = model.chat(ChatRequest.builder().toolSpecifications(findFlights, findHotels)
                    .messages(question, call, ToolExecutionResultMessage.from(request, "Hotel Osaka Bay")).build()).aiMessage();

            assertThat(call.toolExecutionRequests()).hasSize(1);
            assertThat(request.name()).isEqualTo("find_hotels");
            assertThat(read(request.arguments()).path("city").asText()).startsWith("simulated city");
            assertThat(read(request.arguments()).path("nights").isInt()).isTrue();
            assertThat(answer.hasToolExecutionRequests()).isFalse();
            assertThat(answer.text()).startsWith("Simulated answer about \"Use find_hotels");
        }

        @ParameterizedTest @EnumSource(LlmConfig.Provider.class)
        void a_streamed_tool_call_arrives_whole(LlmConfig.Provider provider) throws Exception {
            llm.tools(true);
            StreamingChatModel model = provider == LlmConfig.Provider.OLLAMA
                    ? OllamaStreamingChatModel.builder().baseUrl(llm.ollamaBaseUrl().toString()).modelName("llama3.2").build()
                    : OpenAiStreamingChatModel.builder().baseUrl(llm.openAiBaseUrl().toString()).apiKey("sk-fixture").modelName("gpt-4o-mini").build();

            ChatResponse response = stream(model, ChatRequest.builder().messages(UserMessage.from("Any flights tomorrow?"))
                    .toolSpecifications(findFlights, findHotels).build());

            ToolExecutionRequest request = response.aiMessage().toolExecutionRequests().getFirst();
            assertThat(request.name()).isEqualTo("find_flights");
            assertThat(read(request.arguments()).path("from").asText()).startsWith("simulated from");
            assertThat(read(request.arguments()).path("to").asText()).startsWith("simulated to");
        }

        @ParameterizedTest @EnumSource(LlmConfig.Provider.class)
        void without_tools_switched_on_tools_offered_get_text(LlmConfig.Provider provider) throws Exception {
            StreamingChatModel model = provider == LlmConfig.Provider.OLLAMA
                    ? OllamaStreamingChatModel.builder().baseUrl(llm.ollamaBaseUrl().toString()).modelName("llama3.2").build()
                    : OpenAiStreamingChatModel.builder().baseUrl(llm.openAiBaseUrl().toString()).apiKey("sk-fixture").modelName("gpt-4o-mini").build();

            ChatResponse response = stream(model, ChatRequest.builder().messages(UserMessage.from("Any flights tomorrow?"))
                    .toolSpecifications(findFlights).build());

            assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
            assertThat(response.aiMessage().text()).isEqualTo("Simulated answer about \"Any flights tomorrow?\". First the key points, "
                    + "then the concrete steps, then a short summary for you.");
        }

        @Test void a_scripted_tool_call_comes_in_ollamas_shapes_whatever_tools_and_results_are_there() throws Exception {
            String afterResult = "{\"model\":\"llama3.2\",%s\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"read_trip\"}}],"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"tool\",\"content\":\"done\"}]}";
            llm.enqueue(Answer.toolCall("book_flight", "{\"from\":\"Tokyo\"}"), Answer.toolCall("book_flight", "{\"from\":\"Tokyo\"}"));

            JsonNode whole = read(post("/api/chat", afterResult.formatted("\"stream\":false,")));
            List<JsonNode> chunks = post("/api/chat", afterResult.formatted("")).lines().map(LlmWireFixtureTest::read).toList();

            assertThat(whole.at("/message/tool_calls/0/function/name").asText()).isEqualTo("book_flight");
            assertThat(whole.at("/message/tool_calls/0/function/arguments/from").asText()).isEqualTo("Tokyo");
            assertThat(chunks).hasSize(2);
            assertThat(chunks.getFirst().at("/message/tool_calls/0/function/name").asText()).isEqualTo("book_flight");
            assertThat(chunks.getLast().path("done").asBoolean()).isTrue();
            // once the script is used up, sim-llm's rule holds again: a tool result after the question means text
            assertThat(read(post("/api/chat", afterResult.formatted("\"stream\":false,"))).at("/message/tool_calls").isMissingNode()).isTrue();
        }

        @Test void a_scripted_tool_call_comes_in_openais_shapes() throws Exception {
            String question = "{\"model\":\"gpt-4o-mini\",%s\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            llm.enqueue(Answer.toolCall("read_trip", "{}"), Answer.toolCall("read_trip", "{\"verbose\":true}"));

            JsonNode whole = read(post("/v1/chat/completions", question.formatted("")));
            List<JsonNode> events = post("/v1/chat/completions", question.formatted("\"stream\":true,")).lines()
                    .filter(l -> l.startsWith("data: {")).map(l -> read(l.substring(6))).toList();

            assertThat(whole.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
            assertThat(whole.at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("read_trip");
            assertThat(whole.at("/choices/0/message/tool_calls/0/function/arguments").asText()).isEqualTo("{}");
            assertThat(events.get(1).at("/choices/0/delta/tool_calls/0/function/name").asText()).isEqualTo("read_trip");
            String arguments = events.stream().map(e -> e.at("/choices/0/delta/tool_calls/0/function/arguments").asText("")).reduce("", String::concat);
            assertThat(arguments).isEqualTo("{\"verbose\":true}");
            assertThat(events.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        }

        private static ChatResponse stream(StreamingChatModel model, ChatRequest request) throws Exception {
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            model.chat(request, new StreamingChatResponseHandler() {
                @Override public void onPartialResponse(String partialResponse) { }
                @Override public void onCompleteResponse(ChatResponse completeResponse) { done.complete(completeResponse); }
                @Override public void onError(Throwable error) { done.completeExceptionally(error); }
            });
            return done.get(10, TimeUnit.SECONDS);
        }
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(String path, String json) throws Exception { return send(path, json).body(); }

    private HttpResponse<String> send(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) { return URI.create(llm.ollamaBaseUrl() + path); }

    private static JsonNode read(String json) {
        try {
            return SimulatedReplies.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
