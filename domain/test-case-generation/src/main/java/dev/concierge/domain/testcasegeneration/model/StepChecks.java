package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The step rules ({@link StepRule}) as checks in Japanese and English. Each step is judged in its own language (a
 * Japanese step may quote an English label). The checks are word lists and patterns, not a model: they catch the
 * common ways a step goes wrong, the same way every time, and a reviewer decides what a finding means.
 */
public final class StepChecks {
    /** Longest action / expected result a tester reads at a glance; Japanese says as much in about half the characters. */
    public static final int MAX_ACTION_EN = 200, MAX_RESULT_EN = 250, MAX_ACTION_JA = 100, MAX_RESULT_JA = 120;

    private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    // One action: a second sentence, "then", a semicolon, or "and" before another verb.
    private static final Pattern EN_SECOND_ACTION = Pattern.compile(
            ";|\\bthen\\b|\\b(?:and|,)\\s+(?:then\\s+)?(?:click|press|tap|enter|type|input|select|choose|open|submit|navigate|go|log|sign|fill|"
                    + "check|upload|save|delete|close|scroll|wait|reload|refresh)\\b|(?-i:[.!?]\\s+[A-Z])", I);
    // "入力して、押す", "入力し、送信する", "開いてから", "その後", a second sentence.
    private static final Pattern JA_SECOND_ACTION = Pattern.compile(
            "(?<!につい|に対し|によっ|におい|とし|につ)て、|(?<![少])し、|[てで]から|[ただ](?:後|あと)|その後|次に|。(?=.)");

    private static final List<String> EN_VAGUE_RESULTS = List.of("as expected", "works correctly", "works properly", "works fine",
            "work correctly", "functions correctly", "behaves correctly", "is correct", "no problem", "no issues",
            "without problems", "is ok", "is fine", "is successful", "succeeds", "normally");
    private static final List<String> JA_VAGUE_RESULTS = List.of("期待通り", "期待どおり", "想定通り", "想定どおり", "正常に動作", "正しく動作",
            "問題ない", "問題がない", "問題なく", "うまく", "正常に処理", "成功する");
    private static final Pattern EN_OBSERVABLE = Pattern.compile("\\b(?:display(?:s|ed)?|shown|shows?|appears?|visible|message|page|"
            + "screen|redirect(?:s|ed)?|navigat\\w*|status|label|title|field|button|list|table|dialog|popup|banner|e-?mail|"
            + "notification|count|total|error|reads?|contains?|changes? to|saved|stored|sent|disabled|enabled)\\b|[\"'“”‘’]|\\d", I);
    private static final Pattern JA_OBSERVABLE = Pattern.compile("表示|画面|メッセージ|遷移|[「『\"]|ボタン|一覧|メール|通知|ステータス|"
            + "エラー|件|円|ダイアログ|項目|欄|変わる|変更され|記録され|保存され|送信され|出力|無効|有効|\\d");

    private static final Pattern EN_INPUT_STEP = Pattern.compile("\\b(?:enter|type|input|fill(?: in)?|select|choose|upload|set)\\b", I);
    private static final Pattern JA_INPUT_STEP = Pattern.compile("入力|選択|アップロード|記入|設定");
    private static final Pattern EN_CASE_INPUTS = Pattern.compile("\\b(?:enter(?:s|ed)?|input|types?|fill|password|e-?mail|amount|"
            + "quantity|value|name|date|code|username|id|number)\\b", I);
    private static final Pattern JA_CASE_INPUTS = Pattern.compile("入力|パスワード|メールアドレス|金額|数量|値|名前|氏名|日付|コード|ID|番号");
    private static final Pattern CONCRETE_VALUE = Pattern.compile("[\"'“”‘’「『]|\\d");
    private static final List<String> EN_VAGUE_DATA = List.of("valid data", "valid value", "valid input", "appropriate", "any value",
            "some value", "test data", "sample data", "dummy", "suitable", "correct value", "invalid data", "invalid value");
    private static final List<String> JA_VAGUE_DATA = List.of("適切な", "任意", "有効な値", "有効なデータ", "正しい値", "テストデータ",
            "ダミー", "無効な値", "無効なデータ", "適当な");

    private static final Pattern EN_AMBIGUOUS = Pattern.compile("\\b(?:and/or|or|etc\\.?|e\\.g\\.|some|several|various|appropriate(?:ly)?|"
            + "suitable|as needed|if necessary|if needed|maybe|possibly|probably|approximately|roughly|somehow|whatever|"
            + "reasonable|sufficient(?:ly)?)(?![\\w])", I);
    private static final Pattern JA_AMBIGUOUS = Pattern.compile("または|もしくは|あるいは|など|適切|適宜|必要に応じて|必要があれば|いくつか|"
            + "何らかの|任意の|場合によって|おそらく|程度|等の|なるべく");

