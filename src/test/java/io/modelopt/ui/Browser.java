package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One Chromium window on the service under test, with the steps the UI tests share: open a
 * page and wait until it has started, fill and read controls, wait for conditions (never for a
 * fixed time), check the console and take screenshots.
 */
final class Browser implements AutoCloseable {

    static final Dimension LAPTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final List<String> expectedConsoleErrors = new ArrayList<>();

    Browser(String baseUrl) {
        this.driver = Chromium.start();
        this.baseUrl = baseUrl;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads a page of the UI and waits until its script has loaded its first data. */
    void open(String pathAndQuery) {
        driver.get(baseUrl + pathAndQuery);
        waitUntilStarted();
    }

    void reload() {
        driver.navigate().refresh();
        waitUntilStarted();
    }

    void waitUntilStarted() {
        waitUntil(d -> "true".equals(((JavascriptExecutor) d)
                .executeScript("return document.documentElement.dataset.ready || null")));
    }

    /** The query string of the current URL, without its '?'. */
    String query() {
        String url = driver.getCurrentUrl();
        int mark = url.indexOf('?');
        return mark < 0 ? "" : url.substring(mark + 1);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement visible(String css) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** Waits until the select has an option of that value, then chooses it. */
    void choose(String css, String value) {
        waitUntil(d -> !d.findElements(By.cssSelector(css + " option[value='" + value + "']"))
                .isEmpty());
        new Select(find(css)).selectByValue(value);
    }

    void chooseByVisibleText(String css, String text) {
        new Select(find(css)).selectByVisibleText(text);
    }

    String selected(String css) {
        return new Select(find(css)).getFirstSelectedOption().getAttribute("value");
    }

    /** Replaces the text of an input, as a person would: select all, type. */
    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    String value(String css) {
        return find(css).getDomProperty("value");
    }

    /** Waits until the input's value is not empty (filled by the page) and returns it. */
    String filledValue(String css) {
        return waitUntil(d -> {
            String value = d.findElement(By.cssSelector(css)).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
    }

    Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Whether the document is wider than the window, i.e. would scroll sideways. */
    long horizontalOverflowPx() {
        Object overflow = script("return document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth");
        return ((Number) overflow).longValue();
    }

    /** A console error this test provokes on purpose (an HTTP error the page then shows). */
    void expectConsoleError(String containing) {
        expectedConsoleErrors.add(containing);
    }

    /** Fails on every SEVERE console entry except those the test said it expects. */
    void assertNoConsoleErrors() {
        List<String> unexpected = Chromium.severeEntries(driver).stream()
                .map(LogEntry::getMessage)
                .filter(message -> expectedConsoleErrors.stream().noneMatch(message::contains))
                .toList();
        expectedConsoleErrors.clear();
        assertThat(unexpected).as("SEVERE browser console entries").isEmpty();
    }

    /** A screenshot of the whole page (the window grown to its height), under target/. */
    Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) script("return Math.max(document.documentElement.scrollHeight,"
                + " document.body.scrollHeight)")).longValue();
        resize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 120,
                before.getHeight()), 6000)));
        try {
            return Chromium.screenshot(driver, name);
        } finally {
            resize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
