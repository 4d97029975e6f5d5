package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.bootstrap.Browser;
import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.UntranslatedText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test-case generation page, in Japanese and in English, at laptop (1366 px) and phone (390 px) width: no
 * English a Japanese reader would meet (beyond the data the test typed and proper names), no message key showing,
 * nothing wider than the window even with a long unbroken title; a screenshot of each kept under
 * target/screenshots. Then the flows where work used to get lost: approving with unsaved step edits, Back after a
 * create, deleting a case, a cancelled batch.
 */
class TestCaseGenerationLanguagesBrowserTest {
    private static final String PROCEDURE = """
            {"steps":[{"action":"ログイン画面を開く","expectedResult":"ログインフォームが表示される","testData":""},
                      {"action":"正しいパスワードでログインする","expectedResult":"ダッシュボードが表示される","testData":"alice / 正しいパスワード"}]}""";
    /** A title without a single break opportunity: it must wrap, not widen the page. */
    private static final String UNBROKEN = "Unbrokentitle" + "x".repeat(240);
    /**
     * Data and proper names: the user and team ids, the language switch's "English", file formats and encodings, the
     * long title (whole, and as the tab title shortens it).
     */
    private static final Set<String> DATA = Set.of("local", "qa", "English", "Markdown", "TestRail", "Xray", "Gherkin", ".feature", "Excel", "Shift_JIS", "alice",
            UNBROKEN, UNBROKEN.substring(0, 79 - "TC-002 ".length()));
    private static final int LAPTOP = 1366;
    private static final int PHONE = 390;

