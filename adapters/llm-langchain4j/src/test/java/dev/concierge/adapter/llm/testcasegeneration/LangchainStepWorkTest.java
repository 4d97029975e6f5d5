package dev.concierge.adapter.llm.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmConfig.Provider;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.ModelFinding;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationFailed;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rewriting one step and the second review pass, against servers speaking each provider's wire protocol. */
class LangchainStepWorkTest {
    private static final Procedure PROCEDURE = new Procedure(List.of(
            new Step("ログイン画面を開く", "ログインフォームが表示される"),
            new Step("パスワードを入力して、ログインボタンを押す", "正常に動作すること"),
            new Step("ヘッダーを見る", "「alice」と表示される")));
    private static final ProcedureGenerator.Request CASE = new ProcedureGenerator.Request("LOGIN-2", "正しいパスワードでログインする",
            "ユーザーアカウントが存在する", "ダッシュボードが表示される", "REQ-7", "", Language.JA, Optional.empty());

    private final LlmWireFixture llm = LlmWireFixture.start();

    @AfterEach void stop() { llm.close(); }

    private LangchainProcedureGenerator generator(Provider provider) {
        LlmConfig config = llm.config(provider, provider == Provider.OLLAMA ? "qwen2.5:7b" : "gpt-4o-mini", Duration.ofSeconds(5));
        return LangchainProcedureGenerator.from(config);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_rewritten_step_is_the_one_step_the_model_answers_told_which_step_and_the_note(Provider provider) {
        llm.enqueue(Answer.content("{\"steps\":[{\"action\":\"ログインボタンを押す\",\"expectedResult\":\"ダッシュボード画面が表示される\",\"testData\":\"\"}]}"));

        Step step = new LangchainStepRewriter(generator(provider)).rewrite(CASE, PROCEDURE, 2, "入力と押下を分けてください");

        assertThat(step).isEqualTo(new Step("ログインボタンを押す", "ダッシュボード画面が表示される"));
        String prompt = userMessage(llm.chatRequests().getLast().json());
        assertThat(prompt).contains("Rewrite step 2 only", "入力と押下を分けてください", "1. ログイン画面を開く", "3. ヘッダーを見る");
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_reply_with_several_steps_is_retried_with_the_problem_named(Provider provider) {
        llm.enqueue(Answer.content("{\"steps\":[{\"action\":\"a\",\"expectedResult\":\"b\",\"testData\":\"\"},{\"action\":\"c\",\"expectedResult\":\"d\",\"testData\":\"\"}]}"),
                Answer.content("{\"steps\":[{\"action\":\"ログインボタンを押す\",\"expectedResult\":\"ダッシュボード画面が表示される\",\"testData\":\"\"}]}"));

        Step step = new LangchainStepRewriter(generator(provider)).rewrite(CASE, PROCEDURE, 2, "");

        assertThat(step.action()).isEqualTo("ログインボタンを押す");
        assertThat(llm.chatRequests()).hasSize(2);
        assertThat(userMessage(llm.chatRequests().getLast().json())).contains("exactly one step");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_step_the_model_never_gets_right_fails_and_an_unreachable_model_is_unavailable(Provider provider) {
        for (int i = 0; i < 3; i++) llm.enqueue(Answer.content("{\"steps\":[]}"));
        assertThatThrownBy(() -> new LangchainStepRewriter(generator(provider)).rewrite(CASE, PROCEDURE, 2, ""))
                .isInstanceOf(GenerationFailed.class);
        llm.enqueue(Answer.httpError(500));
        assertThatThrownBy(() -> new LangchainStepRewriter(generator(provider)).rewrite(CASE, PROCEDURE, 2, ""))
                .isInstanceOf(GenerationUnavailable.class);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void the_review_pass_sends_its_schema_and_reads_findings_per_step_and_for_the_whole(Provider provider) {
        llm.enqueue(Answer.content("{\"findings\":[{\"step\":2,\"problem\":\"入力と押下が一つの手順にある\"},"
                + "{\"step\":0,\"problem\":\"ログアウトを確認していない\"},{\"step\":9,\"problem\":\"存在しない手順\"},{\"step\":1,\"problem\":\" \"}]}"));

        List<ModelFinding> findings = new LangchainProcedureReviewer(generator(provider)).review(CASE, PROCEDURE);

        assertThat(findings).containsExactly(new ModelFinding(Optional.of(2), "入力と押下が一つの手順にある"),
                new ModelFinding(Optional.empty(), "ログアウトを確認していない"), new ModelFinding(Optional.empty(), "存在しない手順"));
        JsonNode body = llm.chatRequests().getLast().json();
        JsonNode schema = provider == Provider.OLLAMA ? body.path("format") : body.at("/response_format/json_schema/schema");
        assertThat(schema.at("/properties/findings/items/required").toString()).contains("step", "problem");
        assertThat(systemMessage(body)).contains("Write every problem in Japanese");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void an_unreadable_review_is_a_failure_not_a_retry(Provider provider) {
        llm.enqueue(Answer.content("I think it is fine."));
        assertThatThrownBy(() -> new LangchainProcedureReviewer(generator(provider)).review(CASE, PROCEDURE)).isInstanceOf(GenerationFailed.class);
        assertThat(llm.chatRequests()).hasSize(1);
    }

    private static String systemMessage(JsonNode body) { return text(body.path("messages").get(0)); }

    private static String userMessage(JsonNode body) {
        String last = "";
        for (JsonNode message : body.path("messages")) if (message.path("role").asText().equals("user")) last = text(message);
        return last;
    }

    private static String text(JsonNode message) {
        JsonNode content = message.path("content");
        if (content.isTextual()) return content.asText();
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }
}
