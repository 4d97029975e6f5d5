package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluation command against a model speaking each provider's wire protocol: what it reports per case and in sum. */
class ProcedureEvaluationTest {
    private final LlmWireFixture llm = LlmWireFixture.start();

    @AfterEach void stop() { llm.close(); }

    @ParameterizedTest @EnumSource(LlmConfig.Provider.class)
    void it_reports_schema_validity_retries_and_scores_per_case_beside_the_reviewed_procedures(LlmConfig.Provider provider) throws Exception {
        llm.enqueue(Answer.content("{\"steps\":[]}"), Answer.content("""
                {"steps":[{"action":"Open the sign-in page","expectedResult":"It works as expected","testData":""}]}"""));
        for (int i = 0; i < 3; i++) llm.enqueue(Answer.content("not json at all")); // the second case never gets it right
        var config = llm.config(provider, provider == LlmConfig.Provider.OLLAMA ? "qwen2.5:7b" : "gpt-4o-mini", Duration.ofSeconds(5));

        ProcedureEvaluation.Report report = ProcedureEvaluation.run(config);

        assertThat(report.cases()).isEqualTo(ProcedureEvaluation.set().size()).isGreaterThanOrEqualTo(6);
        assertThat(report.results()).extracting(ProcedureEvaluation.CaseResult::language).contains("en", "ja");
        var first = report.results().get(0);
        assertThat(first.schemaValid()).isTrue();
        assertThat(first.retries()).isEqualTo(1);
        assertThat(first.score()).isEqualTo(70); // "works as expected" names nothing observable
        var second = report.results().get(1);
        assertThat(second.schemaValid()).isFalse();
        assertThat(second.calls()).isEqualTo(3);
        assertThat(second.score()).isEqualTo(-1);
        assertThat(report.schemaValidRate()).isLessThan(1.0);
        // The reviewed procedures are the bar: each passes every step check.
        assertThat(report.results()).allSatisfy(r -> assertThat(r.reviewedScore()).as(r.key()).isEqualTo(100));

        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("eval").resolve("report.json");
        ProcedureEvaluation.write(report, file);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).at("/results/1/schemaValid").asBoolean(true)).isFalse();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ProcedureEvaluation.print(report, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("EN-LOGIN-1", "JA-LOGIN-1", "schema-valid", "mean retries");
    }
}
