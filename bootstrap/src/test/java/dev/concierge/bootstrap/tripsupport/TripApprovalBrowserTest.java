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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval by someone else in real headless Chromium, in Japanese, behind the load balancer's identity header (each
 * browser sends its own user's signed token): alice plans a trip whose hotel is over the cap and submits it with a
 * justification; bob, of the approver group, sees it at phone width with the justification and approves it; alice is
 * told, and cannot approve her own trip.
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

    @Test void alice_submits_with_a_justification_and_bob_approves_it_on_his_phone() {
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
        } finally {
            alice.quit();
            if (bob != null) bob.quit();
        }
    }

    private static void set(ChromeDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }
}
