package dev.concierge.bootstrap;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.Map;

/** Browsers whose page has the width a test asks for, a phone's included. */
public final class Viewports {
    private Viewports() {}

    /**
     * A browser whose page is {@code width} px wide: headless Chromium keeps windows at least 500 px wide, so a phone
     * is emulated (as its developer tools do) rather than asked of the window.
     */
    public static ChromeDriver open(int width, int height) {
        ChromeDriver browser = Browser.start(Math.max(width, 500), height);
        if (width < 500) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
        return browser;
    }
}
