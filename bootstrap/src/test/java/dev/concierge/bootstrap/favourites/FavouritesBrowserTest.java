package dev.concierge.bootstrap.favourites;

import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.Browser;
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

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A person on /favourites in a real headless Chromium: save a quote, like it, see it in their list. */
class FavouritesBrowserTest {
    private static RunningApp running;

    @BeforeAll static void start() { running = RunningApp.start(java.util.Map.of("LOCAL_USER", "山田太郎")); }

    @AfterAll static void stop() { running.close(); }

    @Test void saving_and_liking_a_quote_shows_it_liked_in_the_saved_list() {
        ChromeDriver browser = Browser.start(1280, 1600);
        try {
            browser.get(running.base() + "/favourites?lang=ja");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            WebElement firstQuote = browser.findElement(By.cssSelector(".quote-list .quote"));
            String quoteText = firstQuote.findElement(By.cssSelector(".text")).getText();

            firstQuote.findElement(By.cssSelector("button[data-action=save]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#saved .saved-list"), quoteText));
            browser.findElement(By.cssSelector("#saved button[data-action=like]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saved button[data-action=unlike]")));

            WebElement saved = browser.findElement(By.cssSelector("#saved .saved-list li"));
            assertThat(saved.getText()).contains(quoteText).contains("いいね 1 件");
            assertThat(firstQuote.findElement(By.cssSelector("button[data-action=save]")).getText()).isEqualTo("保存済み");
            assertThat(Files.exists(Browser.screenshot(browser, "favourites-saved-and-liked"))).isTrue();

            // Delete asks first: dismissed, the favourite stays; confirmed, it goes.
            browser.findElement(By.cssSelector("#saved button[data-action=delete]")).click();
            var question = wait.until(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).isEqualTo("このお気に入りを保存一覧から削除しますか？");
            question.dismiss();
            assertThat(browser.findElement(By.cssSelector("#saved .saved-list")).getText()).contains(quoteText);
            browser.findElement(By.cssSelector("#saved button[data-action=delete]")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#saved"), quoteText)));
        } finally {
            browser.quit();
        }
    }

    @Test void the_page_reads_in_japanese_and_english_at_laptop_and_phone_width() {
        running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"継続は力なり\",\"author\":\"ことわざ\"}");
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (int width : new int[] {1366, 390}) {
            ChromeDriver browser = Viewports.open(width, 1600);
            try {
                for (String language : java.util.List.of("ja", "en")) {
                    browser.get(running.base() + "/favourites?lang=" + language);
                    Browser.screenshot(browser, "favourites-walk-" + language + "-" + width);
                    long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                    if (scrollWidth > width) problems.add(language + " " + width + ": the page is " + scrollWidth + " px wide");
                    if (language.equals("ja")) {
                        var english = UntranslatedText.englishIn(browser, quotesOn(browser));
                        if (!english.isEmpty()) problems.add(language + " " + width + ": English " + english);
                    }
                }
            } finally {
                browser.quit();
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test void most_liked_stays_chosen_after_a_reload_and_the_search_keeps_it() {
        ChromeDriver browser = Browser.start(1366, 1600);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            browser.get(running.base() + "/favourites?lang=ja");
            browser.findElement(By.cssSelector(".sorts a[data-saved-query*='sort=likes']")).click();
            wait.until(ExpectedConditions.urlContains("sort=likes"));
            wait.until(ExpectedConditions.attributeContains(By.cssSelector(".sorts a[data-saved-query*='sort=likes']"), "class", "active"));

            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector(".sorts a[data-saved-query*='sort=likes']")).getAttribute("class")).contains("active");

            browser.findElement(By.cssSelector("form.search [name=q]")).sendKeys("旅");
            browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("q="));
            assertThat(browser.getCurrentUrl()).contains("sort=likes");
            assertThat(browser.findElement(By.cssSelector(".sorts a[data-saved-query*='sort=likes']")).getAttribute("class")).contains("active");
            assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/assets/favicon.svg");
            assertThat(running.get("/assets/favicon.svg").statusCode()).isEqualTo(200);
        } finally {
            browser.quit();
        }
    }

    /** The quotes (text and author) on the page are data: the catalogue keeps them in their own language. */
    private static java.util.Set<String> quotesOn(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        java.util.List<String> texts = (java.util.List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('.quote .text, .quote .author, blockquote p, blockquote footer, #saved .text, #saved .author'))"
                + ".map(e => e.innerText.replace(/^— /, ''));");
        java.util.Set<String> data = new java.util.LinkedHashSet<>(java.util.List.of("English"));
        data.addAll(texts);
        return data;
    }

    @Test void the_page_fits_a_phone_without_sideways_scrolling() {
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            browser.get(running.base() + "/favourites?lang=en");
            long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            long viewport = (Long) browser.executeScript("return window.innerWidth");

            assertThat(scrollWidth).isLessThanOrEqualTo(viewport);
            Browser.screenshot(browser, "favourites-phone");
        } finally {
            browser.quit();
        }
    }

    @Test void a_call_without_the_apis_answer_is_told_in_the_pages_language() {
        ChromeDriver browser = Browser.start(390, 1400);
        try {
            browser.get(running.base() + "/favourites?lang=ja");
            @SuppressWarnings("unchecked")
            java.util.List<String> messages = (java.util.List<String>) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const message = (call) => call.then(() => 'answered', (e) => e.message);
                    Promise.all([message(Concierge.api('GET', 'http://127.0.0.1:9/closed')),
                                 message(Concierge.api('GET', '/assets/no-such-file.css'))]).then(done);""");

            assertThat(messages).containsExactly("サーバーに接続できませんでした。接続を確認して、もう一度お試しください。",
                    "サーバーが応答できませんでした（HTTP 404）。しばらくしてから、もう一度お試しください。");
        } finally {
            browser.quit();
        }
    }
}