    private static LlmWireFixture llm;
    private static RunningApp running;
    /**
     * What the tests and the model wrote in Japanese: suites (the suites page lists those of every test in this class),
     * cases, requirements, tags and steps.
     */
    private static final Set<String> JAPANESE_DATA = Set.of("ログイン機能", "認証まわりのテスト", "パスワードでログインできる",
            "利用者はメールアドレスとパスワードでログインできる。", "ログイン", "ログイン画面を開く", "フォームが表示される",
            "正しいパスワードでログインする", "ダッシュボードが表示される", "ログアウトする", "ログイン画面に戻る",
            "ログインフォームが表示される", "正しいパスワード", "ログインできる", "取り消し", "承認", "戻るボタン",
            "削除されるケース", "シークレットウィンドウでログイン画面を開く");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll static void start() {
        llm = LlmWireFixture.start();
        for (int i = 0; i < 40; i++) llm.enqueue(Answer.content(PROCEDURE));
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "LLM_TIMEOUT_SECONDS", "20",
                "GENERATION_POLL_MILLIS", "100", "GENERATION_CONCURRENCY", "1"));
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void every_page_speaks_the_readers_language_and_fits_a_laptop_and_a_phone() throws Exception {
        long suite = id(post("/api/suites", "{\"name\":\"ログイン機能\",\"description\":\"認証まわりのテスト\"}"));
        long generated = id(post("/api/suites/" + suite + "/test-cases",
                "{\"key\":\"TC-001\",\"title\":\"パスワードでログインできる\",\"requirementText\":\"利用者はメールアドレスとパスワードでログインできる。\",\"priority\":\"high\",\"tags\":[\"ログイン\"]}"));
        long unbroken = id(post("/api/suites/" + suite + "/test-cases",
                "{\"key\":\"TC-002\",\"title\":\"" + UNBROKEN + "\",\"requirementText\":\"" + UNBROKEN + "\"}"));
        String batch = post("/api/suites/" + suite + "/batches", "{\"testCaseIds\":[" + generated + "]}").get("id").asText();
        awaitBatchDone(batch);
        JsonNode c = get("/api/test-cases/" + generated);
        put("/api/test-cases/" + generated + "/procedure", "{\"version\":" + c.get("version") + ",\"steps\":["
                + "{\"action\":\"ログイン画面を開く\",\"expectedResult\":\"フォームが表示される\"},"
                + "{\"action\":\"正しいパスワードでログインする\",\"expectedResult\":\"ダッシュボードが表示される\"},"
                + "{\"action\":\"ログアウトする\",\"expectedResult\":\"ログイン画面に戻る\"}]}");
        String cancelled = cancelledBatch(suite);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("suites", "/test-cases");
        pages.put("suite", "/test-cases/suites/" + suite);
        pages.put("suite-sorted", "/test-cases/suites/" + suite + "?sort=-priority&status=generated");
        pages.put("case", "/test-cases/cases/" + generated + "?compare=1,2");
        pages.put("case-draft", "/test-cases/cases/" + unbroken);
        pages.put("batch-completed", "/test-cases/batches/" + batch);
        pages.put("batch-cancelled", "/test-cases/batches/" + cancelled);
        pages.put("not-found", "/test-cases/cases/999999");

        List<String> problems = new ArrayList<>();
        for (int width : new int[] {LAPTOP, PHONE}) {
            ChromeDriver browser = Browser.start(Math.max(width, 800), 1400);
            try {
                viewport(browser, width, 1400); // a window cannot be narrower than 500 px; the emulated screen can
                for (String language : List.of("ja", "en")) {
                    for (var page : pages.entrySet()) {
                        String path = page.getValue();
                        browser.get(running.base() + path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                        String where = page.getKey() + " (" + language + ", " + width + " px)";
                        String text = UntranslatedText.visibleText(browser);
                        if (text.matches("(?s).*\\b(tcg|error\\.code|nav|home)\\.[a-zA-Z_.]+.*")) problems.add(where + ": a message key shows");
                        if (language.equals("ja")) {
                            List<String> english = UntranslatedText.englishIn(browser, DATA);
                            if (!english.isEmpty()) problems.add(where + ": English " + english);
                        } else {
                            List<String> japanese = UntranslatedText.japaneseIn(browser, JAPANESE_DATA);
                            if (!japanese.isEmpty()) problems.add(where + ": Japanese " + japanese);
                        }
                        long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                        long viewport = (Long) browser.executeScript("return window.innerWidth");
                        if (scrollWidth > viewport) problems.add(where + ": " + scrollWidth + " px wide in a " + viewport + " px window");
                        fullPageScreenshot(browser, width, "tcg-" + page.getKey() + "-" + language + "-" + width);
                    }
                }
            } finally {
                browser.quit();
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test void a_cancelled_batch_says_so_with_its_counts_instead_of_a_full_bar() throws Exception {
        long suite = id(post("/api/suites", "{\"name\":\"取り消し\"}"));
        String batch = cancelledBatch(suite);
        ChromeDriver browser = Browser.start(LAPTOP, 1000);
        try {
            browser.get(running.base() + "/test-cases/batches/" + batch + "?lang=ja");

            String summary = browser.findElement(By.id("batch-state")).getText();
            assertThat(summary).startsWith("取り消しました").contains("未実行").doesNotContain("完了");
            assertThat(Integer.parseInt(browser.findElement(By.id("batch-progress")).getDomProperty("value"))).isLessThan(100);
            assertThat(browser.findElement(By.id("batch-estimate")).getText()).isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test void approving_with_unsaved_step_edits_keeps_the_edits() throws Exception {
        long suite = id(post("/api/suites", "{\"name\":\"承認\"}"));
        long testCase = generatedCase(suite, "TC-010");
        ChromeDriver browser = Browser.start(LAPTOP, 1400);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        try {
            browser.get(running.base() + "/test-cases/cases/" + testCase + "?lang=ja");
            WebElement action = browser.findElement(By.cssSelector("#steps textarea[name=action]"));
            action.clear();
            action.sendKeys("シークレットウィンドウでログイン画面を開く");
            assertThat(browser.findElement(By.id("unsaved")).isDisplayed()).isTrue();

            browser.findElement(By.id("approve")).click();
            wait.until(ExpectedConditions.textToBe(By.id("case-status"), "承認済み"));

            assertThat(browser.findElement(By.cssSelector(".tcg-steps.readonly")).getText()).contains("シークレットウィンドウでログイン画面を開く");
            Browser.screenshot(browser, "tcg-approved-with-edits-ja");
        } finally {
            browser.quit();
        }
    }

    @Test void back_after_creating_a_suite_shows_an_empty_form_and_a_case_can_be_deleted() throws Exception {
        ChromeDriver browser = Browser.start(LAPTOP, 1400);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        try {
            browser.get(running.base() + "/test-cases?lang=ja");
            browser.findElement(By.cssSelector("#new-suite input[name=name]")).sendKeys("戻るボタン");
            browser.findElement(By.cssSelector("#new-suite button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/suites/"));
            String suitePage = browser.getCurrentUrl();

            WebElement newCase = browser.findElement(By.id("new-case"));
            newCase.findElement(By.name("key")).sendKeys("TC-020");
            newCase.findElement(By.name("title")).sendKeys("削除されるケース");
            newCase.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/"));
            assertThat(browser.getTitle()).contains("TC-020").contains("削除されるケース");

            browser.navigate().back();
            wait.until(ExpectedConditions.urlToBe(suitePage));
            assertThat(browser.findElement(By.cssSelector("#new-case input[name=key]")).getDomProperty("value")).isEmpty();
            browser.navigate().back();
            wait.until(ExpectedConditions.urlContains("/test-cases?lang=ja"));
            assertThat(browser.findElement(By.cssSelector("#new-suite input[name=name]")).getDomProperty("value")).isEmpty();

            browser.navigate().forward();
            browser.navigate().forward();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/"));
            browser.findElement(By.id("delete-case")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.urlContains("/test-cases/suites/"));
            assertThat(browser.findElements(By.cssSelector("tr.tcg-case"))).isEmpty();
        } finally {
            browser.quit();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void viewport(ChromeDriver browser, int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** The whole page, not only what the window shows: the screen is made as tall as the page for the shot. */
    private static void fullPageScreenshot(ChromeDriver browser, int width, String name) {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        viewport(browser, width, (int) Math.min(Math.max(height, 600), 8000));
        Browser.screenshot(browser, name);
        viewport(browser, width, 1400);
    }

    /** A batch of four cases cancelled while the (slowed) model works on the first: one ran, three did not. */
    private static String cancelledBatch(long suite) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ids.add(id(post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-C0" + i + "\",\"title\":\"取り消し " + i + "\"}")));
        }
        llm.firstTokenDelay(Duration.ofSeconds(3));
        try {
            String batch = post("/api/suites/" + suite + "/batches", "{\"testCaseIds\":" + ids + "}").get("id").asText();
            Instant deadline = Instant.now().plusSeconds(20);
            while (get("/api/batches/" + batch).get("counts").get("running").asInt() == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            post("/api/batches/" + batch + "/cancel", null);
            awaitBatchDone(batch);
            return batch;
        } finally {
            llm.firstTokenDelay(Duration.ZERO);
        }
    }

    private static long generatedCase(long suite, String key) throws Exception {
        long id = id(post("/api/suites/" + suite + "/test-cases", "{\"key\":\"" + key + "\",\"title\":\"ログインできる\"}"));
        awaitBatchDone(post("/api/test-cases/" + id + "/generate", "{}").get("id").asText());
        return id;
    }

    private static void awaitBatchDone(String batch) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!get("/api/batches/" + batch).get("done").asBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("batch " + batch + " did not finish");
            Thread.sleep(100);
        }
    }

    private static JsonNode post(String path, String json) throws Exception {
        var answer = running.post(path, json);
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private static void put(String path, String json) throws Exception {
        var answer = running.request("PUT", path, json);
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    }

    private static JsonNode get(String path) throws Exception { return JSON.readTree(running.get(path).body()); }

    private static long id(JsonNode created) { return created.get("id").asLong(); }
}
