package dev.concierge.bootstrap.tripsupport;

import dev.concierge.adapter.http.identity.AlbTokens;
import dev.concierge.bootstrap.Browser;
import dev.concierge.bootstrap.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole trip in real headless Chromium, in Japanese, behind the load balancer's identity header (each browser sends
 * its own user's signed token): alice plans a trip with a customer visit and a hotel over the cap and submits it with
 * a justification; bob, of the approver group, looks at the day's route from the approval page on his phone and
 * approves it; alice is told, cannot approve her own trip, exports the calendar and subscribes to the feed (which a
 * calendar app reads with no identity at all); after the trip she records the hotel with its receipt and files the
 * report, which bob reads from the approval page. Screenshots of each step.
 */
class TripApprovalBrowserTest {
    private static AlbTokens alb;
    private static RunningApp running;

    @BeforeAll static void start() {
        alb = new AlbTokens();
        running = RunningApp.start(Map.of("AUTH_MODE", "alb", "ALB_SIGNER_ARN", AlbTokens.SIGNER,
                "ALB_PUBLIC_KEY_URL", alb.keyUrl().toString(), "TRIP_APPROVER_GROUP", "trip-approvers"));
    }

    @AfterAll static void stop() {
        running.close();
        alb.close();
    }

    /** A browser whose every request carries {@code user}'s identity, as the load balancer would add it. */
    private static ChromeDriver as(String user, List<String> groups, int width, int height) {
        ChromeDriver browser = Browser.start(width, height);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("x-amzn-oidc-data", alb.token(user, groups))));
        return browser;
    }

    @Test void alice_plans_and_submits_bob_approves_alice_exports_the_calendar_and_files_the_report_which_bob_reads() throws Exception {
        ChromeDriver alice = as("alice", List.of("sales"), 1280, 2400);
        ChromeDriver bob = null;
        try {
            var wait = new WebDriverWait(alice, Duration.ofSeconds(20));
            alice.get(running.base() + "/trips?lang=ja");
            WebElement form = alice.findElement(By.id("trip-create"));
            form.findElement(By.name("title")).sendKeys("大阪の顧客訪問");
            form.findElement(By.name("origin")).sendKeys("東京");
            form.findElement(By.name("destinations")).sendKeys("大阪");
            set(alice, form.findElement(By.name("startDate")), "2026-12-01");
            set(alice, form.findElement(By.name("endDate")), "2026-12-03");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches("/trips/\\d+$"));
            String tripUrl = alice.getCurrentUrl();
            long trip = Long.parseLong(tripUrl.substring(tripUrl.lastIndexOf('/') + 1));

            WebElement visit = alice.findElement(By.id("visit-add"));
            visit.findElement(By.name("company")).sendKeys("株式会社アクメ");
            visit.findElement(By.name("location")).sendKeys("大阪市北区梅田 3-1");
            set(alice, visit.findElement(By.name("startsAt")), "2026-12-01T14:00");
            visit.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".visit-list .visit h3")));

            alice.findElement(By.cssSelector("details.plan summary")).click();
            alice.findElement(By.cssSelector("button[data-add-row=lodging]")).click();
            WebElement stay = alice.findElement(By.cssSelector("[data-plan-section=lodging] tr.row"));
            stay.findElement(By.cssSelector("[data-field=ratePerNight]")).sendKeys("18000");
            alice.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#estimate tr.violation")));

            // without the justification the submission is refused next to the field, in Japanese
            WebElement submit = alice.findElement(By.id("approval-submit"));
            submit.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement missing = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#approval-submit [data-error-for^='justifications.']")));
            assertThat(missing.getText()).isNotBlank();
            assertThat(alice.findElement(By.cssSelector("#approval-submit [data-error-for='']")).getText()).contains("理由");

            alice.findElement(By.cssSelector("#approval-submit textarea[data-justification]")).sendKeys("学会会場のホテルで、他は満室です");
            alice.findElement(By.cssSelector("#approval-submit button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .badge"), "申請中"));
            assertThat(alice.findElement(By.id("approval")).getText()).contains("承認待ち", "alice");
            Browser.screenshot(alice, "trip-approval-submitted");

            bob = as("bob", List.of("trip-approvers"), 390, 1600);
            var bobWaits = new WebDriverWait(bob, Duration.ofSeconds(20));
            bob.get(running.base() + "/approvals?lang=ja");
            WebElement request = bob.findElement(By.cssSelector("#pending .approval-request"));
            assertThat(request.getText()).contains("大阪の顧客訪問", "alice", "学会会場のホテルで、他は満室です", "¥");
            long scrollWidth = (Long) bob.executeScript("return document.documentElement.scrollWidth");
            long viewport = (Long) bob.executeScript("return window.innerWidth");
            assertThat(scrollWidth).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(viewport);
            Browser.screenshot(bob, "trip-approval-pending-phone");
            // Before deciding, bob looks at the day's route from the request (no window: the visit may start when the day does).
            request.findElement(By.cssSelector("a.review-route")).click();
            WebElement route = bobWaits.until(ExpectedConditions.presenceOfElementLocated(By.id("route")));
            assertThat(route.getText()).contains("株式会社アクメ", "09:00–10:00", "すべての順序を比較");
            assertFits(bob, "the approver's route at 390 px");
            Browser.screenshot(bob, "trip-approval-route-phone");
            bob.get(running.base() + "/approvals?lang=ja");
            request = bob.findElement(By.cssSelector("#pending .approval-request"));
            request.findElement(By.name("comment")).sendKeys("学会のため承認します");
            request.findElement(By.cssSelector("button[data-decision=approve]")).click();
            bobWaits.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pending p.empty")));

            alice.get(tripUrl);
            assertThat(alice.findElement(By.cssSelector("h1 .badge")).getText()).isEqualTo("承認済み");
            assertThat(alice.findElement(By.id("approval")).getText()).contains("bob", "学会のため承認します");
            assertThat(alice.findElements(By.id("approval-submit"))).as("an approved trip is not submitted again").isEmpty();
            alice.get(running.base() + "/approvals");
            assertThat(alice.findElement(By.id("notifications")).getText()).contains("bob さんが「大阪の顧客訪問」を承認しました", "学会のため承認します");
            assertThat(alice.findElement(By.id("pending")).getText()).doesNotContain("大阪の顧客訪問");
            Browser.screenshot(alice, "trip-approval-notified");

            // The trip's calendar file, as the trip page's link serves it, in Tokyo time with its VTIMEZONE.
            alice.get(tripUrl);
            String href = alice.findElement(By.cssSelector("a[href$='/api/trips/" + trip + "/calendar']")).getAttribute("href");
            Object ics = alice.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));", href);
            assertThat((String) ics).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VTIMEZONE", "TZID:Asia/Tokyo",
                    "DTSTART;TZID=Asia/Tokyo:20261201T140000", "SUMMARY:株式会社アクメ");

            // The private feed: a calendar app carries neither a session nor the load balancer's identity header.
            alice.get(running.base() + "/calendar-subscription");
            alice.findElement(By.id("subscription-create")).click();
            WebElement url = alice.findElement(By.id("subscription-url"));
            wait.until(d -> !url.getAttribute("value").isEmpty());
            Browser.screenshot(alice, "trip-calendar-subscription");
            HttpClient calendarApp = HttpClient.newHttpClient();
            HttpResponse<String> feed = calendarApp.send(HttpRequest.newBuilder(URI.create(url.getAttribute("value"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).contains("UID:trip-" + trip + "@concierge", "SUMMARY:株式会社アクメ");
            assertThat(calendarApp.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/trips")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("anything else without identity").isEqualTo(401);

            // After the trip: the hotel with its receipt, then the report is filed.
            alice.get(tripUrl);
            alice.findElement(By.id("expenses-link")).click();
            WebElement expense = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("expense-form")));
            new Select(expense.findElement(By.name("category"))).selectByValue("lodging");
            set(alice, expense.findElement(By.name("spentOn")), "2026-12-01");
            expense.findElement(By.name("description")).sendKeys("ホテル梅田");
            expense.findElement(By.name("city")).sendKeys("大阪");
            expense.findElement(By.name("amount")).sendKeys("36000");
            expense.findElement(By.name("nights")).sendKeys("2");
            expense.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(Browser.replaced(expense));
            Path photo = Files.createTempFile("receipt-", ".png");
            try {
                Files.write(photo, Base64.getDecoder().decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[data-receipt-for]"))).sendKeys(photo.toString());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.receipt-link")));
            } finally {
                Files.deleteIfExists(photo);
            }
            alice.findElement(By.id("report-file")).click();
            alice.switchTo().alert().accept();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filed-state")));
            Browser.screenshot(alice, "trip-expenses-filed");

            // bob finds the trip among the requests he decided and reads the report, on his phone.
            bob.get(running.base() + "/approvals?lang=ja");
            WebElement decided = bob.findElement(By.cssSelector("#decided .decided-request"));
            assertThat(decided.getText()).contains("大阪の顧客訪問", "承認", "alice");
            decided.findElement(By.cssSelector("a.review-report")).click();
            WebElement report = bobWaits.until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
            assertThat(report.getText()).contains("出張旅費精算書", "alice", "ホテル梅田", "提出済み", "承認者");
            assertFits(bob, "the approver's report at 390 px");
            Browser.screenshot(bob, "trip-approval-report-phone");
        } finally {
            alice.quit();
            if (bob != null) bob.quit();
        }
    }

    private static void assertFits(ChromeDriver browser, String where) {
        long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) browser.executeScript("return window.innerWidth");
        assertThat(scrollWidth).as(where).isLessThanOrEqualTo(viewport);
    }

    private static void set(ChromeDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }
}
