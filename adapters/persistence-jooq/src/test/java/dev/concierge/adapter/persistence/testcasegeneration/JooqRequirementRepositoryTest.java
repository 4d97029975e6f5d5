package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.CaseKind;
import dev.concierge.domain.testcasegeneration.model.CaseRef;
import dev.concierge.domain.testcasegeneration.model.CaseTrace;
import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.SuiteSettings;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requirements, traces, suite settings and revision provenance on the embedded PostgreSQL. */
class JooqRequirementRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final UserId ALICE = new UserId("alice");

    private static TestDatabase db;
    private JooqRequirementRepository requirements;
    private JooqSuiteSettingsRepository settings;
    private JooqTestCaseRepository cases;
    private Suite suite;

    @BeforeAll static void migrate() { db = TestDatabase.migrated(); }

    @AfterAll static void closeDatabase() { db.close(); }

    @BeforeEach void emptyTables() {
        TestCaseGenerationTables.empty(Jooq.context(db.dataSource()));
        JooqTransactions transactions = new JooqTransactions(Jooq.context(db.dataSource()));
        requirements = new JooqRequirementRepository(transactions);
        settings = new JooqSuiteSettingsRepository(transactions);
        cases = new JooqTestCaseRepository(transactions);
        suite = new JooqSuiteRepository(transactions).create(new NewSuite("Login", ""), "qa", ALICE, T0);
    }

    private static NewRequirement login(String ac2) {
        return new NewRequirement("REQ-1", "ログイン", "利用者はメールとパスワードでログインする",
                List.of(AcceptanceCriterion.of("AC1", "正しいパスワードでダッシュボードが表示される"), AcceptanceCriterion.of("AC2", ac2)));
    }

    private TestCase generatedCase(String key, Optional<Provenance> provenance) {
        TestCase draft = cases.create(suite.id(), new TestCaseContent(new TestCaseKey(key), "Sign in", "", "", "REQ-9", "",
                Priority.MEDIUM, List.of()), T0);
        TestCase generating = cases.save(cases.save(draft.queue(T0)).startGenerating(T0));
        return cases.save(generating.generated(new Procedure(List.of(new Step("Open", "Shown"))), provenance, T0));
    }

    @Test void a_requirement_reads_back_with_its_criteria_in_order() {
        Requirement saved = requirements.save(suite.id(), login("5回失敗するとロックされる"), T0);

        assertThat(requirements.find(saved.id())).contains(saved);
        assertThat(saved.content().criteria()).extracting(AcceptanceCriterion::code).containsExactly("AC1", "AC2");
        assertThat(requirements.findByReference(suite.id(), "REQ-1")).contains(saved);
        assertThat(requirements.inSuite(suite.id())).containsExactly(saved);
    }

    @Test void importing_the_same_reference_again_replaces_its_wording_and_criteria_but_keeps_its_id() {
        Requirement first = requirements.save(suite.id(), login("5回失敗するとロックされる"), T0);

        Requirement again = requirements.save(suite.id(), new NewRequirement("REQ-1", "Login", "",
                List.of(AcceptanceCriterion.of("AC2", "3回失敗するとロックされる"))), T0.plusSeconds(60));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.content().title()).isEqualTo("Login");
        assertThat(again.content().criteria()).extracting(AcceptanceCriterion::code).containsExactly("AC2");
        assertThat(again.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test void a_trace_reads_back_and_turns_stale_when_its_criterion_changes() {
        Requirement requirement = requirements.save(suite.id(), login("5回失敗するとロックされる"), T0);
        TestCase testCase = generatedCase("REQ-1-C01", Optional.empty());
        CaseTrace trace = new CaseTrace(testCase.id(), requirement.id(), CaseKind.BOUNDARY,
                Map.of("AC2", requirement.criterion("AC2").orElseThrow().hash()), 1, List.of(List.of("AC2")));
        requirements.trace(trace);

        assertThat(requirements.traceOf(testCase.id())).contains(trace);
        assertThat(requirements.tracesInSuite(suite.id())).containsExactly(trace);
        assertThat(trace.staleAgainst(requirement)).isFalse();

        Requirement changed = requirements.save(suite.id(), login("3回失敗するとロックされる"), T0);
        assertThat(requirements.tracesOf(changed.id()).getFirst().changedCriteria(changed)).containsExactly("AC2");
    }

    @Test void a_deleted_requirement_takes_its_criteria_and_traces_along_and_leaves_its_cases() {
        Requirement requirement = requirements.save(suite.id(), login("5回失敗するとロックされる"), T0);
        TestCase testCase = generatedCase("REQ-1-C01", Optional.empty());
        requirements.trace(new CaseTrace(testCase.id(), requirement.id(), CaseKind.NORMAL, Map.of("AC1", "h"), 1, List.of()));

        assertThat(requirements.delete(requirement.id())).isTrue();

        assertThat(requirements.find(requirement.id())).isEmpty();
        assertThat(requirements.traceOf(testCase.id())).isEmpty();
        assertThat(cases.find(testCase.id())).isPresent();
        assertThat(requirements.delete(requirement.id())).isFalse();
    }

    @Test void cases_without_a_trace_or_a_known_requirement_reference_are_untraced() {
        Requirement requirement = requirements.save(suite.id(), login("x"), T0);
        TestCase traced = generatedCase("REQ-1-C01", Optional.empty());
        requirements.trace(new CaseTrace(traced.id(), requirement.id(), CaseKind.NORMAL, Map.of("AC1", "h"), 1, List.of()));
        generatedCase("LOOSE-1", Optional.empty()); // cites REQ-9, which the suite does not have
        cases.create(suite.id(), new TestCaseContent(new TestCaseKey("CITED-1"), "Cites REQ-1", "", "", "REQ-1", "",
                Priority.LOW, List.of()), T0);

        assertThat(requirements.untracedCases(suite.id(), 10)).extracting(CaseRef::key).extracting(TestCaseKey::value).containsExactly("LOOSE-1");
        assertThat(requirements.countUntraced(suite.id())).isEqualTo(1);
        assertThat(requirements.tracedCases(suite.id())).extracting(CaseRef::id).containsExactly(traced.id());
    }

    @Test void each_settings_change_is_a_new_version_and_a_stale_one_is_refused() {
        assertThat(settings.current(suite.id())).isEqualTo(SuiteSettings.none(suite.id()));
        SuiteGuidance first = new SuiteGuidance(List.of(new GlossaryEntry("会員", "登録済みの利用者")), List.of("1. ログイン画面を開く"), "敬体で書く");

        SuiteSettings v1 = settings.save(suite.id(), first, 0, ALICE, T0);
        SuiteSettings v2 = settings.save(suite.id(), new SuiteGuidance(List.of(), List.of(), "Short steps"), 1, ALICE, T0);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.guidance()).isEqualTo(first);
        assertThat(settings.current(suite.id())).isEqualTo(v2);
        assertThat(settings.versions(suite.id())).extracting(SuiteSettings::version).containsExactly(2, 1);
        assertThatThrownBy(() -> settings.save(suite.id(), first, 1, ALICE, T0)).isInstanceOf(Conflict.class);
    }

    @Test void a_generated_revision_keeps_its_provenance() {
        Provenance provenance = new Provenance("ollama", "qwen2.5:7b", "procedure-v2", "test_procedure-v1", 2, 812, 240,
                Duration.ofMillis(1532));

        TestCase generated = generatedCase("TC-1", Optional.of(provenance));

        assertThat(cases.find(generated.id()).orElseThrow().procedure().orElseThrow().provenance()).contains(provenance);
        assertThat(cases.revisions(generated.id()).getFirst().provenance()).contains(provenance);
    }
}
