package dev.concierge.bootstrap.favourites;

import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.Browser;
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

    @BeforeAll static void start() { running = RunningApp.start(); }

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
        } finally {
            browser.quit();
        }
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
}
