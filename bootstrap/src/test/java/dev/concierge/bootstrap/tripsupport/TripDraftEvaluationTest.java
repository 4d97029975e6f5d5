package dev.concierge.bootstrap.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.domain.tripsupport.model.TravelTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The trip-draft evaluation against a model speaking each provider's wire protocol: pass rates, repairs, failures per rule. */
class TripDraftEvaluationTest {
    private static final String WITHOUT_HOTEL = """
            {"items":[
              {"date":"2027-02-01","start":"08:00","end":"10:30","kind":"transport","title":"Nozomi to Shin-Osaka","place":"Tokyo Station","notes":""},
              {"date":"2027-02-01","start":"14:00","end":"15:30","kind":"meeting","title":"Kansai Steel","place":"Osaka, Umeda","notes":""},
              {"date":"2027-02-02","start":"10:00","end":"","kind":"transport","title":"Back to Tokyo","place":"Shin-Osaka","notes":""}]}""";
    private static final String RIGHT = """
            {"items":[
              {"date":"2027-02-01","start":"08:00","end":"10:30","kind":"transport","title":"Nozomi to Shin-Osaka","place":"Tokyo Station","notes":""},
              {"date":"2027-02-01","start":"14:00","end":"15:30","kind":"meeting","title":"Kansai Steel","place":"Osaka, Umeda","notes":""},
              {"date":"2027-02-01","start":"19:00","end":"08:00","kind":"hotel","title":"Hotel Umeda","place":"Osaka, Umeda","notes":""},
              {"date":"2027-02-02","start":"10:00","end":"","kind":"transport","title":"Back to Tokyo","place":"Shin-Osaka","notes":""}]}""";
    private static final String ONLY_A_TRAIN = """
            {"items":[{"date":"2027-02-08","start":"07:00","end":"09:30","kind":"transport","title":"Nozomi to Osaka","place":"Tokyo","notes":""}]}""";

    private final LlmWireFixture llm = LlmWireFixture.start();

    @AfterEach void stop() { llm.close(); }

    @ParameterizedTest @EnumSource(LlmConfig.Provider.class)
    void it_reports_pass_rates_before_and_after_repair_the_rounds_used_and_failures_per_rule(LlmConfig.Provider provider) throws Exception {
        llm.enqueue(Answer.content(WITHOUT_HOTEL), Answer.content(RIGHT));                                  // repaired once
        llm.enqueue(Answer.content(ONLY_A_TRAIN), Answer.content(ONLY_A_TRAIN), Answer.content(ONLY_A_TRAIN)); // never right
        // The rest get the simulator's own schema answers, whose dates are no dates: no usable draft at all.
        var config = llm.config(provider, provider == LlmConfig.Provider.OLLAMA ? "qwen2.5:7b" : "gpt-4o-mini", Duration.ofSeconds(5));

        TripDraftEvaluation.Report report = TripDraftEvaluation.run(config, 2, (from, to) -> TravelTime.none());

        assertThat(report.cases()).isEqualTo(TripDraftEvaluation.set().size()).isGreaterThanOrEqualTo(6);
        assertThat(report.results()).extracting(TripDraftEvaluation.CaseResult::language).contains("en", "ja");
        var first = report.results().get(0);
        assertThat(first.passedFirst()).isFalse();
        assertThat(first.passed()).isTrue();
        assertThat(first.repairs()).isEqualTo(1);
        assertThat(first.calls()).isEqualTo(2);
        assertThat(first.firstViolations()).containsExactly("night_without_hotel");
        var second = report.results().get(1);
        assertThat(second.passed()).isFalse();
        assertThat(second.repairs()).isEqualTo(2);
        assertThat(second.calls()).as("bounded: one draft and two repairs").isEqualTo(3);
        assertThat(second.remainingViolations()).contains("visit_missing", "night_without_hotel");
        assertThat(report.results().get(2).drafted()).isFalse();
        assertThat(report.passRateFirst()).isZero();
        assertThat(report.passRateRepaired()).isEqualTo(1.0 / report.cases());
        assertThat(report.firstFailuresByRule()).containsEntry("night_without_hotel", 1 + 2).containsEntry("visit_missing", 3)
                .containsKeys("outside_trip", "overlaps_visit", "no_time_to_travel");
        assertThat(report.remainingFailuresByRule()).containsEntry("night_without_hotel", 2);

        // The repair request carried the violation back in the case's language.
        var repairRequest = llm.chatRequests().get(1).json().path("messages");
        assertThat(repairRequest.get(repairRequest.size() - 1).path("content").asText()).contains("night_without_hotel: the night of 2027-02-01");

        Path file = Files.createTempDirectory("eval").resolve("report.json");
        TripDraftEvaluation.write(report, file);
        assertThat(new ObjectMapper().readTree(file.toFile()).at("/results/0/repairs").asInt()).isEqualTo(1);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TripDraftEvaluation.print(report, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("EN-OSAKA-1", "JA-FUKUOKA-1", "pass rate: first draft 0% · after repair 17%",
                "failures per rule");
    }
}
