package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.bootstrap.Browser;
import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.UntranslatedText;
import dev.concierge.bootstrap.Viewports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A QA engineer meets the duplicates: the suite page lists the near-duplicate pair with its similarity and the
 * repeated steps, the case page warns "similar to", "not a duplicate" takes the pair away; in Japanese at phone width.
 */
class DuplicatesBrowserTest {
    private static final int PHONE = 390;
    private static final String TESTRAIL = """
            ID,Title,Preconditions,Steps (Step),Steps (Expected Result)
            C1,Sign in with the correct password,An account exists,Open the sign-in page,The form shows
            ,,,Enter the correct password and press Sign in,The dashboard shows
            ,,,Press Order,The order is confirmed
            C2,Sign in with a correct password,An account exists,Open the sign-in page,The form shows
            ,,,Enter the correct password and press Sign in,The dashboard shows
            ,,,Press Order,The order is confirmed
            C3,Cancel the subscription,Signed in,Open the sign-in page,The form shows
            ,,,Enter the correct password and press Sign in,The dashboard shows
            ,,,Press Cancel subscription,The subscription ends
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

    @Test void the_suite_page_lists_near_duplicates_and_shared_steps_and_a_pair_can_be_dismissed() throws Exception {
        long suite = new ObjectMapper().readTree(running.post("/api/suites", "{\"name\":\"Orders\"}").body()).get("id").asLong();
        var imported = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/imports?format=testrail-csv"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(TESTRAIL)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        ChromeDriver browser = Browser.start(1280, 1600);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(running.base() + "/test-cases/suites/" + suite + "?lang=en");
            wait.until(ExpectedConditions.attributeToBe(By.id("duplicates"), "data-loaded", "true"));
            var pairs = browser.findElements(By.cssSelector("#duplicates-list li.tcg-duplicate"));
            assertThat(pairs).singleElement().satisfies(p -> assertThat(p.getText()).contains("C1 Sign in with the correct password", "C2 Sign in", "% similar"));
            assertThat(browser.findElement(By.id("duplicates-intro")).getText()).contains("92 %");
            assertThat(browser.findElement(By.id("shared-steps")).getText())
                    .contains("Open the sign-in page → The form shows", "In 3 test cases:", "C1", "C2", "C3");
            scrollTo(browser, "duplicates");
            Browser.screenshot(browser, "duplicates-suite");

            browser.findElement(By.cssSelector("#duplicates-list li.tcg-duplicate a")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("similar-cases")));
            assertThat(browser.findElement(By.id("similar-cases")).getText()).contains("reads like another one", "Similar to C2", "%");
            Browser.screenshot(browser, "duplicates-case-warning");

            browser.navigate().back();
            wait.until(ExpectedConditions.attributeToBe(By.id("duplicates"), "data-loaded", "true"));
            WebElement dismiss = browser.findElement(By.cssSelector("#duplicates-list li.tcg-duplicate button.dismiss"));
            dismiss.click();
            wait.until(Browser.replaced(dismiss));
            assertThat(browser.findElement(By.id("duplicates-notice")).getText()).isEqualTo("Marked as not a duplicate.");
            browser.navigate().refresh();
            wait.until(ExpectedConditions.attributeToBe(By.id("duplicates"), "data-loaded", "true"));
            assertThat(browser.findElements(By.cssSelector("#duplicates-list li.tcg-duplicate"))).isEmpty();
            assertThat(browser.findElement(By.id("duplicates-list")).getText()).isEqualTo("No near-duplicate test cases.");
        } finally {
            browser.quit();
        }

        // The model goes away: imported near-duplicates are imported all the same, and the page says what it could not check.
        llm.failEmbeddings(500);
        running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/imports"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("key,title\nC4,Export the monthly report\nC5,Export the monthly report.\n")));
        ChromeDriver phone = Viewports.open(PHONE, 1400);
        try {
            phone.get(running.base() + "/test-cases/suites/" + suite + "?lang=ja");
            new WebDriverWait(phone, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("duplicates"), "data-loaded", "true"));
            assertThat(phone.findElement(By.id("duplicates-notice")).getText()).startsWith("2 件のテストケースの重複を確認できませんでした。埋め込みモデルが応答しません");
            assertThat(phone.findElement(By.id("duplicates-check")).getText()).isEqualTo("今すぐ確認");
            assertThat(UntranslatedText.englishIn(phone, Set.of("Orders", "Sign in with the correct password", "Sign in with a correct password",
                    "Cancel the subscription", "Export the monthly report", "Open the sign-in page", "The form shows",
                    "Enter the correct password and press Sign in", "The dashboard shows", "Press Order", "The order is confirmed",
                    "Press Cancel subscription", "The subscription ends", "CSV", "XLSX", "Markdown", "TestRail", "Xray", "Gherkin", ".feature", "Excel", "Shift_JIS", "local",
                    "English", "An account exists", "Signed in"))).isEmpty();
            long scrollWidth = (Long) phone.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).as("the suite page fits a phone").isLessThanOrEqualTo(PHONE);
            scrollTo(phone, "duplicates");
            Browser.screenshot(phone, "duplicates-suite-ja-phone");

            llm.failEmbeddings(0);
            phone.findElement(By.id("duplicates-check")).click();
            new WebDriverWait(phone, Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("duplicates-notice")));
            assertThat(phone.findElement(By.id("duplicates-list")).getText()).contains("C4", "C5");
        } finally {
            phone.quit();
        }
    }

    private static void scrollTo(ChromeDriver browser, String id) {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
