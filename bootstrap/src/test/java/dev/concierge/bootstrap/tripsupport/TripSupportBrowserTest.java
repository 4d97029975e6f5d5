package dev.concierge.bootstrap.tripsupport;

import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.Browser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales person in a real headless Chromium: plans a trip, adds a visit, sees the estimate with its policy violation,
 * and gets a streamed answer from the assistant (the LLM wire fixture speaking Ollama's protocol).
 */
class TripSupportBrowserTest {
    private static LlmWireFixture llm;
    private static RunningApp running;

    @BeforeAll static void start() {
        llm = LlmWireFixture.start();
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "OLLAMA_MODEL", "qwen2.5:7b",
                "LLM_TIMEOUT_SECONDS", "10"));
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void plan_a_trip_add_a_visit_see_the_estimate_and_chat_with_the_assistant() {
        ChromeDriver browser = Browser.start(1280, 2200);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips?lang=en");

            WebElement form = browser.findElement(By.id("trip-create"));
            form.findElement(By.name("title")).sendKeys("Osaka customers");
            form.findElement(By.name("origin")).sendKeys("Tokyo");
            form.findElement(By.name("destinations")).sendKeys("Osaka");
            set(browser, form.findElement(By.name("startDate")), "2026-12-01");
            set(browser, form.findElement(By.name("endDate")), "2026-12-03");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches("/trips/\\d+$"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Osaka customers");

            WebElement visit = browser.findElement(By.id("visit-add"));
            visit.findElement(By.name("company")).sendKeys("Acme");
            visit.findElement(By.name("location")).sendKeys("Umeda, Osaka");
            set(browser, visit.findElement(By.name("startsAt")), "2026-12-02T10:00");
            visit.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".visit-list .visit h3")));
            assertThat(browser.findElement(By.cssSelector(".visit-list .visit")).getText()).contains("Acme", "Wed 2 Dec 2026 10:00");

            assertThat(browser.findElement(By.id("estimate")).getText()).contains("Per-diem", "9,000");
            browser.findElement(By.cssSelector("details.plan summary")).click();
            browser.findElement(By.cssSelector("button[data-add-row=lodging]")).click();
            WebElement stay = browser.findElement(By.cssSelector("[data-plan-section=lodging] tr.row"));
            stay.findElement(By.cssSelector("[data-field=ratePerNight]")).sendKeys("18000");
            browser.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#estimate tr.violation")));
            assertThat(browser.findElement(By.id("violations")).getText()).contains("over the cap");

            browser.findElement(By.id("chat-text")).sendKeys("What is planned for this trip?");
            browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();
            WebElement answer = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .message.assistant:not(.streaming)")));
            assertThat(answer.getText()).startsWith("Simulated answer about");
            assertThat(browser.findElements(By.cssSelector("#messages .message.error"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector("#messages .message.user")).getText()).isEqualTo("What is planned for this trip?");
            assertThat(llm.requests().stream().anyMatch(r -> r.isChat() && r.body().contains("What is planned for this trip?"))).isTrue();
            assertThat(Files.exists(Browser.screenshot(browser, "trip-support-trip-page"))).isTrue();
        } finally {
            browser.quit();
        }
    }

    @Test void back_after_deleting_a_trip_shows_the_list_as_it_is_now() throws Exception {
        createTrip("""
                {"title":"名古屋日帰り","origin":"東京","destinations":["名古屋"],"startDate":"2026-12-10","endDate":"2026-12-10"}""");
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips?lang=ja");
            browser.findElement(By.linkText("名古屋日帰り")).click();
            wait.until(ExpectedConditions.urlMatches("/trips/\\d+$"));
            browser.findElement(By.cssSelector("[data-trip-delete]")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.urlMatches("/trips$"));

            browser.navigate().back();

            // The list as it was when left still held the trip; a page restored from the browser's cache loads again.
            wait.until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript("return document.readyState === 'complete'")));
            wait.until(driver -> driver.findElements(By.linkText("名古屋日帰り")).isEmpty());
            Browser.screenshot(browser, "trips-back-after-delete-ja-390");
        } finally {
            browser.quit();
        }
    }

    @Test void sending_an_empty_chat_message_says_what_to_do() throws Exception {
        long trip = createTrip("""
                {"title":"福岡出張","origin":"東京","destinations":["福岡"],"startDate":"2026-12-10","endDate":"2026-12-11"}""");
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            browser.get(running.base() + "/trips/" + trip + "?lang=ja#chat");
            browser.findElement(By.id("chat-text")).sendKeys("   ");
            browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();

            WebElement hint = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#chat-form [data-error-for=text]")));
            assertThat(hint.getText()).isEqualTo("アシスタントへのメッセージを入力してください。");
            assertThat(browser.findElements(By.cssSelector("#messages .message.user"))).isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test void a_form_shows_each_rejected_field_next_to_it() {
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            browser.get(running.base() + "/trips?lang=ja");
            WebElement form = browser.findElement(By.id("trip-create"));
            form.findElement(By.name("origin")).sendKeys("東京");
            set(browser, form.findElement(By.name("startDate")), "2026-12-03");
            set(browser, form.findElement(By.name("endDate")), "2026-12-01");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            WebElement endDateError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-for=endDate]")));
            // the page is in Japanese, and so is the field error (rendered from field-errors_ja by its code)
            assertThat(endDateError.getText()).contains("開始日より前にはできません").doesNotContain("startDate");
            assertThat(browser.findElement(By.cssSelector("[data-error-for=title]")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.name("title")).getAttribute("class")).contains("invalid");
            long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            long viewport = (Long) browser.executeScript("return window.innerWidth");
            assertThat(scrollWidth).isLessThanOrEqualTo(viewport);
            Browser.screenshot(browser, "trip-support-form-errors-phone");
        } finally {
            browser.quit();
        }
    }

    @Test void a_change_the_assistant_proposes_is_applied_when_accepted_in_the_page() throws Exception {
        long trip = createTrip("""
                {"title":"Kobe visit","origin":"Tokyo","destinations":["Kobe"],"startDate":"2026-12-08","endDate":"2026-12-09"}""");
        llm.enqueue(LlmWireFixture.Answer.toolCall("propose_add_visit", """
                {"company":"Kobe Steel","location":"Kobe","startsAt":"2026-12-08T14:00","durationMinutes":60,
                 "contacts":[],"agenda":"Kick-off","notes":""}"""));
        ChromeDriver browser = Browser.start(1280, 2200);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips/" + trip + "?lang=en");

            browser.findElement(By.id("chat-text")).sendKeys("Please add a visit to Kobe Steel");
            browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .message.tool")));
            WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#proposals button[data-proposal=accept]")));
            assertThat(browser.findElement(By.cssSelector("#visits")).getText()).doesNotContain("Kobe Steel");
            accept.click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".visit-list"), "Kobe Steel"));
            assertThat(browser.findElement(By.cssSelector("#proposals li")).getText()).contains("Accepted");
            Browser.screenshot(browser, "trip-support-proposal-accepted");
        } finally {
            browser.quit();
        }
    }

    @Test void an_itinerary_drafted_by_the_assistant_fills_the_editor_and_is_kept_once_saved() throws Exception {
        long trip = createTrip("""
                {"title":"Sendai customers","origin":"Tokyo","destinations":["Sendai"],"startDate":"2026-12-15","endDate":"2026-12-16"}""");
        // No hotel for the night: the draft and both repairs keep that violation, which the page then lists.
        for (int round = 0; round < 3; round++) llm.enqueue(LlmWireFixture.Answer.content(SENDAI_WITHOUT_HOTEL));
        ChromeDriver browser = Browser.start(1280, 2200);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips/" + trip + "?lang=en#itinerary");

            browser.findElement(By.cssSelector("button[data-draft-itinerary]")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#itinerary-rows tr.row"), 2));
            assertThat(browser.findElement(By.cssSelector("#itinerary-rows tr.row [data-field=title]")).getAttribute("value"))
                    .isEqualTo("Hayabusa 3 to Sendai");
            assertThat(running.get("/api/trips/" + trip + "/itinerary").body()).as("a draft is not stored").contains("\"items\":[]");
            WebElement check = browser.findElement(By.id("itinerary-check"));
            assertThat(check.isDisplayed()).isTrue();
            assertThat(check.findElement(By.cssSelector(".summary")).getText())
                    .isEqualTo("Checked against the itinerary rules (2 repair rounds): 1 problem remains. Fix it before saving.");
            assertThat(check.findElements(By.cssSelector("li[data-rule]"))).extracting(WebElement::getText)
                    .containsExactly("Lodging: No hotel for the night of 2026-12-15.");
            Browser.screenshot(browser, "trip-support-itinerary-drafted");

            browser.findElement(By.cssSelector("#itinerary-form button[type=submit]")).click();
            wait.until(page -> running.get("/api/trips/" + trip + "/itinerary").body().contains("Tohoku Foods"));
            var saved = new ObjectMapper().readTree(running.get("/api/trips/" + trip + "/itinerary").body());
            assertThat(saved.path("items")).hasSize(2);
            assertThat(saved.path("items").get(1).path("notes").asText()).isEqualTo("Bring samples");

            var visit = running.post("/api/trips/" + trip + "/visits", """
                    {"company":"Tohoku Foods","location":"Aoba-ku","startsAt":"2026-12-16T10:00:00","durationMinutes":60}""");
            assertThat(visit.statusCode()).as(visit.body()).isEqualTo(201);
            llm.enqueue(LlmWireFixture.Answer.content("""
                    {"goals":["Agree the spring order"],"talkingPoints":["New packaging"],"questions":["Volumes?"],"bring":["Samples"]}"""));
            browser.navigate().refresh(); // the visit was added through the API
            browser.findElement(By.cssSelector(".edit-visit summary")).click();
            browser.findElement(By.cssSelector("button[data-draft-notes]")).click();
            wait.until(page -> page.findElement(By.name("preparationNotes")).getAttribute("value").contains("Agree the spring order"));
            assertThat(running.get("/api/visits/" + new ObjectMapper().readTree(visit.body()).path("id").asLong()).body())
                    .as("drafted notes are not stored until the visit is saved").doesNotContain("Agree the spring order");
        } finally {
            browser.quit();
        }
    }

    @Test void the_rules_a_draft_still_breaks_are_listed_in_japanese_and_its_rows_marked() throws Exception {
        long trip = createTrip("""
                {"title":"仙台出張","origin":"東京","destinations":["仙台"],"startDate":"2026-12-15","endDate":"2026-12-16"}""");
        String afterTheTrip = SENDAI_WITHOUT_HOTEL.replace("2026-12-16", "2026-12-18");
        for (int round = 0; round < 3; round++) llm.enqueue(LlmWireFixture.Answer.content(afterTheTrip));
        ChromeDriver browser = Browser.start(1280, 2200);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips/" + trip + "?lang=ja#itinerary");

            browser.findElement(By.cssSelector("button[data-draft-itinerary]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("itinerary-check")));
            WebElement check = browser.findElement(By.id("itinerary-check"));
            assertThat(check.findElement(By.cssSelector(".summary")).getText()).isEqualTo(
                    "旅程のルールで確認しました（修正 2 回）。2 件の問題が残っています。保存する前に直してください。");
            assertThat(check.findElements(By.cssSelector("li[data-rule]"))).extracting(WebElement::getText).containsExactly(
                    "出張期間: 2026-12-18 の項目が出張期間（2026-12-15〜2026-12-16）の外にあります。移すか削除しないと旅程を保存できません。",
                    "宿泊: 2026-12-15 の夜の宿泊がありません。");
            var rows = browser.findElements(By.cssSelector("#itinerary-rows tr.row"));
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getAttribute("class")).contains("violating");
            assertThat(rows.get(0).getAttribute("class")).doesNotContain("violating");
            Browser.screenshot(browser, "trip-support-itinerary-draft-violations-ja");
        } finally {
            browser.quit();
        }
    }

    @Test void a_persons_itinerary_is_saved_despite_the_rules_it_breaks_and_the_page_lists_them_in_english_and_japanese() throws Exception {
        long trip = createTrip("""
                {"title":"Sendai follow-up","origin":"Tokyo","destinations":["Sendai"],"startDate":"2026-12-15","endDate":"2026-12-16"}""");
        var visit = running.post("/api/trips/" + trip + "/visits", """
                {"company":"Tohoku Foods","location":"Aoba-ku","startsAt":"2026-12-16T10:00:00","durationMinutes":60}""");
        assertThat(visit.statusCode()).as(visit.body()).isEqualTo(201);
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips/" + trip + "?lang=en#itinerary");
            // The visit's meeting, and a coffee during it; no hotel for the night between the two days.
            addItineraryRow(browser, "2026-12-16", "10:00", "meeting", "Tohoku Foods");
            addItineraryRow(browser, "2026-12-16", "10:30", "meal", "Coffee");
            browser.findElement(By.cssSelector("#itinerary-form button[type=submit]")).click();

            wait.until(page -> page.findElements(By.cssSelector("#itinerary-check li[data-rule]")).size() == 2);
            assertThat(running.get("/api/trips/" + trip + "/itinerary").body()).as("warnings never refuse the save").contains("Coffee");
            WebElement check = browser.findElement(By.id("itinerary-check"));
            assertThat(check.findElement(By.cssSelector(".summary")).getText()).isEqualTo(
                    "Checked against the itinerary rules: 2 warnings. The itinerary is saved as it is; fix them when you can.");
            assertThat(check.findElements(By.cssSelector("li[data-rule]"))).extracting(WebElement::getText).containsExactly(
                    "Visit times: \"Coffee\" takes place during the visit to Tohoku Foods (10:00–11:00).",
                    "Lodging: No hotel for the night of 2026-12-15.");
            var rows = browser.findElements(By.cssSelector("#itinerary-rows tr.row"));
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getAttribute("class")).contains("violating");
            assertThat(rows.get(0).getAttribute("class")).doesNotContain("violating");
            browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("itinerary")));
            Browser.screenshot(browser, "trip-support-itinerary-warnings-phone");

            browser.get(running.base() + "/trips/" + trip + "?lang=ja#itinerary");
            wait.until(page -> page.findElements(By.cssSelector("#itinerary-check li[data-rule]")).size() == 2);
            check = browser.findElement(By.id("itinerary-check"));
            assertThat(check.findElement(By.cssSelector(".summary")).getText()).isEqualTo(
                    "旅程のルールで確認しました。2 件の警告があります。旅程はこのまま保存されています。できるだけ直してください。");
            assertThat(check.findElements(By.cssSelector("li[data-rule]"))).extracting(WebElement::getText).containsExactly(
                    "訪問の時間: 「Coffee」が Tohoku Foods への訪問（10:00〜11:00）と重なっています。",
                    "宿泊: 2026-12-15 の夜の宿泊がありません。");
            long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth"));
            browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("itinerary")));
            Browser.screenshot(browser, "trip-support-itinerary-warnings-ja-phone");
        } finally {
            browser.quit();
        }
    }

    private static void addItineraryRow(ChromeDriver browser, String date, String start, String kind, String title) {
        browser.findElement(By.cssSelector("button[data-add-row=itinerary]")).click();
        WebElement row = browser.findElement(By.cssSelector("#itinerary-rows tbody.new-rows tr.row:last-child"));
        set(browser, row.findElement(By.cssSelector("[data-field=date]")), date);
        set(browser, row.findElement(By.cssSelector("[data-field=start]")), start);
        set(browser, row.findElement(By.cssSelector("[data-field=kind]")), kind);
        row.findElement(By.cssSelector("[data-field=title]")).sendKeys(title);
        row.findElement(By.cssSelector("[data-field=place]")).sendKeys("Aoba-ku");
    }

    private static final String SENDAI_WITHOUT_HOTEL = """
            {"items":[
              {"date":"2026-12-15","start":"07:30","end":"09:00","kind":"transport","title":"Hayabusa 3 to Sendai","place":"Tokyo Station","notes":""},
              {"date":"2026-12-16","start":"10:00","end":"","kind":"meeting","title":"Tohoku Foods","place":"Aoba-ku","notes":"Bring samples"}]}""";

    @Test void a_model_that_fails_before_answering_shows_what_happened_in_the_chat_form() throws Exception {
        long trip = createTrip("""
                {"title":"Nagoya visit","origin":"Tokyo","destinations":["Nagoya"],"startDate":"2026-12-10","endDate":"2026-12-10"}""");
        llm.enqueue(LlmWireFixture.Answer.httpError(500));
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            browser.get(running.base() + "/trips/" + trip + "?lang=en");

            browser.findElement(By.id("chat-text")).sendKeys("Hello?");
            browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();

            // Before the stream opens the failure is the request's error; on a slow machine it may come as the stream's
            // error event instead. Either way the person reads what to do, and not the server's diagnosis.
            WebElement error = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#chat-form [data-error-for=''], #messages .message.error")));
            assertThat(error.getText()).isNotBlank().doesNotContain("http://", "HTTP 500");
            assertThat(browser.findElements(By.cssSelector("#messages .message.assistant"))).isEmpty();
            assertThat(browser.findElement(By.id("chat-text")).getAttribute("value")).as("the message is kept to send again").isEqualTo("Hello?");
            Browser.screenshot(browser, "trip-support-chat-unavailable-phone");
        } finally {
            browser.quit();
        }
    }

    private static void set(ChromeDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    /** A trip made through the API, for a test that starts on its page; its id. */
    private static long createTrip(String json) throws java.io.IOException {
        var created = running.post("/api/trips", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new ObjectMapper().readTree(created.body()).path("id").asLong();
    }
}
