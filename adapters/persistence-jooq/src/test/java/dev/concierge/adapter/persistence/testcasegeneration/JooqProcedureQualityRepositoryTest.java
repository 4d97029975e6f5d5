package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.ModelFinding;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureQuality.ModelReview;
import dev.concierge.domain.testcasegeneration.model.ProcedureScore;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.StepChecks;
import dev.concierge.domain.testcasegeneration.model.StepReview;
import dev.concierge.domain.testcasegeneration.model.StepRule;
import dev.concierge.domain.testcasegeneration.model.StepVerdict;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JooqProcedureQualityRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final UserId ALICE = new UserId("alice");

    private static TestDatabase db;
    private JooqTestCaseRepository cases;
    private JooqProcedureQualityRepository qualities;
    private TestCase testCase;

    @BeforeAll static void migrate() { db = TestDatabase.migrated(); }

    @AfterAll static void closeDatabase() { db.close(); }

    @BeforeEach void aGeneratedCase() {
        TestCaseGenerationTables.empty(Jooq.context(db.dataSource()));
        JooqTransactions transactions = new JooqTransactions(Jooq.context(db.dataSource()));
        cases = new JooqTestCaseRepository(transactions);
        qualities = new JooqProcedureQualityRepository(transactions);
        Suite suite = new JooqSuiteRepository(transactions).create(new NewSuite("Login", ""), "qa", ALICE, T0);
        TestCase draft = cases.create(suite.id(), new TestCaseContent(new TestCaseKey("TC-1"), "パスワードでログインする", "", "", "", "",
                Priority.HIGH, List.of()), T0);
        TestCase generating = cases.save(cases.save(draft.queue(T0)).startGenerating(T0));
        testCase = cases.save(generating.generated(new Procedure(List.of(
                new Step("パスワードを入力して、ログインボタンを押す", "正常に動作すること"),
                new Step("ヘッダーを見る", "「alice」と表示される"))), T0));
    }

    @Test void a_score_reads_back_with_every_finding_and_its_figures() {
        ProcedureScore score = StepChecks.check(testCase.procedure().orElseThrow().procedure(), testCase.content());
        qualities.saveScore(testCase.id(), 1, score);
        assertThat(qualities.score(testCase.id(), 1)).contains(score);
        assertThat(score.findings()).extracting(f -> f.rule()).contains(StepRule.ONE_ACTION, StepRule.OBSERVABLE_RESULT);
        assertThat(qualities.score(testCase.id(), 2)).isEmpty();
    }

    @Test void scoring_a_revision_again_replaces_its_score() {
        qualities.saveScore(testCase.id(), 1, new ProcedureScore(40, List.of()));
        qualities.saveScore(testCase.id(), 1, new ProcedureScore(90, List.of()));
        assertThat(qualities.score(testCase.id(), 1)).map(ProcedureScore::score).hasValue(90);
    }

    @Test void model_findings_read_back_with_and_without_a_step() {
        ModelReview review = new ModelReview(List.of(new ModelFinding(Optional.of(1), "エラーメッセージを確認していない"),
                new ModelFinding(Optional.empty(), "ログアウトの確認がない")), T0);
        qualities.saveModelReview(testCase.id(), 1, review);
        assertThat(qualities.modelReview(testCase.id(), 1)).contains(review);
    }

    @Test void step_reviews_keep_every_decision_oldest_first() {
        qualities.addStepReview(testCase.id(), new StepReview(1, 2, StepVerdict.ACCEPTED, "ok", ALICE, T0));
        qualities.addStepReview(testCase.id(), new StepReview(1, 1, StepVerdict.ACCEPTED, "", ALICE, T0.plusSeconds(1)));
        assertThat(qualities.stepReviews(testCase.id(), 1)).extracting(StepReview::step).containsExactly(2, 1);
        assertThat(qualities.stepReviews(testCase.id(), 1).getFirst().note()).isEqualTo("ok");
    }

    @Test void a_score_for_a_revision_that_does_not_exist_is_refused_by_the_database() {
        assertThatThrownBy(() -> qualities.saveScore(testCase.id(), 7, new ProcedureScore(100, List.of())))
                .isInstanceOf(RuntimeException.class);
    }

    @Test void everything_goes_with_the_case() {
        qualities.saveScore(testCase.id(), 1, new ProcedureScore(100, List.of()));
        qualities.addStepReview(testCase.id(), new StepReview(1, 1, StepVerdict.ACCEPTED, "", ALICE, T0));
        cases.delete(testCase.id());
        assertThat(qualities.score(testCase.id(), 1)).isEmpty();
        assertThat(qualities.stepReviews(testCase.id(), 1)).isEmpty();
    }
}