    /** Quoted text is what the screen says ("Save and close", 「はい または いいえ」), not the tester's instructions. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|「[^」]*」|『[^』]*』");

    private StepChecks() {}

    /** Every finding of the procedure's steps and its score, judged against the case it verifies. */
    public static ProcedureScore check(Procedure procedure, TestCaseContent testCase) {
        boolean caseNamesInputs = namesInputs(testCase);
        List<StepFinding> findings = new ArrayList<>();
        for (int i = 0; i < procedure.steps().size(); i++) findings.addAll(check(i + 1, procedure.steps().get(i), caseNamesInputs));
        int total = 0;
        for (int i = 0; i < procedure.steps().size(); i++) {
            int step = i + 1;
            total += Math.max(0, 100 - findings.stream().filter(f -> f.step() == step).mapToInt(f -> f.rule().penalty()).sum());
        }
        return new ProcedureScore(Math.round((float) total / procedure.steps().size()), findings);
    }

    /** The findings of one step (numbered {@code number}); {@code caseNamesInputs}: the case speaks of values to enter. */
    public static List<StepFinding> check(int number, Step step, boolean caseNamesInputs) {
        boolean ja = Language.detect(step.action() + step.expectedResult()) == Language.JA;
        List<StepFinding> found = new ArrayList<>();
        if ((ja ? JA_SECOND_ACTION : EN_SECOND_ACTION).matcher(unquoted(step.action())).find()) {
            found.add(StepFinding.of(number, "action", StepRule.ONE_ACTION));
        }
        unobservable(step.expectedResult(), ja).ifPresent(phrase -> found.add(StepFinding.of(number, "expectedResult", StepRule.OBSERVABLE_RESULT, phrase)));
        if (caseNamesInputs && (ja ? JA_INPUT_STEP : EN_INPUT_STEP).matcher(step.action()).find()) {
            if (step.testData().isEmpty() && !CONCRETE_VALUE.matcher(step.action()).find()) {
                found.add(StepFinding.of(number, "testData", StepRule.CONCRETE_DATA));
            } else if (step.testData().isPresent() && vagueData(step.testData().get(), ja)) {
                found.add(StepFinding.of(number, "testData", StepRule.CONCRETE_DATA));
            }
        }
        ambiguous(number, "action", step.action(), ja, found);
        ambiguous(number, "expectedResult", step.expectedResult(), ja, found);
        step.testData().ifPresent(data -> ambiguous(number, "testData", data, ja, found));
        length(number, "action", step.action(), ja ? MAX_ACTION_JA : MAX_ACTION_EN, found);
        length(number, "expectedResult", step.expectedResult(), ja ? MAX_RESULT_JA : MAX_RESULT_EN, found);
        return found;
    }

    /** Whether the case speaks of values a tester enters (a password, an amount, 入力する値). */
    public static boolean namesInputs(TestCaseContent testCase) {
        String text = testCase.title() + "\n" + testCase.preconditions() + "\n" + testCase.expectedResult() + "\n" + testCase.requirementText();
        return EN_CASE_INPUTS.matcher(text).find() || JA_CASE_INPUTS.matcher(text).find();
    }

    /** The vague phrase of a result that names nothing observable ("" when it is merely too short to name anything). */
    private static java.util.Optional<String> unobservable(String result, boolean ja) {
        boolean observable = (ja ? JA_OBSERVABLE : EN_OBSERVABLE).matcher(result).find();
        if (observable) return java.util.Optional.empty();
        String lower = result.toLowerCase(Locale.ROOT);
        for (String phrase : ja ? JA_VAGUE_RESULTS : EN_VAGUE_RESULTS) if (lower.contains(phrase)) return java.util.Optional.of(phrase);
        boolean tooShort = ja ? Validation.length(result) < 8 : result.strip().split("\\s+").length < 4;
        return tooShort ? java.util.Optional.of("") : java.util.Optional.empty();
    }

    private static boolean vagueData(String data, boolean ja) {
        if (CONCRETE_VALUE.matcher(data).find() && !ja) return false;
        String lower = data.toLowerCase(Locale.ROOT);
        return (ja ? JA_VAGUE_DATA : EN_VAGUE_DATA).stream().anyMatch(lower::contains);
    }

    private static void ambiguous(int number, String field, String text, boolean ja, List<StepFinding> found) {
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = (ja ? JA_AMBIGUOUS : EN_AMBIGUOUS).matcher(unquoted(text));
        while (matcher.find()) words.add(matcher.group().toLowerCase(Locale.ROOT));
        for (String word : words) found.add(StepFinding.of(number, field, StepRule.UNAMBIGUOUS, word));
    }

    private static String unquoted(String text) { return QUOTED.matcher(text).replaceAll(" "); }

    private static void length(int number, String field, String text, int limit, List<StepFinding> found) {
        int length = Validation.length(text);
        if (length > limit) found.add(StepFinding.of(number, field, StepRule.LENGTH, length, limit));
    }
}
