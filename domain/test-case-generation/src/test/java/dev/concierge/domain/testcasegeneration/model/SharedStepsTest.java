package dev.concierge.domain.testcasegeneration.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SharedStepsTest {
    private static long ids = 0;

    private static TestCase withSteps(String key, Step... steps) {
        var content = new TestCaseContent(new TestCaseKey(key), key, "", "", "", "", Priority.MEDIUM, List.of());
        var revision = new ProcedureRevision(1, new Procedure(List.of(steps)), RevisionKind.GENERATED, Optional.empty(), Instant.EPOCH,
                RevisionChange.firstOf(new Procedure(List.of(steps))), Optional.empty());
        return new TestCase(new TestCaseId(++ids), new SuiteId(1), content, CaseStatus.GENERATED, Optional.of(revision), Optional.empty(),
                Optional.empty(), 0, Instant.EPOCH);
    }

    private static final Step OPEN = new Step("ログイン画面を開く", "フォームが表示される");
    private static final Step SIGN_IN = new Step("正しいパスワードでログインする", "ダッシュボードが表示される", Optional.of("alice"));
    private static final Step OPEN_MENU = new Step("メニューを開く", "項目が並ぶ");

    @Test void two_steps_in_a_row_that_two_cases_repeat_are_a_candidate_with_both_cases() {
        var found = SharedSteps.find(List.of(
                withSteps("TC-1", OPEN, SIGN_IN, new Step("注文する", "注文が確定する")),
                withSteps("TC-2", new Step("トップを開く", "トップが表示される"), OPEN, SIGN_IN),
                withSteps("TC-3", OPEN, new Step("登録する", "登録される"))));
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().steps()).containsExactly(OPEN, SIGN_IN);
        assertThat(found.getFirst().cases()).extracting(c -> c.key().value()).containsExactly("TC-1", "TC-2");
    }

    @Test void width_case_spaces_and_punctuation_do_not_make_steps_different() {
        var found = SharedSteps.find(List.of(
                withSteps("TC-1", new Step("Open the login page.", "The form shows"), new Step("Sign in", "Dashboard")),
                withSteps("TC-2", new Step("open  the ＬＯＧＩＮ page", "the form shows."), new Step("sign in!", "dashboard"))));
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().steps().getFirst().action()).isEqualTo("Open the login page.");
    }

    @Test void only_the_longest_run_shared_by_the_same_cases_is_listed() {
        var found = SharedSteps.find(List.of(withSteps("TC-1", OPEN, SIGN_IN, OPEN_MENU), withSteps("TC-2", OPEN, SIGN_IN, OPEN_MENU)));
        assertThat(found).singleElement().satisfies(c -> assertThat(c.steps()).containsExactly(OPEN, SIGN_IN, OPEN_MENU));
    }

    @Test void a_shorter_run_shared_by_more_cases_is_listed_too() {
        var found = SharedSteps.find(List.of(withSteps("TC-1", OPEN, SIGN_IN, OPEN_MENU), withSteps("TC-2", OPEN, SIGN_IN, OPEN_MENU),
                withSteps("TC-3", OPEN, SIGN_IN)));
        assertThat(found).extracting(c -> c.steps().size() + ":" + c.cases().size()).containsExactly("2:3", "3:2");
    }

    @Test void one_shared_step_is_not_a_candidate_nor_is_a_run_in_one_case_only() {
        assertThat(SharedSteps.find(List.of(withSteps("TC-1", OPEN, SIGN_IN), withSteps("TC-2", OPEN, OPEN_MENU)))).isEmpty();
        assertThat(SharedSteps.find(List.of(withSteps("TC-1", OPEN, SIGN_IN, OPEN, SIGN_IN)))).isEmpty();
    }

    @Test void different_test_data_makes_steps_different() {
        var other = new Step(SIGN_IN.action(), SIGN_IN.expectedResult(), Optional.of("bob"));
        assertThat(SharedSteps.find(List.of(withSteps("TC-1", OPEN, SIGN_IN), withSteps("TC-2", OPEN, other)))).isEmpty();
    }
}
