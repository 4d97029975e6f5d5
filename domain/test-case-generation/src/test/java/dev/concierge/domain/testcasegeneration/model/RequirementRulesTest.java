package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hashing, staleness, import comparison, coverage and generated-case rules. */
class RequirementRulesTest {
    private static final SuiteId SUITE = new SuiteId(1);

    private static Requirement requirement(String... criteria) {
        List<AcceptanceCriterion> list = new java.util.ArrayList<>();
        for (int i = 0; i < criteria.length; i++) list.add(AcceptanceCriterion.of("AC" + (i + 1), criteria[i]));
        return new Requirement(new RequirementId(1), SUITE, new NewRequirement("REQ-1", "ログイン", "", list), Instant.EPOCH);
    }

    private static CaseTrace traceOf(long caseId, Requirement r, String... codes) {
        Map<String, String> verified = new java.util.LinkedHashMap<>();
        for (String code : codes) verified.put(code, r.criterion(code).orElseThrow().hash());
        return new CaseTrace(new TestCaseId(caseId), r.id(), CaseKind.NORMAL, verified, 1, List.of(List.of(codes)));
    }

    @Test void a_criterions_hash_ignores_width_and_spacing_but_not_wording() {
        assertThat(ContentHash.of(" ５回 失敗すると\n ロックされる ")).isEqualTo(ContentHash.of("5回 失敗すると ロックされる"));
        assertThat(ContentHash.of("5回失敗するとロックされる")).isNotEqualTo(ContentHash.of("3回失敗するとロックされる"));
        assertThat(AcceptanceCriterion.of("AC1", "x").hash()).isEqualTo(ContentHash.of("x")).hasSize(32);
    }

    @Test void a_changed_criterion_makes_stale_exactly_the_cases_that_verify_it() {
        Requirement before = requirement("正しいパスワードで入れる", "5回失敗するとロックされる");
        CaseTrace normal = traceOf(1, before, "AC1");
        CaseTrace lockout = traceOf(2, before, "AC2");
        CaseTrace both = traceOf(3, before, "AC1", "AC2");

        Requirement after = requirement("正しいパスワードで入れる", "3回失敗するとロックされる");

        assertThat(normal.staleAgainst(after)).isFalse();
        assertThat(lockout.changedCriteria(after)).containsExactly("AC2");
        assertThat(both.changedCriteria(after)).containsExactly("AC2");
    }

    @Test void a_criterion_the_requirement_dropped_makes_its_cases_stale() {
        Requirement before = requirement("a", "b");
        CaseTrace trace = traceOf(1, before, "AC2");

        assertThat(trace.changedCriteria(requirement("a"))).containsExactly("AC2");
    }

    @Test void reimporting_tells_which_criteria_changed_were_added_or_removed() {
        Requirement before = requirement("a", "b", "c");
        Requirement after = new Requirement(before.id(), SUITE, new NewRequirement("REQ-1", "ログイン", "",
                List.of(AcceptanceCriterion.of("AC1", "a"), AcceptanceCriterion.of("AC2", "B!"), AcceptanceCriterion.of("AC4", "d"))), Instant.EPOCH);

        RequirementImport.Outcome outcome = RequirementImport.compare(before, after);

        assertThat(outcome.result()).isEqualTo(RequirementImport.Result.CHANGED);
        assertThat(outcome.changedCriteria()).containsExactly("AC2");
        assertThat(outcome.addedCriteria()).containsExactly("AC4");
        assertThat(outcome.removedCriteria()).containsExactly("AC3");
        assertThat(RequirementImport.compare(before, before).result()).isEqualTo(RequirementImport.Result.UNCHANGED);
    }

    @Test void coverage_flags_uncovered_and_stale_criteria_and_approves_when_every_case_is_approved() {
        Requirement before = requirement("a", "b", "c");
        CaseTrace first = traceOf(1, before, "AC1");
        CaseTrace second = traceOf(2, before, "AC2");
        Requirement now = requirement("a", "B", "c");
        CaseRef approved = new CaseRef(new TestCaseId(1), new TestCaseKey("REQ-1-C01"), "a", CaseStatus.APPROVED);
        CaseRef generated = new CaseRef(new TestCaseId(2), new TestCaseKey("REQ-1-C02"), "b", CaseStatus.GENERATED);
        CaseRef loose = new CaseRef(new TestCaseId(9), new TestCaseKey("LOOSE"), "no requirement", CaseStatus.DRAFT);

        CoverageMatrix matrix = CoverageMatrix.of(List.of(now), List.of(first, second),
                Map.of(approved.id(), approved, generated.id(), generated), List.of(loose), 1);

        assertThat(matrix.rows()).extracting(CoverageMatrix.Row::state)
                .containsExactly(CoverageMatrix.State.APPROVED, CoverageMatrix.State.STALE, CoverageMatrix.State.UNCOVERED);
        assertThat(matrix.rows().get(1).cases().getFirst().stale()).isTrue();
        assertThat(matrix.count(CoverageMatrix.State.UNCOVERED)).isEqualTo(1);
        assertThat(matrix.untraced()).containsExactly(loose);
    }

    @Test void a_generated_case_verifies_what_its_steps_verify_and_every_step_must_name_a_known_criterion() {
        Requirement r = requirement("a", "b");
        GeneratedCase fine = new GeneratedCase(CaseKind.ERROR, "t", "", "", List.of("AC1"),
                List.of(new GeneratedCase.TracedStep(new Step("do", "see"), List.of("AC2"))));
        GeneratedCase bad = new GeneratedCase(CaseKind.NORMAL, "", "", "", List.of("AC9"),
                List.of(new GeneratedCase.TracedStep(new Step("do", ""), List.of())));

        assertThat(fine.criteria()).containsExactly("AC1", "AC2");
        assertThat(GeneratedCase.problems(r, List.of(fine), 10)).isEmpty();
        assertThat(GeneratedCase.problems(r, List.of(fine, bad), 10)).containsExactlyInAnyOrder(
                "cases[1].title must not be blank", "cases[1] names criterion AC9, which the requirement does not have",
                "cases[1].steps[0].expectedResult: blank", "cases[1].steps[0].criteria must name at least 1 acceptance criterion");
        assertThat(GeneratedCase.problems(r, List.of(), 10)).containsExactly("cases must hold at least 1 case");
    }

    @Test void a_requirement_needs_a_reference_a_title_and_distinct_criteria() {
        assertThatThrownBy(() -> new NewRequirement("", "", "", List.of(AcceptanceCriterion.of("AC1", "a"), AcceptanceCriterion.of("AC1", "b"))))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).details()).extracting(dev.concierge.domain.kernel.FieldError::field)
                        .containsExactly("reference", "title", "criteria"));
        assertThat(requirement("a").caseKey(3).value()).isEqualTo("REQ-1-C03");
    }

    @Test void suite_guidance_refuses_a_repeated_glossary_term() {
        assertThatThrownBy(() -> new SuiteGuidance(List.of(new GlossaryEntry("会員", "x"), new GlossaryEntry("会員", "y")), List.of(), ""))
                .isInstanceOf(InvalidInput.class);
        assertThat(new SuiteGuidance(null, List.of(" ", ""), "  ").isEmpty()).isTrue();
        assertThat(Optional.of(SuiteGuidance.NONE).map(SuiteGuidance::isEmpty)).contains(true);
    }
}
