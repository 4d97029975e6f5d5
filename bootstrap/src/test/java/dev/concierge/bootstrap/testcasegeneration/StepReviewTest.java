package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.bootstrap.Browser;
import dev.concierge.bootstrap.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scored steps and per-step review on the real wiring: PostgreSQL, the job queue and workers, a model speaking
 * Ollama's wire protocol, and the second model pass switched on (GENERATION_MODEL_REVIEW=true). Over HTTP and in a
 * real headless Chromium, on a desktop and at 390 px, in Japanese and English.
 */
class StepReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCEDURE = """
            {"steps":[{"action":"ログイン画面を開く","expectedResult":"ログインフォームが表示される","testData":""},
                      {"action":"パスワードを入力して、ログインボタンを押す","expectedResult":"正常に動作すること","testData":""},
                      {"action":"ヘッダーを見る","expectedResult":"「alice」と表示される","testData":""}]}""";
    private static final String REVIEW = """
            {"findings":[{"step":2,"problem":"入力と押下が一つの手順にまとまっている"},{"step":0,"problem":"ログアウトの確認がない"}]}""";
    private static final String ONE_STEP = """
            {"steps":[{"action":"ログインボタンを押す","expectedResult":"ダッシュボード画面が表示される","testData":""}]}""";

    private static LlmWireFixture llm;
    private static RunningApp running;

    @BeforeAll static void start() {
        llm = LlmWireFixture.start();
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "LLM_TIMEOUT_SECONDS", "20",
                "GENERATION_POLL_MILLIS", "100", "GENERATION_MODEL_REVIEW", "true"));
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void a_generated_procedure_is_scored_with_reasons_per_step_in_the_readers_language_and_the_second_pass_is_kept() throws Exception {
        long id = generatedCase("ログイン");

        JsonNode ja = json(get("/api/test-cases/" + id + "/quality", "ja"));
        assertThat(ja.get("revision").asInt()).isEqualTo(1);
        assertThat(ja.get("score").asInt()).isEqualTo(73); // (100 + 20 + 100) / 3: step 2 breaks three rules
        assertThat(ja.get("summary").asText()).isEqualTo("スコア 73/100 · 3 手順中 2 手順がすべてのチェックに合格");
        JsonNode step2 = ja.get("steps").get(1);
        assertThat(step2.get("score").asInt()).isEqualTo(20);
        assertThat(step2.get("findings").findValuesAsText("rule")).containsExactlyInAnyOrder("one_action", "observable_result", "concrete_data");
        assertThat(step2.get("findings").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("1 つの手順では 1 つの操作"));
        assertThat(step2.get("findings").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("「正常に動作」"));
        assertThat(step2.get("modelFindings").get(0).asText()).isEqualTo("入力と押下が一つの手順にまとまっている");
        assertThat(ja.at("/modelReview/findings/1/step").isNull()).isTrue();
        assertThat(ja.get("steps").get(0).get("findings")).isEmpty();

        JsonNode en = json(get("/api/test-cases/" + id + "/quality", "en"));
        assertThat(en.get("summary").asText()).isEqualTo("Score 73/100 · 2 of 3 steps pass every check");
        assertThat(en.get("steps").get(1).get("findings").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).startsWith("Do one thing per step"));
    }

    @Test void one_step_is_accepted_edited_and_regenerated_while_the_others_stay() throws Exception {
        long id = generatedCase("手順ごと");
        long version = json(running.get("/api/test-cases/" + id)).get("version").asLong();

        JsonNode accepted = json(post("/api/test-cases/" + id + "/steps/1/accept", "{\"note\":\"明確\",\"version\":" + version + "}", "ja"));
        assertThat(accepted.at("/quality/steps/0/review/verdictName").asText()).isEqualTo("承認済み");
        assertThat(accepted.at("/quality/steps/0/review/note").asText()).isEqualTo("明確");
        assertThat(accepted.at("/testCase/procedure/number").asInt()).isEqualTo(1);

        var edited = post("/api/test-cases/" + id + "/steps/3", null, "ja"); // wrong method: PUT edits
        assertThat(edited.statusCode()).isIn(404, 405);
        JsonNode put = json(running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/test-cases/" + id + "/steps/2"))
                .header("Content-Type", "application/json").header("Accept-Language", "ja")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"action\":\"パスワード欄に入力する\",\"expectedResult\":\"パスワード欄に伏字が表示される\","
                        + "\"testData\":\"Secr3t!\",\"note\":\"入力だけにした\",\"version\":" + version + "}"))));
        assertThat(put.at("/testCase/procedure/number").asInt()).isEqualTo(2);
        assertThat(put.at("/quality/steps/1/findings")).isEmpty();
        assertThat(put.at("/quality/steps/1/review/verdict").asText()).isEqualTo("edited");
        assertThat(put.at("/testCase/procedure/steps/0/action").asText()).isEqualTo("ログイン画面を開く");
        assertThat(put.at("/testCase/procedure/steps/2/action").asText()).isEqualTo("ヘッダーを見る");

        llm.enqueue(Answer.content(ONE_STEP));
        long now = put.at("/testCase/version").asLong();
        JsonNode regenerated = json(post("/api/test-cases/" + id + "/steps/2/regenerate", "{\"note\":\"押下だけに\",\"version\":" + now + "}", "ja"));
        assertThat(regenerated.at("/testCase/procedure/number").asInt()).isEqualTo(3);
        assertThat(regenerated.at("/testCase/procedure/steps/1/action").asText()).isEqualTo("ログインボタンを押す");
        assertThat(regenerated.at("/testCase/procedure/steps").size()).isEqualTo(3);
        assertThat(regenerated.at("/quality/steps/1/review/verdictName").asText()).isEqualTo("再生成済み");
        assertThat(llm.chatRequests().getLast().body()).contains("押下だけに", "Rewrite step 2 only");

        // Revision 1's score and decisions stay with revision 1.
        JsonNode first = json(get("/api/test-cases/" + id + "/quality?revision=1", "en"));
        assertThat(first.get("score").asInt()).isEqualTo(73);
        assertThat(first.at("/steps/0/review/verdict").asText()).isEqualTo("accepted");
    }

    @Test void refusals_are_worded_for_the_reader() throws Exception {
        long id = generatedCase("拒否");
        long version = json(running.get("/api/test-cases/" + id)).get("version").asLong();

        var noStep = post("/api/test-cases/" + id + "/steps/9/accept", "{\"version\":" + version + "}", "ja");
        assertThat(noStep.statusCode()).isEqualTo(422);
        assertThat(json(noStep).at("/error/code").asText()).isEqualTo("no_such_step");
        assertThat(json(noStep).at("/error/message").asText()).isEqualTo("手順にその番号はありません。");

        assertThat(post("/api/test-cases/" + id + "/steps/0/accept", "{\"version\":" + version + "}", "en").statusCode()).isEqualTo(400);
        assertThat(post("/api/test-cases/" + id + "/steps/1/accept", "{}", "en").statusCode()).isEqualTo(400);
        assertThat(post("/api/test-cases/" + id + "/steps/1/accept", "{\"version\":" + (version + 5) + "}", "en").statusCode()).isEqualTo(409);
        assertThat(post("/api/test-cases/" + id + "/steps/1/accept", "{\"version\":" + version + ",\"verdict\":\"x\"}", "en").statusCode()).isEqualTo(400);

        long draft = json(running.post("/api/suites/" + json(running.get("/api/test-cases/" + id)).get("suiteId").asLong() + "/test-cases",
                "{\"key\":\"TC-NONE\",\"title\":\"まだ手順なし\"}")).get("id").asLong();
        var none = get("/api/test-cases/" + draft + "/quality", "en");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(json(none).at("/error/message").asText()).startsWith("The test case has no procedure yet");
    }

    @Test void the_per_step_review_in_the_browser_shows_scores_and_reasons_and_accepts_and_regenerates_a_step() throws Exception {
        long id = generatedCase("ブラウザー");
        ChromeDriver browser = Browser.start(1280, 2000);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(running.base() + "/test-cases/cases/" + id + "?lang=ja");
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#steps > li .tcg-step-review"), 3));
            assertThat(browser.findElement(By.id("quality-summary")).getText()).contains("スコア 73/100");
            List<WebElement> reviews = browser.findElements(By.cssSelector("#steps > li .tcg-step-review"));
            assertThat(reviews.get(0).getText()).contains("手順スコア 100/100", "すべてのチェックに合格");
            assertThat(reviews.get(1).getText()).contains("手順スコア 20/100", "操作: 1 つの手順では 1 つの操作",
                    "期待結果: 期待結果に、テスターが確認できることが書かれていません", "モデルによる再確認の指摘: 入力と押下が一つの手順にまとまっている");
            assertThat(browser.findElement(By.id("quality-model")).getText()).contains("ログアウトの確認がない");
            Browser.screenshot(browser, "step-review-scores-ja");

            reviews.get(0).findElement(By.name("stepNote")).sendKeys("このままでよい");
            reviews.get(0).findElement(By.cssSelector("button[data-tcg-step=accept]")).click();
            wait.until(Browser.replaced(reviews.get(0)));
            WebElement verdict = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#steps > li:first-child .verdict")));
            assertThat(verdict.getText()).contains("承認済み", "このままでよい");

            llm.enqueue(Answer.content(ONE_STEP));
            WebElement second = browser.findElements(By.cssSelector("#steps > li .tcg-step-review")).get(1);
            second.findElement(By.name("stepNote")).sendKeys("押下だけにしてください");
            second.findElement(By.cssSelector("button[data-tcg-step=regenerate]")).click();
            wait.until(Browser.replaced(second));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#steps > li .tcg-step-review"), 3));
            List<WebElement> actions = browser.findElements(By.cssSelector("#steps textarea[name=action]"));
            assertThat(actions).extracting(a -> a.getDomProperty("value"))
                    .containsExactly("ログイン画面を開く", "ログインボタンを押す", "ヘッダーを見る");
            assertThat(browser.findElements(By.cssSelector("#steps > li .tcg-step-review")).get(1).getText())
                    .contains("再生成済み", "押下だけにしてください", "手順スコア 100/100");
            assertThat(browser.findElement(By.cssSelector(".tcg-history")).getText()).contains("#2");
            Browser.screenshot(browser, "step-review-regenerated-ja");
        } finally {
            browser.quit();
        }

        ChromeDriver phone = Browser.start(390, 1800);
        try {
            phone.get(running.base() + "/test-cases/cases/" + id + "?lang=en");
            new WebDriverWait(phone, Duration.ofSeconds(30))
                    .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#steps > li .tcg-step-review"), 3));
            assertThat(phone.findElement(By.id("quality-summary")).getText()).contains("Step checks", "Score 100/100");
            assertThat(phone.findElements(By.cssSelector("button[data-tcg-step=accept]"))).hasSize(3);
            long scrollWidth = (Long) phone.executeScript("return document.documentElement.scrollWidth");
            long viewport = (Long) phone.executeScript("return window.innerWidth");
            assertThat(scrollWidth).isLessThanOrEqualTo(viewport);
            assertThat(Files.exists(Browser.screenshot(phone, "step-review-phone-en"))).isTrue();
        } finally {
            phone.quit();
        }
    }

    @Test void a_testrail_file_is_checked_first_then_imported_with_its_steps_in_the_browser() throws Exception {
        long suite = json(running.post("/api/suites", "{\"name\":\"TestRail移行\"}")).get("id").asLong();
        java.nio.file.Path file = Files.createTempFile("testrail", ".csv");
        Files.writeString(file, """
                ID,Title,Section,Template,Priority,References,Preconditions,Steps (Step),Steps (Expected Result),Steps (Additional Info)
                C101,ログインする,Login,Test Case (Steps),High,REQ-7,アカウントがある,ログイン画面を開く,ログインフォームが表示される,
                ,,,,,,,ログインボタンを押す,ダッシュボード画面が表示される,alice
                C102,,Login,Test Case (Steps),Low,,,ログアウトする,ログイン画面が表示される,
                """);
        ChromeDriver browser = Browser.start(390, 1600);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(running.base() + "/test-cases/suites/" + suite + "?lang=ja");
            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(file.toString());
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#import select[name=format]"))).selectByValue("testrail-csv");
            browser.findElement(By.cssSelector("button[data-tcg=import-preview]")).click();
            WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-preview")));
            assertThat(preview.getText()).contains("2 行目 · C101：作成されます（手順 2 件）", "問題あり");
            assertThat(browser.findElement(By.id("notice")).getText()).startsWith("確認のみ（変更なし）");
            assertThat(json(running.get("/api/suites/" + suite + "/test-cases")).get("total").asInt()).isZero();
            long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth"));
            Browser.screenshot(browser, "import-preview-testrail-ja-phone");
        } finally {
            browser.quit();
        }
        Files.writeString(file, Files.readString(file).replace("C102,,", "C102,ログアウトする,"));
        var imported = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/imports?format=testrail-csv"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode c101 = json(running.get("/api/suites/" + suite + "/test-cases?q=C101")).at("/items/0");
        assertThat(c101.get("status").asText()).isEqualTo("generated");
        assertThat(json(running.get("/api/test-cases/" + c101.get("id").asLong() + "/quality")).get("score").asInt()).isEqualTo(100);
    }

    /** A Japanese case the model generated (then reviewed, second pass) through the queue; its id. */
    private static long generatedCase(String suiteName) throws Exception {
        llm.enqueue(Answer.content(PROCEDURE), Answer.content(REVIEW));
        long suite = json(running.post("/api/suites", "{\"name\":\"" + suiteName + "\"}")).get("id").asLong();
        long id = json(running.post("/api/suites/" + suite + "/test-cases",
                "{\"key\":\"TC-1\",\"title\":\"正しいパスワードでログインできる\"}")).get("id").asLong();
        assertThat(running.post("/api/suites/" + suite + "/batches", null).statusCode()).isEqualTo(201);
        until(() -> json(running.get("/api/test-cases/" + id + "/quality")), q -> q.hasNonNull("modelReview"));
        return id;
    }

    private static JsonNode until(java.util.concurrent.Callable<JsonNode> read, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode value = read.call();
            if (done.test(value)) return value;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("not reached in 30 s: " + value);
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> get(String path, String language) {
        return running.send(HttpRequest.newBuilder(URI.create(running.base() + path)).header("Accept-Language", language).GET());
    }

    private static HttpResponse<String> post(String path, String body, String language) {
        return running.send(HttpRequest.newBuilder(URI.create(running.base() + path)).header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException { return JSON.readTree(response.body()); }
}
