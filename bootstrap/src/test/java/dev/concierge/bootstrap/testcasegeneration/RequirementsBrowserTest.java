package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A QA engineer in headless Chromium against the real app and a model speaking Ollama's protocol (answering from the
 * schema as sim-llm does): import requirements, generate cases from one, read the coverage matrix with its
 * uncovered criterion and untraced case, re-import a changed criterion and regenerate the stale cases; then the same
 * page and the suite settings in Japanese at phone width.
 */
class RequirementsBrowserTest {
    private static final int PHONE = 390;
    private static final String REQUIREMENTS = """
            # Sign-in requirements

            ## REQ-1 Sign in with a password
            Users sign in with their email address and password.

            ### Acceptance criteria
            - AC1: A correct password opens the dashboard
            - AC2: Five wrong passwords in a row lock the account

            ## REQ-2 Sign out
            - AC1: Users can sign out from any page
            """;

    private static LlmWireFixture llm;
    private static RunningApp running;

    @BeforeAll static void start() {
        llm = LlmWireFixture.start();
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "LLM_TIMEOUT_SECONDS", "20"));
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void requirements_are_imported_cases_generated_and_the_coverage_matrix_shows_what_is_missing_and_stale() throws Exception {
        long suite = new ObjectMapper().readTree(running.post("/api/suites", "{\"name\":\"Sign-in\"}").body()).get("id").asLong();
        running.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"LOOSE-1\",\"title\":\"Written by hand\"}");
        ChromeDriver browser = Browser.start(1280, 1600);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(running.base() + "/test-cases/suites/" + suite + "?lang=en");
            browser.findElement(By.id("requirements-link")).click();
            wait.until(ExpectedConditions.urlContains("/requirements"));

            importFile(browser, wait, REQUIREMENTS, 2);
            assertThat(browser.findElement(By.id("notice")).getText()).contains("2 new");
            assertThat(state(browser, "REQ-2/AC1")).isEqualTo("uncovered");

            requirement(browser, "REQ-1").findElement(By.cssSelector("button[data-req=generate]")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".tcg-requirement[data-reference='REQ-1'] ul.tcg-traced li"), 3));
            assertThat(browser.findElements(By.cssSelector(".tcg-requirement[data-reference='REQ-1'] ul.tcg-traced li")))
                    .extracting(li -> li.getDomAttribute("data-case-key")).containsExactly("REQ-1-C01", "REQ-1-C02", "REQ-1-C03");
            assertThat(state(browser, "REQ-1/AC1")).isIn("covered", "uncovered"); // the simulated model picks the criteria
            assertThat(state(browser, "REQ-2/AC1")).isEqualTo("uncovered");
            assertThat(browser.findElement(By.id("uncovered-warning")).getText()).contains("no test case");
            assertThat(browser.findElement(By.id("untraced-warning")).getText()).contains("1 test case traces to no requirement", "LOOSE-1");
            assertThat(browser.findElement(By.id("coverage-xlsx")).getDomAttribute("href")).endsWith("/coverage?format=xlsx");
            Browser.screenshot(browser, "requirements-coverage");

            // Every criterion of REQ-1 reworded: whichever the cases verify, they all turn stale.
            importFile(browser, wait, REQUIREMENTS.replace("A correct password", "The correct password").replace("Five wrong", "Three wrong"), 2);
            assertThat(browser.findElements(By.cssSelector(".tcg-requirement[data-reference='REQ-1'] ul.tcg-traced li.stale"))).hasSize(3);
            assertThat(browser.findElements(By.cssSelector("tr.tcg-coverage-row[data-state=stale]"))).isNotEmpty();
            Browser.screenshot(browser, "requirements-stale");

            WebElement regenerate = requirement(browser, "REQ-1").findElement(By.cssSelector("button[data-req=regenerate]"));
            regenerate.click();
            wait.until(Browser.replaced(regenerate)); // the page reloads; reading the old one's notice would race it
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "3 stale test cases regenerated"));
            assertThat(browser.findElements(By.cssSelector(".tcg-requirement[data-reference='REQ-1'] ul.tcg-traced li.stale"))).isEmpty();

            // The regenerated case keeps its history, compares with the revision before, and tells how each was made.
            browser.findElement(By.cssSelector("ul.tcg-traced li[data-case-key='REQ-1-C01'] a.compare-link")).click();
            wait.until(ExpectedConditions.urlContains("compare=1,2"));
            assertThat(browser.findElements(By.cssSelector(".tcg-compare-side"))).hasSize(2);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tcg-history"), "#2"));
            browser.findElements(By.cssSelector(".tcg-history summary")).forEach(WebElement::click);
            assertThat(browser.findElements(By.cssSelector(".tcg-provenance"))).hasSize(2)
                    .allSatisfy(p -> assertThat(p.getText()).contains("ollama", "qwen2.5:7b", "cases-v1"));
            Browser.screenshot(browser, "requirements-case-history");
        } finally {
            browser.quit();
        }

        ChromeDriver phone = Browser.start(800, 1400);
        try {
            viewport(phone, PHONE, 1400);
            for (String path : new String[] {"/requirements", "/settings"}) {
                phone.get(running.base() + "/test-cases/suites/" + suite + path + "?lang=ja");
                assertThat(UntranslatedText.englishIn(phone, Set.of("Sign-in", "Sign in with a password", "Sign out", "Users sign in with their email address and password",
                        "The correct password opens the dashboard", "Three wrong passwords in a row lock the account", "Users can sign out from any page",
                        "Written by hand", "Markdown", "local", "English", "simulated title"))).as(path).isEmpty();
                long scrollWidth = (Long) phone.executeScript("return document.documentElement.scrollWidth");
                assertThat(scrollWidth).as(path + " fits a phone").isLessThanOrEqualTo(PHONE);
            }
            WebElement glossary = phone.findElement(By.cssSelector("#settings-form textarea[name=glossary]"));
            glossary.sendKeys("会員: 登録済みの利用者\nロック: 一定回数の失敗で利用停止");
            phone.findElement(By.cssSelector("#settings-form textarea[name=instructions]")).sendKeys("敬体で書く");
            WebElement save = phone.findElement(By.cssSelector("#settings-form button[type=submit]"));
            save.click();
            var phoneWait = new WebDriverWait(phone, Duration.ofSeconds(30));
            phoneWait.until(Browser.replaced(save));
            phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "保存しました"));
            assertThat(phone.findElement(By.id("settings-title")).getText()).contains("1");
            assertThat(phone.findElement(By.id("settings-versions")).getText()).contains("#1", "用語 2 件");
            fullPageScreenshot(phone, PHONE, "settings-ja-phone");

            phone.get(running.base() + "/test-cases/suites/" + suite + "/requirements?lang=ja");
            assertThat(phone.findElement(By.id("coverage-title")).getText()).isEqualTo("カバレッジマトリクス");
            fullPageScreenshot(phone, PHONE, "requirements-coverage-ja-phone");
        } finally {
            phone.quit();
        }
    }

    @Test void each_step_shows_the_criteria_it_verifies_and_a_deleted_requirement_leaves_its_cases_warned() throws Exception {
        long suite = new ObjectMapper().readTree(running.post("/api/suites", "{\"name\":\"Steps\"}").body()).get("id").asLong();
        ChromeDriver browser = Browser.start(1280, 1600);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(running.base() + "/test-cases/suites/" + suite + "/requirements?lang=en");
            importFile(browser, wait, REQUIREMENTS, 2);
            llm.enqueue(LlmWireFixture.Answer.content("""
                    {"cases":[{"kind":"normal","title":"Sign in and reach the dashboard","preconditions":"An account exists","expectedResult":"The dashboard shows","criteria":["AC1","AC2"],
                      "steps":[{"action":"Open the sign-in page","expectedResult":"The form shows","testData":"","criteria":["AC1"]},
                               {"action":"Enter a wrong password five times","expectedResult":"The account is locked","testData":"alice / wrong","criteria":["AC2"]}]}]}"""));
            requirement(browser, "REQ-1").findElement(By.cssSelector("button[data-req=generate]")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".tcg-requirement[data-reference='REQ-1'] ul.tcg-traced li"), 1));

            browser.findElement(By.cssSelector("ul.tcg-traced li[data-case-key='REQ-1-C01'] a")).click();
            wait.until(ExpectedConditions.urlContains("/test-cases/cases/"));
            var chips = browser.findElements(By.cssSelector("#steps .tcg-step-criteria"));
            assertThat(chips).extracting(c -> c.getDomAttribute("data-criteria")).containsExactly("AC1", "AC2");
            assertThat(chips.get(1).getText()).contains("Verifies (REQ-1)", "AC2", "Five wrong passwords in a row lock the account");
            Browser.screenshot(browser, "requirements-step-criteria");

            browser.get(running.base() + "/test-cases/suites/" + suite + "/requirements?lang=en");
            WebElement delete = requirement(browser, "REQ-1").findElement(By.cssSelector("button[data-req=delete]"));
            delete.click();
            var confirm = wait.until(ExpectedConditions.alertIsPresent());
            assertThat(confirm.getText()).contains("REQ-1", "test case stay");
            confirm.accept();
            wait.until(Browser.replaced(delete));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Requirement REQ-1 deleted"));
            assertThat(browser.findElements(By.cssSelector(".tcg-requirement"))).hasSize(1);
            assertThat(browser.findElement(By.id("untraced-warning")).getText()).contains("1 test case traces to no requirement", "REQ-1-C01");
            Browser.screenshot(browser, "requirements-deleted");
        } finally {
            browser.quit();
        }

        ChromeDriver phone = Browser.start(800, 1400);
        try {
            viewport(phone, PHONE, 1400);
            phone.get(running.base() + "/test-cases/suites/" + suite + "/requirements?lang=ja");
            llm.enqueue(LlmWireFixture.Answer.content("""
                    {"cases":[{"kind":"normal","title":"どの画面からでもログアウト","preconditions":"","expectedResult":"ログアウトする","criteria":["AC1"],
                      "steps":[{"action":"設定画面でログアウトを押す","expectedResult":"ログイン画面に戻る","testData":"","criteria":["AC1"]}]}]}"""));
            requirement(phone, "REQ-2").findElement(By.cssSelector("button[data-req=generate]")).click();
            var phoneWait = new WebDriverWait(phone, Duration.ofSeconds(30));
            phoneWait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".tcg-requirement[data-reference='REQ-2'] ul.tcg-traced li"), 1));
            phone.findElement(By.cssSelector("ul.tcg-traced li[data-case-key='REQ-2-C01'] a")).click();
            phoneWait.until(ExpectedConditions.urlContains("/test-cases/cases/"));
            assertThat(phone.findElement(By.cssSelector("#steps .tcg-step-criteria")).getText()).contains("検証する基準 (REQ-2)", "AC1");
            long scrollWidth = (Long) phone.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).as("the case page fits a phone").isLessThanOrEqualTo(PHONE);
            fullPageScreenshot(phone, PHONE, "requirements-step-criteria-ja-phone");
        } finally {
            phone.quit();
        }
    }

    private static void importFile(ChromeDriver browser, WebDriverWait wait, String markdown, int requirements) throws Exception {
        Path file = Files.createTempFile("requirements", ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        WebElement form = browser.findElement(By.id("requirements-import"));
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(Browser.replaced(form));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.findElements(By.cssSelector(".tcg-requirement"))).hasSize(requirements);
    }

    private static WebElement requirement(ChromeDriver browser, String reference) {
        return browser.findElement(By.cssSelector(".tcg-requirement[data-reference='" + reference + "']"));
    }

    private static String state(ChromeDriver browser, String criterion) {
        return browser.findElement(By.cssSelector("tr.tcg-coverage-row[data-criterion='" + criterion + "']")).getDomAttribute("data-state");
    }

    private static void viewport(ChromeDriver browser, int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    private static void fullPageScreenshot(ChromeDriver browser, int width, String name) {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        viewport(browser, width, (int) Math.min(Math.max(height, 600), 8000));
        Browser.screenshot(browser, name);
        viewport(browser, width, 1400);
    }
}
