package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A QA engineer in a real headless Chromium, against the real app (PostgreSQL, job queue, workers) with a model
 * speaking Ollama's wire protocol: create a suite, add one case and import another, generate every draft and watch
 * the batch finish live, edit a step, approve.
 */
class TestCaseGenerationBrowserTest {
    private static final String PROCEDURE = """
            {"steps":[{"action":"Open the sign-in page","expectedResult":"The sign-in form is shown","testData":""},
                      {"action":"Sign in as alice","expectedResult":"The dashboard opens","testData":"alice / correct password"}]}""";

    private static LlmWireFixture llm;
    private static RunningApp running;

    @BeforeAll static void start() {
        llm = LlmWireFixture.start();
        llm.enqueue(Answer.content(PROCEDURE), Answer.content(PROCEDURE));
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "LLM_TIMEOUT_SECONDS", "20",
                "GENERATION_POLL_MILLIS", "100"));
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void a_case_is_generated_edited_and_approved_in_the_browser() throws Exception {
        ChromeDriver browser = Browser.start(1280, 1800);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(running.base() + "/?lang=en");
            browser.findElement(By.cssSelector("a.card[href='/test-cases']")).click();

            browser.findElement(By.cssSelector("#new-suite input[name=name]")).sendKeys("Sign-in");
            browser.findElement(By.cssSelector("#new-suite button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/suites/"));

            WebElement newCase = browser.findElement(By.id("new-case"));
            newCase.findElement(By.name("key")).sendKeys("TC-001");
            newCase.findElement(By.name("title")).sendKeys("Sign in with a password");
            newCase.findElement(By.name("requirementText")).sendKeys("Users sign in with their email and password.");
            newCase.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/")); // a create leads to what it made
            browser.findElement(By.id("back-to-suite")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.tcg-case")));

            Path csv = Files.createTempFile("cases", ".csv");
            Files.writeString(csv, "key,title,requirement\nTC-002,Sign out,Users sign out from any page.\n", StandardCharsets.UTF_8);
            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(csv.toString());
            browser.findElement(By.cssSelector("#import button[type=submit]")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.tcg-case"), 2));

            browser.findElement(By.cssSelector("button[data-tcg=generate-drafts]")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/batches/"));
            wait.until(ExpectedConditions.attributeToBe(By.id("batch"), "data-done", "true"));
            assertThat(browser.findElement(By.id("count-succeeded")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("batch-progress")).getDomProperty("value")).isEqualTo("100");
            Browser.screenshot(browser, "test-cases-batch-finished");

            browser.findElement(By.id("batch-back")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.tcg-case[data-status=generated]"), 2));
            browser.findElement(By.linkText("TC-001")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#steps textarea[name=action]")));
            WebElement firstAction = browser.findElement(By.cssSelector("#steps textarea[name=action]"));
            assertThat(firstAction.getDomProperty("value")).isEqualTo("Open the sign-in page");
            assertThat(browser.findElement(By.cssSelector(".requirement")).getText()).contains("Users sign in with their email and password.");
            firstAction.clear();
            firstAction.sendKeys("Open the sign-in page in a private window");
            addStep(browser, "Clear the browser's cookies", "No session remains");
            moveLastStepUp(browser, 2); // to the top
            addStep(browser, "Scratch", "Scratch");
            List<WebElement> steps = browser.findElements(By.cssSelector("#steps > li"));
            steps.getLast().findElement(By.cssSelector("button[data-tcg=step-remove]")).click();
            addStep(browser, "Sign out", "The sign-in page is shown");
            browser.findElement(By.id("save-procedure")).click();
            wait.until(Browser.replaced(firstAction));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tcg-history"), "#2"));
            assertThat(browser.findElements(By.cssSelector("#steps textarea[name=action]"))).extracting(e -> e.getDomProperty("value"))
                    .containsExactly("Clear the browser's cookies", "Open the sign-in page in a private window", "Sign in as alice", "Sign out");
            assertThat(browser.findElements(By.cssSelector("#steps input[name=testData]")).get(2).getDomProperty("value"))
                    .isEqualTo("alice / correct password");

            WebElement approve = browser.findElement(By.id("approve"));
            approve.click();
            wait.until(Browser.replaced(approve));
            wait.until(ExpectedConditions.textToBe(By.id("case-status"), "Approved"));
            assertThat(browser.findElement(By.cssSelector(".tcg-steps.readonly")).getText())
                    .contains("Clear the browser's cookies", "Open the sign-in page in a private window", "Sign out");
            assertThat(Files.exists(Browser.screenshot(browser, "test-cases-approved"))).isTrue();
        } finally {
            browser.quit();
        }
    }

    @Test void a_file_of_the_suite_is_prepared_in_the_background_and_offered_for_download() throws Exception {
        long suite = new ObjectMapper().readTree(running.post("/api/suites", "{\"name\":\"Export\"}").body()).get("id").asLong();
        running.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-100\",\"title\":\"Export me\"}");
        ChromeDriver browser = Browser.start(1280, 1000);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(running.base() + "/test-cases/suites/" + suite + "?lang=en");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#export select[name=format]"))).selectByValue("xlsx");
            browser.findElement(By.cssSelector("#export button[type=submit]")).click();

            WebElement download = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-download")));
            assertThat(browser.findElement(By.id("export-status")).getText()).contains("The file is ready.").contains("Download (XLSX)");
            String href = download.getDomAttribute("href");
            assertThat(href).startsWith("/api/exports/").endsWith("/download");
            var file = running.get(href);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".xlsx"));
            Browser.screenshot(browser, "test-cases-export-ready");
        } finally {
            browser.quit();
        }
    }

    @Test void a_refusal_is_shown_where_the_person_is_on_a_phone() {
        for (int i = 0; i < 12; i++) running.post("/api/suites", "{\"name\":\"長い一覧 " + i + "\"}");
        ChromeDriver browser = Browser.start(390, 844);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        try {
            browser.get(running.base() + "/test-cases?lang=ja");
            WebElement form = browser.findElement(By.id("new-suite"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'end'})", form);
            form.findElement(By.name("name")).sendKeys("\u3000 \u3000");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) browser.executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: window.innerHeight, scrolled: window.scrollY};", notice);
            assertThat(((Number) box.get("scrolled")).doubleValue()).as("the form is below the first screen").isPositive();
            assertThat(((Number) box.get("top")).doubleValue()).as("notice top").isGreaterThanOrEqualTo(0);
            assertThat(((Number) box.get("bottom")).doubleValue()).as("notice bottom").isLessThanOrEqualTo(((Number) box.get("height")).doubleValue());
            assertThat(notice.getText()).contains("名前");
            Browser.screenshot(browser, "test-cases-refusal-in-view-ja-390");
        } finally {
            browser.quit();
        }
    }

    @Test void the_pages_fit_a_phone_without_sideways_scrolling() throws Exception {
        String suite = json(running.post("/api/suites", "{\"name\":\"スマートフォン\"}").body()).get("id").asText();
        String testCase = json(running.post("/api/suites/" + suite + "/test-cases", """
                {"key":"TC-900","title":"とても長いタイトルのテストケースでも画面の幅に収まること","requirementText":"利用者はスマートフォンでも操作できる"}""")
                .body()).get("id").asText();
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            for (String path : new String[] {"/test-cases", "/test-cases/suites/" + suite, "/test-cases/cases/" + testCase}) {
                browser.get(running.base() + path + "?lang=ja");
                long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                long viewport = (Long) browser.executeScript("return window.innerWidth");

                assertThat(scrollWidth).as(path).isLessThanOrEqualTo(viewport);
            }
            Browser.screenshot(browser, "test-cases-case-phone");
        } finally {
            browser.quit();
        }
    }

    private static void addStep(ChromeDriver browser, String action, String expectedResult) {
        browser.findElement(By.cssSelector("button[data-tcg=step-add]")).click();
        WebElement added = browser.findElements(By.cssSelector("#steps > li")).getLast();
        added.findElement(By.name("action")).sendKeys(action);
        added.findElement(By.name("expectedResult")).sendKeys(expectedResult);
    }

    private static void moveLastStepUp(ChromeDriver browser, int times) {
        WebElement moving = browser.findElements(By.cssSelector("#steps > li")).getLast();
        for (int i = 0; i < times; i++) moving.findElement(By.cssSelector("button[data-tcg=step-up]")).click();
    }

    private static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }
}
