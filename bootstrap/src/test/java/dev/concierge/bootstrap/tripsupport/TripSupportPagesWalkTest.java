package dev.concierge.bootstrap.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every trip-support page and the home page, in Japanese and English, at laptop (1366 px) and phone (390 px) width,
 * as a Japanese user meets them: no English that is not data, no page wider than the screen, a screenshot of each;
 * and the flows where work could be lost or doubled.
 */
class TripSupportPagesWalkTest {
    /** What the walk's trip holds that is written in Latin letters: data the user typed, and the brand. */
    private static final String LONG_WORD = "Supercalifragilisticexpialidocious".repeat(5);
    private static final Set<String> DATA = Set.of("Acme", LONG_WORD, "English", "Enter", "Shift"); // key caps are named as printed
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LlmWireFixture llm;
    private static RunningApp running;
    private static long trip;
    private static long conversation;

    @BeforeAll static void start() throws Exception {
        llm = LlmWireFixture.start();
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "OLLAMA_MODEL", "qwen2.5:7b",
                "LLM_TIMEOUT_SECONDS", "10", "LOCAL_USER", "山田太郎"));
        trip = id(running.post("/api/trips", """
                {"title":"大阪の顧客訪問","purpose":"契約更新 %s","origin":"東京","destinations":["大阪"],
                 "startDate":"2026-12-01","endDate":"2026-12-03"}""".formatted(LONG_WORD)));
        running.post("/api/trips/" + trip + "/visits", """
                {"company":"Acme","location":"梅田","startsAt":"2026-12-01T10:00:00","durationMinutes":90,"contacts":["佐藤様"],"agenda":"更新条件"}""");
        running.post("/api/trips/" + trip + "/visits", """
                {"company":"大阪商事","location":"本町","startsAt":"2026-12-01T11:00:00","durationMinutes":60}""");
        running.request("PUT", "/api/trips/" + trip + "/expense-plan", """
                {"transport":[{"from":"東京","to":"新大阪","date":"2026-12-01","travelClass":"shinkansen-green","fare":19990}],
                 "lodging":[{"city":"大阪","nights":2,"ratePerNight":18000}],"other":[{"description":"手土産","amount":5000}]}""");
        running.request("PUT", "/api/trips/" + trip + "/itinerary", """
                {"items":[{"date":"2026-12-01","start":"07:30","end":"10:00","kind":"transport","title":"のぞみ 5号","place":"東京駅"}]}""");
        conversation = id(running.post("/api/trips/" + trip + "/conversations", "{\"title\":\"準備の相談\"}"));
        llm.enqueue(LlmWireFixture.Answer.toolCall("read_trip", "{}"), LlmWireFixture.Answer.toolCall("propose_add_visit", """
                {"company":"神戸製鋼","location":"神戸","startsAt":"2026-12-02T14:00","durationMinutes":60,"contacts":[],"agenda":"キックオフ","notes":""}"""));
        var turn = running.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.base() + "/api/conversations/" + conversation + "/messages"))
                .header("Content-Type", "application/json").header("Accept-Language", "ja")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"神戸の訪問を追加して\"}")));
        assertThat(turn.statusCode()).as(turn.body()).isEqualTo(200);
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void every_page_reads_in_japanese_and_english_at_laptop_and_phone_width() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("trips", "/trips");
        pages.put("trip", "/trips/" + trip + "?conversation=" + conversation);
        pages.put("error", "/trips/999999");
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1366, 390}) {
            ChromeDriver browser = Viewports.open(width, 1600);
            try {
                for (String language : List.of("ja", "en")) {
                    for (var page : pages.entrySet()) {
                        String path = page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=" + language;
                        browser.get(running.base() + path);
                        String where = page.getKey() + " " + language + " " + width;
                        Browser.screenshot(browser, "trip-support-walk-" + page.getKey() + "-" + language + "-" + width);
                        long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                        long viewport = (Long) browser.executeScript("return window.innerWidth");
                        if (viewport != width) problems.add(where + ": the window is " + viewport + " px wide");
                        if (scrollWidth > width) problems.add(where + ": the page is " + scrollWidth + " px wide");
                        if (language.equals("ja")) {
                            List<String> english = UntranslatedText.englishIn(browser, data(browser));
                            if (!english.isEmpty()) problems.add(where + ": English " + english);
                        } else {
                            List<String> japanese = UntranslatedText.japaneseIn(browser, japaneseData(browser));
                            if (!japanese.isEmpty()) problems.add(where + ": Japanese " + japanese);
                        }
                    }
                }
            } finally {
                browser.quit();
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test void the_trip_page_in_japanese_shows_the_estimate_proposal_and_tool_summary_in_japanese() {
        ChromeDriver browser = Viewports.open(1366, 2400);
        try {
            browser.get(running.base() + "/trips/" + trip + "?conversation=" + conversation + "&lang=ja");

            assertThat(browser.getTitle()).startsWith("大阪の顧客訪問");
            assertThat(browser.findElement(By.id("estimate")).getText()).contains("¥18,000", "新幹線（グリーン車）").doesNotContain("JPY");
            assertThat(browser.findElement(By.id("violations")).getText()).contains("大阪 のホテル（¥18,000/泊）は上限 ¥14,000 を超えています。");
            assertThat(browser.findElement(By.id("messages")).getText()).contains("出張の内容を確認しました", "訪問の追加を提案しました")
                    .doesNotContain("Today is", "Proposed as proposal");
            assertThat(browser.findElement(By.id("proposals")).getText()).contains("訪問を追加", "神戸製鋼", "神戸", "2026年12月2日(水) 14:00", "キックオフ");
            assertThat(browser.findElement(By.cssSelector("#proposals button[data-proposal=accept]")).isDisplayed()).isTrue();

            // The transport editor fits half a 1366 px screen: the fare and the remove button are inside the panel.
            browser.executeScript("document.querySelector('details.plan').open = true;");
            WebElement panel = browser.findElement(By.id("expenses"));
            WebElement leg = browser.findElement(By.cssSelector("[data-plan-section=transport] tr.row"));
            long panelRight = right(browser, panel);
            assertThat(right(browser, leg.findElement(By.cssSelector("[data-field=fare]")))).isLessThanOrEqualTo(panelRight);
            assertThat(right(browser, leg.findElement(By.cssSelector("button[data-remove-row]")))).isLessThanOrEqualTo(panelRight);
            assertThat(leg.findElement(By.cssSelector("[data-field=fare]")).isDisplayed()).isTrue();
            Browser.screenshot(browser, "trip-support-transport-editor-1366");
        } finally {
            browser.quit();
        }
    }

    @Test void back_after_creating_a_trip_shows_an_empty_form_so_a_second_submit_creates_nothing() throws Exception {
        ChromeDriver browser = Viewports.open(1366, 1600);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips?lang=ja");
            WebElement form = browser.findElement(By.id("trip-create"));
            form.findElement(By.name("title")).sendKeys("名古屋の展示会");
            form.findElement(By.name("origin")).sendKeys("東京");
            form.findElement(By.name("destinations")).sendKeys("名古屋");
            set(browser, form.findElement(By.name("startDate")), "2026-12-10");
            set(browser, form.findElement(By.name("endDate")), "2026-12-11");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches("/trips/\\d+$"));
            long before = total();

            browser.navigate().back();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trip-create")));
            WebElement again = browser.findElement(By.id("trip-create"));
            assertThat(again.findElement(By.name("title")).getAttribute("value")).isEmpty();
            again.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#trip-create [data-error-for=title]")));

            assertThat(total()).isEqualTo(before);
        } finally {
            browser.quit();
        }
    }

    @Test void a_trip_is_deleted_after_confirmation_and_the_list_says_so_with_an_undo_that_brings_it_back() throws Exception {
        long doomed = id(running.post("/api/trips", """
                {"title":"中止になった出張","origin":"東京","destinations":["仙台"],"startDate":"2026-12-20","endDate":"2026-12-20"}"""));
        ChromeDriver browser = Viewports.open(390, 1400);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips/" + doomed + "?lang=ja");

            browser.findElement(By.cssSelector("button[data-trip-delete]")).click();
            assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).contains("中止になった出張", "削除しますか");
            browser.switchTo().alert().accept();
            wait.until(ExpectedConditions.urlMatches("/trips$"));

            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                    .startsWith("出張「中止になった出張」を削除しました。");
            assertThat(running.get("/api/trips/" + doomed).statusCode()).isEqualTo(404);
            Browser.screenshot(browser, "trip-support-trip-deleted-ja-390");

            WebElement undo = browser.findElement(By.cssSelector("#notice .notice-action"));
            assertThat(undo.getText()).isEqualTo("元に戻す");
            undo.click();
            wait.until(ExpectedConditions.urlMatches("/trips/" + doomed + "$"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("中止になった出張");
            assertThat(running.get("/api/trips/" + doomed).statusCode()).isEqualTo(200);
            Browser.screenshot(browser, "trip-support-trip-restored-ja-390");
        } finally {
            browser.quit();
        }
    }

    @Test void the_chat_sends_on_enter_keeps_shift_enter_lines_says_the_limit_and_opens_at_the_newest_message() throws Exception {
        long chatTrip = id(running.post("/api/trips", """
                {"title":"福岡出張","origin":"東京","destinations":["福岡"],"startDate":"2026-12-14","endDate":"2026-12-15"}"""));
        long chat = id(running.post("/api/trips/" + chatTrip + "/conversations", "{\"title\":\"福岡の相談\"}"));
        for (int i = 0; i < 6; i++) {
            var turn = running.post("/api/conversations/" + chat + "/messages", "{\"text\":\"質問 " + i + "\"}");
            assertThat(turn.statusCode()).isEqualTo(200);
        }
        ChromeDriver browser = Viewports.open(1366, 900);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips/" + chatTrip + "?conversation=" + chat + "&lang=ja#chat");

            Boolean atBottom = (Boolean) browser.executeScript(
                    "const m = document.getElementById('messages'); return m.scrollTop + m.clientHeight >= m.scrollHeight - 2;");
            assertThat(atBottom).as("the newest message is in view").isTrue();

            WebElement text = browser.findElement(By.id("chat-text"));
            text.sendKeys("一行目");
            text.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
            text.sendKeys("二行目");
            assertThat(text.getAttribute("value")).isEqualTo("一行目\n二行目");
            assertThat(browser.findElement(By.id("chat-count")).getText()).isEqualTo("7 / 8,000");
            text.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages .message.user"), 7));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .message.assistant:not(.streaming)")));
            assertThat(text.getAttribute("value")).isEmpty();

            browser.executeScript("arguments[0].value = 'あ'.repeat(8005); arguments[0].dispatchEvent(new Event('input'));", text);
            WebElement tooLong = browser.findElement(By.cssSelector("#chat-form [data-error-for=text]"));
            assertThat(tooLong.getText()).isEqualTo("長すぎます。送信するにはあと 5 文字減らしてください。");
            assertThat(browser.findElement(By.id("chat-count")).getAttribute("class")).contains("over");
            browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();
            assertThat(browser.findElements(By.cssSelector("#messages .message.user"))).hasSize(7);
            assertThat(text.getAttribute("value")).as("nothing is cut or lost").hasSize(8005);
            Browser.screenshot(browser, "trip-support-chat-too-long-ja-1366");
        } finally {
            browser.quit();
        }
    }

    @Test void an_action_that_reloads_the_page_asks_before_dropping_unsaved_edits() throws Exception {
        long edited = id(running.post("/api/trips", """
                {"title":"広島出張","origin":"東京","destinations":["広島"],"startDate":"2026-12-22","endDate":"2026-12-23"}"""));
        ChromeDriver browser = Viewports.open(1366, 1600);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips/" + edited + "?lang=ja");
            browser.findElement(By.cssSelector("button[data-add-row=itinerary]")).click();
            browser.findElement(By.cssSelector("#itinerary-rows tr.row [data-field=title]")).sendKeys("まだ保存していない予定");

            browser.findElement(By.cssSelector("#approval-submit button[type=submit]")).click();
            assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).contains("保存していない変更");
            browser.switchTo().alert().dismiss(); // go back and save first

            assertThat(running.get("/api/trips/" + edited).body()).as("nothing submitted yet").contains("\"status\":\"planned\"");
            assertThat(browser.findElement(By.cssSelector("#itinerary-rows tr.row [data-field=title]")).getAttribute("value"))
                    .isEqualTo("まだ保存していない予定");
            browser.findElement(By.cssSelector("#itinerary-form button[type=submit]")).click();
            wait.until(page -> running.get("/api/trips/" + edited + "/itinerary").body().contains("まだ保存していない予定"));
        } finally {
            browser.quit();
        }
    }

    @Test void a_conversation_is_renamed_and_deleted_from_the_page() throws Exception {
        long chat = id(running.post("/api/trips/" + trip + "/conversations", "{\"title\":\"消す会話\"}"));
        ChromeDriver browser = Viewports.open(390, 1600);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(running.base() + "/trips/" + trip + "?conversation=" + chat + "&lang=ja#chat");

            browser.findElement(By.cssSelector(".conversation-manage summary")).click();
            WebElement title = browser.findElement(By.cssSelector("#conversation-rename [name=title]"));
            title.clear();
            title.sendKeys("名前を変えた会話");
            browser.findElement(By.cssSelector("#conversation-rename button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".conversations a[aria-current=true]"), "名前を変えた会話"));

            browser.findElement(By.cssSelector(".conversation-manage summary")).click();
            browser.findElement(By.cssSelector("button[data-conversation-delete]")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(Browser.whileReloading( // the page reloads meanwhile
                    driver -> !driver.findElement(By.cssSelector(".conversations")).getText().contains("名前を変えた会話")));
            assertThat(running.get("/api/conversations/" + chat + "/messages").statusCode()).isEqualTo(404);
        } finally {
            browser.quit();
        }
    }

    @Test void with_the_model_down_the_chat_says_so_in_japanese_without_operator_details() throws Exception {
        long downTrip = id(running.post("/api/trips", """
                {"title":"札幌出張","origin":"東京","destinations":["札幌"],"startDate":"2026-12-21","endDate":"2026-12-21"}"""));
        llm.enqueue(LlmWireFixture.Answer.httpError(500));
        ChromeDriver browser = Viewports.open(390, 1400);
        try {
            browser.get(running.base() + "/trips/" + downTrip + "?lang=ja");
            browser.findElement(By.id("chat-text")).sendKeys("こんにちは");
            browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();

            WebElement error = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#chat-form [data-error-for=''], #messages .message.error")));
            assertThat(error.getText()).isNotBlank().doesNotContain("http://", "OLLAMA", "LLM", "ollama");
            assertThat(browser.findElement(By.id("chat-text")).getAttribute("value")).as("the message is kept to send again").isEqualTo("こんにちは");
            assertThat(UntranslatedText.englishIn(browser, data(browser))).isEmpty();
            Browser.screenshot(browser, "trip-support-chat-model-down-ja-390");
        } finally {
            browser.quit();
        }
    }

    /**
     * What the tests and the model wrote in Japanese (the trips of every test here, visits, plan, itinerary, chat) and
     * the user's name.
     */
    private static final Set<String> JAPANESE_DATA = Set.of("大阪の顧客訪問", "契約更新", "東京", "大阪", "梅田", "佐藤様", "更新条件",
            "大阪商事", "本町", "新大阪", "手土産", "のぞみ 5号", "東京駅", "準備の相談", "神戸製鋼", "神戸", "キックオフ", "山田太郎",
            "中止になった出張", "仙台", "広島出張", "広島", "札幌出張", "札幌", "福岡出張", "福岡", "名古屋の展示会", "名古屋",
            "名前を変えた会話", "福岡の相談");

    /** On an English page: the Japanese data plus what the user and the model wrote in the chat. */
    private static Set<String> japaneseData(ChromeDriver browser) {
        Set<String> data = new LinkedHashSet<>(JAPANESE_DATA);
        data.addAll(data(browser));
        return data;
    }

    /** The data on the page: the allow-list plus what the user and the model wrote in the chat. */
    private static Set<String> data(ChromeDriver browser) {
        Set<String> data = new LinkedHashSet<>(DATA);
        @SuppressWarnings("unchecked")
        List<String> chat = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('.message.user, .message.assistant')).map(e => e.innerText);");
        for (String text : chat) {
            data.add(text);
            data.addAll(List.of(text.split("\n")));
        }
        return data;
    }

    private static long right(ChromeDriver browser, WebElement element) {
        return ((Number) browser.executeScript("return Math.floor(arguments[0].getBoundingClientRect().right);", element)).longValue();
    }

    private static long total() throws IOException {
        return JSON.readTree(running.get("/api/trips?limit=1").body()).path("total").asLong();
    }

    private static long id(java.net.http.HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        return body.path("id").asLong();
    }

    private static void set(ChromeDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }
}
