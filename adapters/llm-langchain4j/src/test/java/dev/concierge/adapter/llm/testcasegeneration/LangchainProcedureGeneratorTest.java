package dev.concierge.adapter.llm.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmConfig.Provider;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.adapter.llm.LlmWireFixture.Malformation;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationFailed;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The generator against a server speaking each provider's wire protocol, as Ollama and OpenAI would answer. */
class LangchainProcedureGeneratorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

    private final LlmWireFixture llm = LlmWireFixture.start();

    @AfterEach void stop() { llm.close(); }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_schema_shaped_reply_becomes_the_procedure(Provider provider) {
        Procedure procedure = generator(provider).generate(englishCase());

        assertThat(procedure.steps()).hasSize(3);
        assertThat(procedure.steps().getFirst().action()).startsWith("simulated action");
        assertThat(procedure.steps().getFirst().testData()).hasValueSatisfying(data -> assertThat(data).startsWith("simulated testData"));
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void the_request_carries_the_procedure_schema_in_the_providers_structured_output_field(Provider provider) {
        generator(provider).generate(englishCase());

        JsonNode body = llm.chatRequests().getFirst().json();
        JsonNode schema = switch (provider) {
            case OLLAMA -> {
                assertThat(body.path("think").isBoolean()).as("think sent").isTrue();
                assertThat(body.path("think").asBoolean()).as("think").isFalse();
                yield body.path("format");
            }
            case OPENAI -> {
                assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
                assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
                yield body.at("/response_format/json_schema/schema");
            }
        };
        assertThat(schema.at("/properties/steps/type").asText()).isEqualTo("array");
        assertThat(schema.at("/properties/steps/items/required").toString()).contains("action", "expectedResult", "testData");
        if (provider == Provider.OPENAI) {
            // strict mode rejects a schema that allows extra properties; langchain4j's Ollama client drops the keyword
            assertThat(schema.at("/properties/steps/items/additionalProperties").asBoolean(true)).isFalse();
        }
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void the_prompt_states_the_task_the_rules_and_the_test_case(Provider provider) {
        generator(provider).generate(englishCase());

        assertThat(systemMessage()).contains("test procedure", "at most 50 steps", "2000 characters", "Neither may be blank", "in English");
        assertThat(lastUserMessage()).contains("LOGIN-1", "Log in with a valid password", "A user account exists",
                "The dashboard is shown", "REQ-7", "Users log in with email and password");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_japanese_case_demands_japanese_steps_and_a_japanese_reply_is_read(Provider provider) {
        llm.enqueue(Answer.content("""
                {"steps":[{"action":"ログイン画面でメールアドレスとパスワードを入力する","expectedResult":"入力欄に値が表示される","testData":"user@example.com / 正しいパスワード"},
                          {"action":"ログインボタンを押す","expectedResult":"ダッシュボードが表示される","testData":""}]}"""));

        Procedure procedure = generator(provider).generate(japaneseCase());

        assertThat(systemMessage()).contains("MUST be in Japanese", "日本語");
        assertThat(lastUserMessage()).contains("正しいパスワードでログインする");
        assertThat(procedure.steps()).extracting(Step::action).containsExactly("ログイン画面でメールアドレスとパスワードを入力する", "ログインボタンを押す");
        assertThat(procedure.steps().get(1).testData()).isEmpty();
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_reviewers_feedback_reaches_the_model(Provider provider) {
        var request = new ProcedureGenerator.Request("LOGIN-1", "Log in with a valid password", "", "", "", "", Language.EN,
                Optional.of("Step 2 must check the lockout counter."));

        generator(provider).generate(request);

        assertThat(lastUserMessage()).contains("A reviewer rejected the previous procedure", "Step 2 must check the lockout counter.");
    }

    @ParameterizedTest @MethodSource("providersAndRecoverableMalformations")
    void fenced_json_and_a_leaked_think_block_are_read_without_a_retry(Provider provider, Malformation malformation) {
        llm.enqueue(Answer.malformed(malformation));

        assertThat(generator(provider).generate(englishCase()).steps()).hasSize(3);
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @MethodSource("providersAndUnusableMalformations")
    void a_truncated_or_blank_reply_is_retried_with_its_problems_fed_back(Provider provider, Malformation malformation, String problem) {
        llm.enqueue(Answer.malformed(malformation));

        Procedure procedure = generator(provider).generate(englishCase());

        assertThat(procedure.steps()).hasSize(3);
        assertThat(llm.chatRequests()).hasSize(2);
        List<JsonNode> retry = messages(llm.chatRequests().get(1).json());
        assertThat(retry).extracting(m -> m.path("role").asText()).containsExactly("system", "user", "assistant", "user");
        assertThat(text(retry.get(3))).contains("could not be used", problem, "in English");
        assertThat(text(retry.get(1))).isEqualTo(text(messages(llm.chatRequests().getFirst().json()).get(1)));
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_model_that_keeps_breaking_the_rules_fails_after_three_attempts_naming_the_problems(Provider provider) {
        String blankAction = "{\"steps\":[{\"action\":\" \",\"expectedResult\":\"The dashboard is shown\",\"testData\":\"\"}]}";
        llm.enqueue(Answer.content(blankAction), Answer.content(blankAction), Answer.content(blankAction));

        assertThatThrownBy(() -> generator(provider).generate(englishCase()))
                .isInstanceOf(GenerationFailed.class)
                .hasMessageContaining("returned an invalid procedure 3 times")
                .hasMessageContaining("steps[0].action: blank")
                .hasMessageContaining(provider == Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL");
        assertThat(llm.chatRequests()).hasSize(3);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void the_number_of_attempts_is_bounded_by_the_constructor(Provider provider) {
        llm.enqueue(Answer.malformed(Malformation.BLANK), Answer.malformed(Malformation.BLANK));
        LlmConfig config = config(provider, TIMEOUT);
        var generator = new LangchainProcedureGenerator(StructuredOutputChatModels.forConfig(config), config, 2);

        assertThatThrownBy(() -> generator.generate(englishCase()))
                .isInstanceOf(GenerationFailed.class).hasMessageContaining("2 times: steps: too_few [1]");
        assertThat(llm.chatRequests()).hasSize(2);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_server_error_is_unavailable_and_not_retried_behind_our_back(Provider provider) {
        llm.enqueue(Answer.httpError(500));

        var failure = catchThrowableOfType(GenerationUnavailable.class, () -> generator(provider).generate(englishCase()));

        assertThat(failure.getMessage()).contains("HTTP 500", llm.ollamaBaseUrl().toString());
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_hung_model_is_unavailable_within_the_timeout(Provider provider) {
        llm.enqueue(Answer.hang());
        long start = System.nanoTime();

        var failure = catchThrowableOfType(GenerationUnavailable.class,
                () -> generator(provider, config(provider, SHORT_TIMEOUT)).generate(englishCase()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(failure.getMessage()).contains("did not answer within 1 s", "LLM_TIMEOUT_SECONDS");
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_reply_that_stalls_after_its_headers_still_ends_at_the_deadline(Provider provider) {
        llm.enqueue(Answer.stallAfterHeaders());
        long start = System.nanoTime();

        var failure = catchThrowableOfType(GenerationUnavailable.class,
                () -> generator(provider, config(provider, SHORT_TIMEOUT)).generate(englishCase()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(failure.getMessage()).contains("did not answer within 1 s");
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void an_unknown_model_is_unavailable_and_names_the_model_and_the_setting(Provider provider) {
        var failure = catchThrowableOfType(GenerationUnavailable.class,
                () -> generator(provider, llm.config(provider, "no-such-model", TIMEOUT)).generate(englishCase()));

        assertThat(failure.getMessage()).contains("'no-such-model'", provider == Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL");
        if (provider == Provider.OLLAMA) assertThat(failure.getMessage()).contains("ollama pull no-such-model");
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void nothing_listening_names_the_url_and_the_provider_setting(Provider provider) {
        URI nowhere = URI.create("http://127.0.0.1:9");
        var config = new LlmConfig(provider, nowhere, "qwen2.5:7b", Optional.of("sk-test"), URI.create(nowhere + "/v1"), "gpt-4o-mini", TIMEOUT);

        var failure = catchThrowableOfType(GenerationUnavailable.class, () -> generator(provider, config).generate(englishCase()));

        assertThat(failure.getMessage()).contains("No LLM reachable at " + config.baseUrl(), "LLM_PROVIDER=");
    }

    static Stream<Arguments> providersAndRecoverableMalformations() {
        return Stream.of(Provider.values()).flatMap(p -> Stream.of(Malformation.FENCED, Malformation.THINKING).map(m -> Arguments.of(p, m)));
    }

    static Stream<Arguments> providersAndUnusableMalformations() {
        return Stream.of(Provider.values()).flatMap(p -> Stream.of(
                Arguments.of(p, Malformation.TRUNCATED, "the reply is cut off"),
                Arguments.of(p, Malformation.BLANK, "steps: too_few [1]")));
    }

    private ProcedureGenerator generator(Provider provider) { return generator(provider, config(provider, TIMEOUT)); }

    private static ProcedureGenerator generator(Provider provider, LlmConfig config) {
        assertThat(config.provider()).isEqualTo(provider);
        return LangchainProcedureGenerator.from(config);
    }

    private LlmConfig config(Provider provider, Duration timeout) {
        return llm.config(provider, provider == Provider.OLLAMA ? "qwen2.5:7b" : "gpt-4o-mini", timeout);
    }

    private String systemMessage() { return text(messages(llm.chatRequests().getLast().json()).getFirst()); }

    private String lastUserMessage() {
        List<JsonNode> messages = messages(llm.chatRequests().getLast().json());
        return text(messages.reversed().stream().filter(m -> m.path("role").asText().equals("user")).findFirst().orElseThrow());
    }

    private static List<JsonNode> messages(JsonNode body) {
        List<JsonNode> messages = new ArrayList<>();
        body.path("messages").forEach(messages::add);
        return messages;
    }

    /** A message's text, whether sent as a string (Ollama, OpenAI) or as content parts (OpenAI). */
    private static String text(JsonNode message) {
        JsonNode content = message.path("content");
        if (content.isTextual()) return content.asText();
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }

    private static ProcedureGenerator.Request englishCase() {
        return new ProcedureGenerator.Request("LOGIN-1", "Log in with a valid password", "A user account exists",
                "The dashboard is shown", "REQ-7", "Users log in with email and password", Language.EN, Optional.empty());
    }

    private static ProcedureGenerator.Request japaneseCase() {
        return new ProcedureGenerator.Request("LOGIN-2", "正しいパスワードでログインする", "ユーザーアカウントが存在する",
                "ダッシュボードが表示される", "REQ-7", "ユーザーはメールアドレスとパスワードでログインする", Language.JA, Optional.empty());
    }
}
