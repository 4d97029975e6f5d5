package dev.concierge.domain.testcasegeneration.model;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StepChecksTest {
    private static List<StepRule> rules(Step step) { return rules(step, false); }

    private static List<StepRule> rules(Step step, boolean caseNamesInputs) {
        return StepChecks.check(1, step, caseNamesInputs).stream().map(StepFinding::rule).toList();
    }

    private static Step step(String action, String result) { return new Step(action, result); }

    @Nested class One_action_per_step {
        @Test void an_english_step_with_then_or_a_second_verb_does_two_things() {
            assertThat(rules(step("Enter the user name and click Sign in", "The dashboard is displayed"))).contains(StepRule.ONE_ACTION);
            assertThat(rules(step("Open the cart, then press Checkout", "The payment page is displayed"))).contains(StepRule.ONE_ACTION);
            assertThat(rules(step("Open the cart. Press Checkout", "The payment page is displayed"))).contains(StepRule.ONE_ACTION);
        }

        @Test void a_japanese_step_joined_with_te_or_a_second_sentence_does_two_things() {
            assertThat(rules(step("ユーザー名を入力して、ログインボタンを押す", "ダッシュボードが表示される"))).contains(StepRule.ONE_ACTION);
            assertThat(rules(step("カートを開いてから購入ボタンを押す", "支払い画面が表示される"))).contains(StepRule.ONE_ACTION);
            assertThat(rules(step("カートを開く。購入ボタンを押す", "支払い画面が表示される"))).contains(StepRule.ONE_ACTION);
        }

        @Test void a_single_action_passes_in_both_languages() {
            assertThat(rules(step("Click the Sign in button", "The dashboard is displayed"))).isEmpty();
            assertThat(rules(step("ログインボタンを押す", "ダッシュボードが表示される"))).isEmpty();
            assertThat(rules(step("注文について、詳細画面を開く", "注文詳細画面が表示される"))).doesNotContain(StepRule.ONE_ACTION);
        }
    }

    @Nested class Observable_expected_result {
        @Test void an_english_result_that_only_says_it_works_is_not_observable() {
            var findings = StepChecks.check(1, step("Click Save", "It works as expected"), false);
            assertThat(findings).extracting(StepFinding::rule).containsExactly(StepRule.OBSERVABLE_RESULT);
            assertThat(findings.getFirst().args()).containsExactly("as expected");
            assertThat(findings.getFirst().field()).isEqualTo("expectedResult");
        }

        @Test void a_japanese_result_that_only_says_it_works_is_not_observable() {
            var findings = StepChecks.check(1, step("保存ボタンを押す", "正常に動作すること"), false);
            assertThat(findings).extracting(StepFinding::rule).containsExactly(StepRule.OBSERVABLE_RESULT);
            assertThat(findings.getFirst().args()).containsExactly("正常に動作");
        }

        @Test void a_result_naming_what_appears_passes() {
            assertThat(rules(step("Click Save", "The message \"Saved\" is displayed and works as expected"))).isEmpty();
            assertThat(rules(step("保存ボタンを押す", "「保存しました」と表示される"))).isEmpty();
        }

        @Test void a_result_too_short_to_name_anything_is_flagged_without_a_phrase() {
            var findings = StepChecks.check(1, step("Click Save", "OK"), false);
            assertThat(findings).extracting(StepFinding::rule).containsExactly(StepRule.OBSERVABLE_RESULT);
            assertThat(findings.getFirst().args()).containsExactly("");
            assertThat(rules(step("保存ボタンを押す", "できる"))).containsExactly(StepRule.OBSERVABLE_RESULT);
        }
    }

    @Nested class Concrete_test_data {
        @Test void an_input_step_without_a_value_is_flagged_when_the_case_names_inputs() {
            assertThat(rules(step("Enter the password", "The password field shows dots"), true)).containsExactly(StepRule.CONCRETE_DATA);
            assertThat(rules(step("パスワードを入力する", "パスワード欄に伏字が表示される"), true)).containsExactly(StepRule.CONCRETE_DATA);
        }

        @Test void vague_test_data_is_flagged_in_both_languages() {
            assertThat(rules(new Step("Enter the password", "The password field shows dots", Optional.of("a valid value")), true))
                    .containsExactly(StepRule.CONCRETE_DATA);
            assertThat(rules(new Step("パスワードを入力する", "パスワード欄に伏字が表示される", Optional.of("有効な値")), true))
                    .containsExactly(StepRule.CONCRETE_DATA);
        }

        @Test void a_concrete_value_in_the_data_or_the_action_passes() {
            assertThat(rules(new Step("Enter the password", "The password field shows dots", Optional.of("Secr3t!pass")), true)).isEmpty();
            assertThat(rules(step("Enter \"Secr3t!pass\" as the password", "The password field shows dots"), true)).isEmpty();
            assertThat(rules(new Step("パスワードを入力する", "パスワード欄に伏字が表示される", Optional.of("Secr3t!pass")), true)).isEmpty();
            assertThat(rules(step("パスワード欄に「Secr3t」を入力する", "パスワード欄に伏字が表示される"), true)).isEmpty();
        }

        @Test void a_case_without_inputs_does_not_ask_for_data() {
            assertThat(rules(step("Select the first order", "The order detail page is displayed"), false)).isEmpty();
        }

        @Test void whether_a_case_names_inputs_is_read_from_its_wording() {
            assertThat(StepChecks.namesInputs(content("Log in with a wrong password", ""))).isTrue();
            assertThat(StepChecks.namesInputs(content("誤ったパスワードでログインする", ""))).isTrue();
            assertThat(StepChecks.namesInputs(content("The home page loads", ""))).isFalse();
            assertThat(StepChecks.namesInputs(content("トップページが開く", ""))).isFalse();
        }
    }

    @Nested class Unambiguous_words {
        @Test void english_or_and_etc_are_flagged_with_the_word() {
            var findings = StepChecks.check(1, step("Click Save or press Enter", "The list shows the new row, the count, etc."), false);
            assertThat(findings).extracting(StepFinding::rule).contains(StepRule.UNAMBIGUOUS);
            assertThat(findings.stream().filter(f -> f.rule() == StepRule.UNAMBIGUOUS).map(f -> f.args().getFirst()))
                    .containsExactlyInAnyOrder("or", "etc.");
        }

        @Test void japanese_mataha_and_tekisetsu_are_flagged_with_the_word() {
            var findings = StepChecks.check(1, step("保存ボタンまたはEnterキーを押す", "適切なメッセージが表示される"), false);
            assertThat(findings.stream().filter(f -> f.rule() == StepRule.UNAMBIGUOUS).map(f -> f.args().getFirst()))
                    .containsExactlyInAnyOrder("または", "適切");
        }

        @Test void quoted_screen_text_is_not_the_testers_instruction() {
            assertThat(rules(step("Click \"Save and close\"", "The message \"Name or email is wrong\" is displayed"))).isEmpty();
            assertThat(rules(step("「保存して閉じる」ボタンを押す", "「はい または いいえ」と表示される"))).isEmpty();
        }

        @Test void words_that_merely_contain_a_flagged_word_pass() {
            assertThat(rules(step("Open the order history", "The error message \"Not found\" is displayed"))).isEmpty();
        }
    }

    @Nested class Length {
        @Test void an_english_action_over_its_limit_is_flagged_with_the_figures() {
            String action = "Click the " + "very ".repeat(50) + "long button";
            var findings = StepChecks.check(1, step(action, "The page \"Done\" is displayed"), false);
            assertThat(findings).extracting(StepFinding::rule).containsExactly(StepRule.LENGTH);
            assertThat(findings.getFirst().args()).containsExactly(String.valueOf(action.length()), "200");
        }

        @Test void a_japanese_result_over_its_shorter_limit_is_flagged() {
            String result = "「完了」と表示される" + "。".repeat(0) + "あ".repeat(120);
            assertThat(rules(step("保存ボタンを押す", result))).containsExactly(StepRule.LENGTH);
        }
    }

    @Test void the_score_is_the_mean_of_the_steps_each_losing_its_findings_penalties() {
        Procedure procedure = new Procedure(List.of(
                step("Click Save", "The message \"Saved\" is displayed"),                 // 100
                step("Click Save or press Enter", "It works as expected")));              // 100 - 20 - 30 = 50
        ProcedureScore score = StepChecks.check(procedure, content("Saving a draft", ""));
        assertThat(score.score()).isEqualTo(75);
        assertThat(score.at(1)).isEmpty();
        assertThat(score.at(2)).extracting(StepFinding::rule).containsExactlyInAnyOrder(StepRule.UNAMBIGUOUS, StepRule.OBSERVABLE_RESULT);
        assertThat(score.stepScore(2)).isEqualTo(50);
    }

    @Test void a_clean_japanese_procedure_scores_100() {
        Procedure procedure = new Procedure(List.of(
                new Step("ログイン画面でパスワードを入力する", "パスワード欄に伏字が表示される", Optional.of("Secr3t!pass")),
                step("ログインボタンを押す", "ダッシュボード画面に遷移する")));
        assertThat(StepChecks.check(procedure, content("正しいパスワードでログインできる", "")).score()).isEqualTo(100);
    }

    static TestCaseContent content(String title, String requirement) {
        return new TestCaseContent(new TestCaseKey("TC-1"), title, "", "", "", requirement, Priority.MEDIUM, List.of());
    }
}
