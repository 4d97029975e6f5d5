package dev.concierge.bootstrap;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Debian's headless Chromium driven through its own chromedriver: the paths are given, so Selenium never tries to
 * download a browser. `scripts/install-test-prerequisites` installs both.
 */
public final class Browser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    public static ChromeDriver start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " — run scripts/install-test-prerequisites (Debian packages chromium, chromium-driver, fonts-noto-cjk).");
        }
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Without the networking flags Chromium floods the closed network with refused connections.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                    "--lang=ja-JP");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a screenshot under target/screenshots, where CI keeps test output. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The element has left the page (a reload or a re-render replaced it). Selenium's {@code stalenessOf} expects a
     * stale-element error; chromedriver answers an element caught while its document is being replaced with "Node with
     * given id does not belong to the document" instead, which means the same here.
     */
    public static ExpectedCondition<Boolean> replaced(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException e) {
                if (leftThePage(e)) return true;
                throw e;
            }
        };
    }

    /**
     * {@code condition} checked on a page that may be reloading: an element it reads leaving the page (either way
     * chromedriver reports it, see {@link #replaced}) means "not yet", and the wait asks again.
     */
    public static ExpectedCondition<Boolean> whileReloading(ExpectedCondition<Boolean> condition) {
        return driver -> {
            try {
                return condition.apply(driver);
            } catch (WebDriverException e) {
                if (leftThePage(e)) return false;
                throw e;
            }
        };
    }

    private static boolean leftThePage(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }
}
