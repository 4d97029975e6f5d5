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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tools a QA engineer uses every day, clicked in a real browser in Japanese, a screenshot after each: sort and
 * filter the suite (kept in the address), approve several cases at once, step to the previous and next case, compare
 * two revisions side by side, edit a case's fields, rename and delete the suite.
 */
class TestCaseGenerationDailyToolsBrowserTest {
    private static final String PROCEDURE = """
            {"steps":[{"action":"ログイン画面を開く","expectedResult":"フォームが表示される","testData":""},
                      {"action":"ログインする","expectedResult":"ダッシュボードが表示される","testData":""}]}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LlmWireFixture llm;
    private static RunningApp running;

    @BeforeAll static void start() {
        llm = LlmWireFixture.start();
        for (int i = 0; i < 10; i++) llm.enqueue(Answer.content(PROCEDURE));
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "LLM_TIMEOUT_SECONDS", "20",
                "GENERATION_POLL_MILLIS", "100", "GENERATION_CONCURRENCY", "1"));
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void sort_filter_bulk_approve_prev_next_compare_edit_rename_and_delete_by_clicking() throws Exception {
        long suite = id(post("/api/suites", "{\"name\":\"日々の作業\",\"description\":\"\"}"));
        long first = generatedCase(suite, "TC-001", "ログインできる", "high");
        long second = generatedCase(suite, "TC-002", "ログアウトできる", "low");
        long draft = id(post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-003\",\"title\":\"下書きのケース\"}"));
        JsonNode c = get("/api/test-cases/" + first);
        put("/api/test-cases/" + first + "/procedure", "{\"version\":" + c.get("version") + ",\"steps\":["
                + "{\"action\":\"ログイン画面を開く\",\"expectedResult\":\"フォームが表示される\"},"
                + "{\"action\":\"正しいパスワードでログインする\",\"expectedResult\":\"ダッシュボードが表示される\"}]}");

        ChromeDriver browser = Browser.start(1366, 1400);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/test-cases/suites/" + suite + "?lang=ja");

            // Sort by priority: the column's link keeps the order in the address and the header says so.
            browser.findElement(By.xpath("//th/a[contains(@href,'sort=priority')]")).click();
            wait.until(ExpectedConditions.urlContains("sort=priority"));
            assertThat(keys(browser)).containsExactly("TC-002", "TC-003", "TC-001");
            assertThat(browser.findElement(By.xpath("//th[a[contains(@href,'sort=-priority')]]")).getAttribute("aria-sort")).isEqualTo("ascending");
            Browser.screenshot(browser, "tcg-daily-sorted-ja-1366");

            // Filter to generated cases: the address keeps the filter and the order.
            new Select(browser.findElement(By.cssSelector(".tcg-filter select[name=status]"))).selectByValue("generated");
            browser.findElement(By.cssSelector(".tcg-filter button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("status=generated"));
            assertThat(browser.getCurrentUrl()).contains("sort=priority");
            assertThat(keys(browser)).containsExactly("TC-002", "TC-001");
            Browser.screenshot(browser, "tcg-daily-filtered-ja-1366");

            // Bulk approve both.
            for (WebElement box : browser.findElements(By.cssSelector("tr.tcg-case input[name=case]"))) box.click();
            browser.findElement(By.cssSelector("button[data-tcg=approve-selected]")).click();
            wait.until(driver -> get("/api/test-cases/" + first).get("status").asText().equals("approved")
                    && get("/api/test-cases/" + second).get("status").asText().equals("approved"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
            assertThat(keys(browser)).as("no longer generated: approved").isEmpty();
            Browser.screenshot(browser, "tcg-daily-approved-ja-1366");

            // Previous / next within the listing (by priority: TC-002 low, TC-003 medium, TC-001 high).
            browser.get(running.base() + "/test-cases/suites/" + suite + "?sort=priority&lang=ja");
            assertThat(browser.findElements(By.cssSelector("tr.tcg-case[data-status=approved]"))).hasSize(2);
            browser.findElement(By.linkText("TC-002")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/" + second));
            browser.findElement(By.id("next-case")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/" + draft));
            browser.findElement(By.id("next-case")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/" + first));
            assertThat(browser.findElement(By.cssSelector("h1.tcg-case-title")).getText()).contains("TC-001");
            assertThat(browser.findElements(By.id("next-case"))).as("the last of the listing").isEmpty();
            browser.findElement(By.id("previous-case")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/" + draft));
            browser.findElement(By.id("next-case")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/" + first));
            Browser.screenshot(browser, "tcg-daily-prev-next-ja-1366");

            // Compare revision 2 with the one before, side by side.
            WebElement history = browser.findElement(By.cssSelector("a.compare-link"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].closest('details') && (arguments[0].closest('details').open = true)", history);
            history.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare")));
            assertThat(browser.getCurrentUrl()).contains("compare=1,2");
            assertThat(browser.findElement(By.id("compare")).getText()).contains("正しいパスワードでログインする", "ログインする");
            Browser.screenshot(browser, "tcg-daily-compare-ja-1366");

            // Edit a draft case's fields.
            browser.get(running.base() + "/test-cases/cases/" + draft + "?lang=ja");
            browser.findElement(By.cssSelector("#edit-case summary")).click();
            WebElement title = browser.findElement(By.cssSelector("#case-fields input[name=title]"));
            title.clear();
            title.sendKeys("書き直したケース");
            new Select(browser.findElement(By.cssSelector("#case-fields select[name=priority]"))).selectByValue("critical");
            browser.findElement(By.cssSelector("#case-fields button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1.tcg-case-title"), "書き直したケース"));
            assertThat(get("/api/test-cases/" + draft).get("priority").asText()).isEqualTo("critical");
            Browser.screenshot(browser, "tcg-daily-case-edited-ja-1366");

            // Rename the suite, then delete it.
            browser.get(running.base() + "/test-cases/suites/" + suite + "?lang=ja");
            browser.findElement(By.cssSelector("#suite-edit summary")).click();
            WebElement name = browser.findElement(By.cssSelector("#rename-suite input[name=name]"));
            name.clear();
            name.sendKeys("名前を変えたスイート");
            browser.findElement(By.cssSelector("#rename-suite button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suite-name"), "名前を変えたスイート"));
            Browser.screenshot(browser, "tcg-daily-suite-renamed-ja-1366");

            browser.findElement(By.cssSelector("#suite-edit summary")).click();
            browser.findElement(By.id("delete-suite")).click();
            wait.until(ExpectedConditions.alertIsPresent());
            browser.switchTo().alert().accept();
            wait.until(ExpectedConditions.urlMatches("/test-cases$"));
            assertThat(running.get("/api/suites/" + suite).statusCode()).isEqualTo(404);
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("名前を変えたスイート");
            Browser.screenshot(browser, "tcg-daily-suite-deleted-ja-1366");
        } finally {
            browser.quit();
        }
    }

    private static List<String> keys(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("tr.tcg-case td:nth-child(2) a")).stream().map(WebElement::getText).toList();
    }

    private static long generatedCase(long suite, String key, String title, String priority) throws Exception {
        long id = id(post("/api/suites/" + suite + "/test-cases",
                "{\"key\":\"" + key + "\",\"title\":\"" + title + "\",\"priority\":\"" + priority + "\"}"));
        String batch = post("/api/test-cases/" + id + "/generate", "{}").get("id").asText();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!get("/api/batches/" + batch).get("done").asBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("batch " + batch + " did not finish");
            Thread.sleep(100);
        }
        return id;
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

    private static JsonNode get(String path) {
        try {
            return JSON.readTree(running.get(path).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long id(JsonNode created) { return created.get("id").asLong(); }
}
