package io.modelopt.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven through its ChromeDriver, for the browser tests. The binaries are
 * given by path so that Selenium Manager never tries to download a browser or a driver.
 */
final class Chromium {

    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");
    static final String INSTALL_HINT = "install Debian's chromium and chromium-driver "
            + "(apt-get install chromium chromium-driver)";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /**
     * Skips the calling test class when Chromium or ChromeDriver is missing; fails it instead
     * under CI ({@code CI=true}), where a skipped browser test would hide a broken UI.
     */
    static void requireInstalled() {
        requireInstalled(BROWSER, DRIVER, System.getenv("CI"));
    }

    static void requireInstalled(File browser, File driver, String ci) {
        if (browser.canExecute() && driver.canExecute()) {
            return;
        }
        String message = "Browser tests need " + browser + " and " + driver + ": "
                + INSTALL_HINT;
        if ("true".equals(ci)) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** A headless Chromium with a fresh profile, logging the browser console. */
    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + freshProfile());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The console entries logged at SEVERE since the last call (reading clears them). */
    static List<LogEntry> severeEntries(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /** Saves what the window shows to target/screenshots/{name}.png. */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freshProfile() {
        try {
            Path root = Path.of("target", "chromium-profiles");
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "profile-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
