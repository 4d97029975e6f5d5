package dev.concierge.bootstrap.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Japanese user on a phone (390 px) orders a day's visits into a route, sets a customer's window (and later a visit's
 * length in the same form), moves the visits
 * to the route's times, downloads the trip's calendar and subscribes to the feed, which a client without a session
 * then reads; after the trip records a hotel, hands in its receipt photo and files the expense report, then opens the
 * printable report. Screenshots of each step; the pages also read in English at laptop width.
 */
class TripAfterPlanningBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DATA = Set.of("Acme", "Globex", "Initech", "English"); // "English": the language switch

    private static RunningApp running;
    private static long trip;
    private static long acme;
    private static long globex;
    private static long initech;

    @BeforeAll static void start() throws IOException {
        running = RunningApp.start(Map.of("LOCAL_USER", "山田太郎"));
        trip = id(running.post("/api/trips", """
                {"title":"大阪の顧客訪問","purpose":"契約更新","origin":"東京","destinations":["大阪"],
                 "startDate":"2026-12-01","endDate":"2026-12-02"}"""));
        // Entered in the order they came up, not the order to make them.
        acme = visit("Acme", "大阪市中央区難波 5-1", "2026-12-01T09:00:00", 60);
        globex = visit("Globex", "大阪市北区梅田 3-1", "2026-12-01T16:00:00", 60);
        initech = visit("Initech", "京都市下京区 烏丸通", "2026-12-01T11:00:00", 120);
        running.request("PUT", "/api/visits/" + acme + "/window", "{\"from\":\"13:00\",\"until\":\"17:00\"}");
    }

    @AfterAll static void stop() { running.close(); }

    private static long visit(String company, String location, String startsAt, int minutes) throws IOException {
        return id(running.post("/api/trips/" + trip + "/visits", """
                {"company":"%s","location":"%s","startsAt":"%s","durationMinutes":%d}""".formatted(company, location, startsAt, minutes)));
    }

    private static long id(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asLong();
    }

    @Test void a_phone_user_orders_the_day_moves_the_visits_and_subscribes_to_the_calendar() throws Exception {
        ChromeDriver browser = Viewports.open(390, 1800);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        try {
            browser.get(running.base() + "/trips/" + trip + "?lang=ja");
            browser.findElement(By.id("route-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("route-form")));

            // Initech in Kyoto can only see us 10:00–11:30, too short for a two-hour visit.
            WebElement initechWindow = browser.findElement(By.cssSelector("form.window-form[data-visit-id='" + initech + "']"));
            type(initechWindow.findElement(By.name("from")), "10:00");
            type(initechWindow.findElement(By.name("until")), "11:30");
            initechWindow.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(Browser.replaced(initechWindow));

            WebElement form = browser.findElement(By.id("route-form"));
            type(form.findElement(By.name("startPlace")), "新大阪駅");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(Browser.replaced(form));
            Browser.screenshot(browser, "day-route-ja-390");

            List<String> order = browser.findElements(By.cssSelector("#route .route-leg")).stream().map(e -> e.getAttribute("data-visit-id")).toList();
            assertThat(order).containsExactly(String.valueOf(globex), String.valueOf(acme));
            String route = browser.findElement(By.id("route")).getText();
            // 新大阪駅 and 梅田 are both in Osaka: half an hour in the city; Acme waits for its window.
            assertThat(route).contains("09:30–10:30", "13:00–14:00", "市内移動", "すべての順序を比較");
            WebElement unfit = browser.findElement(By.cssSelector(".route-unfit li[data-visit-id='" + initech + "']"));
            assertThat(unfit.getAttribute("data-reason")).isEqualTo("window_too_short");
            assertThat(unfit.getText()).contains("Initech", "120 分", "90 分");
            assertFits(browser, "route ja 390");
            assertThat(UntranslatedText.englishIn(browser, DATA)).isEmpty();

            browser.findElement(By.id("route-apply")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "移動しました"));
            assertThat(startOf(globex)).isEqualTo("2026-12-01T09:30:00");
            assertThat(startOf(acme)).isEqualTo("2026-12-01T13:00:00");
            assertThat(startOf(initech)).isEqualTo("2026-12-01T11:00:00"); // left where it was
            Browser.screenshot(browser, "day-route-applied-ja-390");

            // The trip's calendar file, as the download link serves it.
            String href = browser.findElement(By.id("calendar-download")).getAttribute("href");
            Object ics = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));", href);
            assertThat((String) ics).startsWith("BEGIN:VCALENDAR").contains("UID:visit-" + globex + "@concierge",
                    "DTSTART;TZID=Asia/Tokyo:20261201T093000", "SUMMARY:大阪の顧客訪問");

            browser.findElement(By.linkText("すべての出張を購読")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscription-create"))).click();
            WebElement url = browser.findElement(By.id("subscription-url"));
            wait.until(d -> !url.getAttribute("value").isEmpty());
            assertFits(browser, "calendar ja 390");
            assertThat(UntranslatedText.englishIn(browser, Set.of(url.getAttribute("value"), "English"))).isEmpty();
            Browser.screenshot(browser, "calendar-subscription-ja-390");

            // A calendar app: no session, no identity, only the address.
            HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.getAttribute("value"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
            assertThat(feed.body()).contains("UID:trip-" + trip + "@concierge", "LOCATION:大阪市北区梅田 3-1");

            // Back on the route: Initech agrees to 90 minutes, set in its window form; it no longer is too long for its window.
            browser.get(running.base() + "/trips/" + trip + "/route?date=2026-12-01&startPlace=" + java.net.URLEncoder.encode("新大阪駅",
                    java.nio.charset.StandardCharsets.UTF_8) + "&lang=ja");
            WebElement shorter = browser.findElement(By.cssSelector("form.window-form[data-visit-id='" + initech + "']"));
            assertThat(shorter.findElement(By.name("durationMinutes")).getAttribute("value")).isEqualTo("120");
            assertThat(shorter.findElement(By.name("from")).getAttribute("value")).isEqualTo("10:00");
            type(shorter.findElement(By.name("durationMinutes")), "90");
            shorter.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(Browser.replaced(shorter));
            assertThat(JSON.readTree(running.get("/api/visits/" + initech).body()).path("durationMinutes").asInt()).isEqualTo(90);
            assertThat(browser.findElements(By.cssSelector(".route-unfit li[data-visit-id='" + initech + "'][data-reason='window_too_short']"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector("form.window-form[data-visit-id='" + initech + "'] [name=durationMinutes]"))
                    .getAttribute("value")).isEqualTo("90");
            assertFits(browser, "route with durations ja 390");
            Browser.screenshot(browser, "day-route-duration-ja-390");
        } finally {
            browser.quit();
        }
    }

    @Test void after_the_trip_a_phone_user_records_an_expense_hands_in_the_receipt_and_files_the_report() throws Exception {
        running.request("PUT", "/api/trips/" + trip + "/expense-plan", """
                {"transport":[],"lodging":[{"city":"大阪","nights":1,"ratePerNight":12000}],"other":[]}""");
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("receipt-", ".png");
        java.nio.file.Files.write(photo, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        ChromeDriver browser = Viewports.open(390, 2000);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        try {
            browser.get(running.base() + "/trips/" + trip + "?lang=ja");
            browser.findElement(By.id("expenses-link")).click();
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("expense-form")));
            new org.openqa.selenium.support.ui.Select(form.findElement(By.name("category"))).selectByValue("lodging");
            type(form.findElement(By.name("spentOn")), "2026-12-01");
            type(form.findElement(By.name("description")), "ホテル梅田");
            type(form.findElement(By.name("city")), "大阪");
            type(form.findElement(By.name("amount")), "16500");
            type(form.findElement(By.name("nights")), "1");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(Browser.replaced(form));

            WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[data-receipt-for]")));
            upload.sendKeys(photo.toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.receipt-link")));
            String comparison = browser.findElement(By.id("comparison")).getText();
            assertThat(comparison).contains("¥12,000", "¥16,500", "¥4,500");
            assertThat(browser.findElement(By.id("flags")).getText()).contains("上限 ¥14,000 を超えています", "見積 ¥12,000 を超えています")
                    .doesNotContain("領収書がありません");
            assertFits(browser, "expenses ja 390");
            assertThat(UntranslatedText.englishIn(browser, Set.of("English", "PDF", "Excel"))).isEmpty();
            Browser.screenshot(browser, "expenses-ja-390");

            browser.findElement(By.id("report-file")).click();
            browser.switchTo().alert().accept();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filed-state")));
            assertThat(browser.findElements(By.id("expense-form"))).isEmpty();
            Browser.screenshot(browser, "expenses-filed-ja-390");

            browser.findElement(By.id("report-print")).click();
            WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
            assertThat(report.getText()).contains("出張旅費精算書", "山田太郎", "ホテル梅田", "提出済み", "承認者");
            assertFits(browser, "report ja 390");
            Browser.screenshot(browser, "expense-report-print-ja-390");
            var xlsx = running.get("/api/trips/" + trip + "/expense-report/xlsx");
            assertThat(xlsx.statusCode()).isEqualTo(200);
        } finally {
            browser.quit();
            java.nio.file.Files.deleteIfExists(photo);
        }
    }

    @Test void a_trip_that_can_no_longer_change_shows_its_windows_without_inputs_to_edit() throws Exception {
        long cancelled = id(running.post("/api/trips", """
                {"title":"中止した出張","origin":"東京","destinations":["大阪"],"startDate":"2026-12-03","endDate":"2026-12-03"}"""));
        id(running.post("/api/trips/" + cancelled + "/visits", """
                {"company":"Umbrella","location":"大阪市北区","startsAt":"2026-12-03T10:00:00","durationMinutes":60}"""));
        var cancel = running.post("/api/trips/" + cancelled + "/cancel", "{\"version\":0}");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            browser.get(running.base() + "/trips/" + cancelled + "/route?date=2026-12-03&lang=ja");

            assertThat(browser.findElement(By.id("windows-locked")).getText()).contains("「中止」のため、時間帯は変更できません");
            assertThat(browser.findElement(By.id("route-title")).getText()).isEqualTo("2026年12月3日(木) の訪問順");
            List<WebElement> inputs = browser.findElements(By.cssSelector("#windows input"));
            assertThat(inputs).isNotEmpty().allSatisfy(input -> assertThat(input.isEnabled()).isFalse());
            assertThat(browser.findElements(By.cssSelector("#windows button"))).isEmpty();
            Browser.screenshot(browser, "trip-route-windows-locked-ja-390");
        } finally {
            browser.quit();
        }
    }

    @Test void the_route_and_calendar_pages_read_in_english_at_laptop_width() {
        ChromeDriver browser = Viewports.open(1366, 1200);
        try {
            List<String> problems = new ArrayList<>();
            for (String path : List.of("/trips/" + trip + "/route?date=2026-12-01&startPlace=Umeda&lang=en", "/calendar-subscription?lang=en",
                    "/trips/" + trip + "/expenses?lang=en", "/trips/" + trip + "/expense-report?lang=en",
                    "/trips/" + trip + "/route?date=2026-12-02&lang=ja")) {
                browser.get(running.base() + path);
                long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                if (scrollWidth > 1366) problems.add(path + " is " + scrollWidth + " px wide");
            }
            Browser.screenshot(browser, "day-route-empty-day-ja-1366");
            assertThat(browser.findElement(By.id("route")).getText()).contains("ルートに入る訪問はありません");
            browser.get(running.base() + "/trips/" + trip + "/route?date=2026-12-01&startPlace=Umeda&lang=en");
            assertThat(browser.findElement(By.id("route")).getText()).contains("Visits in route order", "every order compared");
            Browser.screenshot(browser, "day-route-en-1366");
            assertThat(problems).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static String startOf(long visit) throws IOException {
        JsonNode node = JSON.readTree(running.get("/api/visits/" + visit).body());
        return node.path("startsAt").asText();
    }

    /** Time and date inputs take keystrokes per segment in the browser's locale; their value is set as a picker would. */
    private static void type(WebElement input, String text) {
        if ("time".equals(input.getAttribute("type")) || "date".equals(input.getAttribute("type"))) {
            ((org.openqa.selenium.JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) input).getWrappedDriver())
                    .executeScript("arguments[0].value = arguments[1];", input, text);
            return;
        }
        input.clear();
        input.sendKeys(text);
    }

    private static void assertFits(ChromeDriver browser, String where) {
        long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).as(where + ": page width").isLessThanOrEqualTo(390);
    }
}
