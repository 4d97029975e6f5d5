package dev.concierge.adapter.llm.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmConfig.Provider;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.CaseKind;
import dev.concierge.domain.testcasegeneration.model.GeneratedCase;
import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.RequirementId;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.port.out.CaseGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationFailed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Case generation from a requirement, and the provenance and suite guidance of procedure generation, against a
 * server speaking each provider's wire protocol (the fixture answers from the schema as sim-llm does).
 */
class LangchainCaseGeneratorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Requirement LOGIN = new Requirement(new RequirementId(1), new SuiteId(1), new NewRequirement("REQ-1",
            "Sign-in", "Users sign in with email and password.",
            List.of(AcceptanceCriterion.of("AC1", "A correct password opens the dashboard"),
                    AcceptanceCriterion.of("AC2", "Five wrong passwords lock the account"))), Instant.EPOCH);
    private static final SuiteGuidance GUIDANCE = new SuiteGuidance(List.of(new GlossaryEntry("member", "a registered user")),
            List.of("1. Open the sign-in page -> the form is shown"), "Name the browser in every first step.");

    private final LlmWireFixture llm = LlmWireFixture.start();

    @AfterEach void stop() { llm.close(); }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_schema_shaped_reply_becomes_cases_whose_steps_trace_to_the_requirements_criteria(Provider provider) {
        CaseGenerator.Generated generated = generator(provider).generate(new CaseGenerator.Request(LOGIN, SuiteGuidance.NONE, Optional.empty()));

        assertThat(generated.cases()).hasSize(3);
        for (GeneratedCase c : generated.cases()) {
            assertThat(c.criteria()).isNotEmpty().allMatch(code -> code.equals("AC1") || code.equals("AC2"));
            assertThat(c.steps()).allSatisfy(step -> assertThat(step.criteria()).isNotEmpty().isSubsetOf(c.criteria()));
        }
        assertThat(llm.chatRequests()).hasSize(1);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void the_schema_offers_only_the_requirements_criterion_codes_and_the_three_kinds(Provider provider) {
        generator(provider).generate(new CaseGenerator.Request(LOGIN, SuiteGuidance.NONE, Optional.empty()));

        JsonNode body = llm.chatRequests().getFirst().json();
        JsonNode schema = provider == Provider.OLLAMA ? body.path("format") : body.at("/response_format/json_schema/schema");
        JsonNode testCase = schema.at("/properties/cases/items");
        assertThat(testCase.at("/properties/criteria/items/enum").toString()).isEqualTo("[\"AC1\",\"AC2\"]");
        assertThat(testCase.at("/properties/kind/enum").toString()).isEqualTo("[\"normal\",\"boundary\",\"error\"]");
        assertThat(testCase.at("/properties/steps/items/required").toString()).contains("criteria");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void the_prompt_states_the_requirement_its_criteria_and_the_suites_guidance(Provider provider) {
        generator(provider).generate(new CaseGenerator.Request(LOGIN, GUIDANCE, Optional.empty()));

        assertThat(systemMessage()).contains("normal", "boundary", "error", "member: a registered user",
                "1. Open the sign-in page -> the form is shown", "Name the browser in every first step.", "in English");
        assertThat(lastUserMessage()).contains("REQ-1", "Sign-in", "AC1: A correct password opens the dashboard",
                "AC2: Five wrong passwords lock the account");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_case_citing_a_criterion_the_requirement_lacks_is_retried_with_the_problem_fed_back(Provider provider) {
        llm.enqueue(Answer.content("""
                {"cases":[{"kind":"normal","title":"Sign in","preconditions":"","expectedResult":"Dashboard","criteria":["AC9"],
                  "steps":[{"action":"Sign in","expectedResult":"Dashboard","testData":"","criteria":["AC9"]}]}]}"""));

        CaseGenerator.Generated generated = generator(provider).generate(new CaseGenerator.Request(LOGIN, SuiteGuidance.NONE, Optional.empty()));

        assertThat(llm.chatRequests()).hasSize(2);
        assertThat(lastUserMessage()).contains("cases[0] names criterion AC9, which the requirement does not have");
        assertThat(generated.provenance().attempts()).isEqualTo(2);
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void regenerating_one_case_asks_for_exactly_that_case_and_keeps_one(Provider provider) {
        var only = new CaseGenerator.OneCase(CaseKind.BOUNDARY, "Fifth wrong password", List.of("AC2"));

        CaseGenerator.Generated generated = generator(provider).generate(new CaseGenerator.Request(LOGIN, SuiteGuidance.NONE, Optional.of(only)));

        assertThat(generated.cases()).hasSize(1);
        assertThat(lastUserMessage()).contains("Write exactly 1 test case, a boundary case replacing the earlier case \"Fifth wrong password\"", "AC2");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_model_that_keeps_breaking_the_rules_fails_after_three_attempts(Provider provider) {
        String bad = "{\"cases\":[]}";
        llm.enqueue(Answer.content(bad), Answer.content(bad), Answer.content(bad));

        assertThatThrownBy(() -> generator(provider).generate(new CaseGenerator.Request(LOGIN, SuiteGuidance.NONE, Optional.empty())))
                .isInstanceOf(GenerationFailed.class).hasMessageContaining("3 times").hasMessageContaining("at least 1 case");
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void generated_cases_record_provider_model_versions_attempts_and_tokens(Provider provider) {
        Provenance provenance = generator(provider).generate(new CaseGenerator.Request(LOGIN, SuiteGuidance.NONE, Optional.empty())).provenance();

        assertThat(provenance.provider()).isEqualTo(provider.name().toLowerCase());
        assertThat(provenance.model()).isEqualTo(model(provider));
        assertThat(provenance.promptTemplate()).isEqualTo(CasePrompt.VERSION);
        assertThat(provenance.schema()).isEqualTo(CaseSchema.VERSION);
        assertThat(provenance.attempts()).isEqualTo(1);
        assertThat(provenance.inputTokens()).isPositive();
        assertThat(provenance.outputTokens()).isPositive();
    }

    @ParameterizedTest @EnumSource(Provider.class)
    void a_generated_procedure_records_its_provenance_and_follows_the_suites_guidance(Provider provider) {
        var request = new ProcedureGenerator.Request("LOGIN-1", "Sign in", "", "", "", "", Language.EN, Optional.empty(), GUIDANCE);
        llm.enqueue(Answer.content("{\"steps\":[]}"));

        ProcedureGenerator.Generated generated = LangchainProcedureGenerator.from(config(provider)).generateWithProvenance(request);

        assertThat(systemMessage()).contains("Glossary", "member: a registered user", "<example 1>", "Name the browser in every first step.");
        Provenance provenance = generated.provenance().orElseThrow();
        assertThat(provenance.attempts()).isEqualTo(2);
        assertThat(provenance.model()).isEqualTo(model(provider));
        assertThat(provenance.promptTemplate()).isEqualTo(ProcedurePrompt.VERSION);
        assertThat(provenance.schema()).isEqualTo(ProcedureSchema.VERSION);
        assertThat(provenance.inputTokens()).isPositive();
        assertThat(provenance.outputTokens()).isPositive();
    }

    private CaseGenerator generator(Provider provider) {
        LlmConfig config = config(provider);
        return new LangchainCaseGenerator(StructuredOutputChatModels.forConfig(config), config, 3);
    }

    private LlmConfig config(Provider provider) { return llm.config(provider, model(provider), TIMEOUT); }

    private static String model(Provider provider) { return provider == Provider.OLLAMA ? "qwen2.5:7b" : "gpt-4o-mini"; }

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

    private static String text(JsonNode message) {
        JsonNode content = message.path("content");
        if (content.isTextual()) return content.asText();
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }
}
