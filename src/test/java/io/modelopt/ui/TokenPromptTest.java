package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With API tokens configured, the UI asks for one and keeps it for the browser session. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "modelopt.api-tokens=ui-secret")
class TokenPromptTest {

    private static final Path DATA_DIR = ApiTestBase.freshDataDir("ui-tokens");
    private static Browser browser;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("modelopt.data-dir", DATA_DIR::toString);
    }

    @BeforeAll
    static void requireChromium() {
        Chromium.requireInstalled();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noUnexpectedConsoleErrors() {
        browser().assertNoConsoleErrors();
    }

    @Test
    void theUiAsksForATokenRetriesAWrongOneAndKeepsItForTheSession() {
        Browser page = browser();
        page.expectConsoleError("401");
        page.driver().get("http://127.0.0.1:" + port + "/");

        enterToken(page, "not-the-token");
        page.waitUntil(d -> d.findElement(By.cssSelector("#token-dialog .token-message"))
                .getText().contains("did not accept") ? true : null);
        enterToken(page, "ui-secret");

        page.waitUntilStarted();
        page.choose("#model_type", "bert");
        assertThat(page.filledValue("#Model")).isEqualTo("BERT-base");
        assertThat(page.find(".token-state").getText()).contains("API token set");
        page.screenshot("token-prompt-accepted");

        page.open("/catalog");
        assertThat(page.findAll("#token-dialog")).noneMatch(WebElement::isDisplayed);
        page.waitUntil(d -> d.findElements(By.cssSelector("#hardware-table tbody tr")).size() > 0
                ? true : null);
    }

    private static void enterToken(Browser page, String token) {
        WebElement input = page.visible("#token-dialog #api-token");
        page.screenshot("token-prompt");
        input.clear();
        input.sendKeys(token);
        page.find("#token-dialog button[type='submit']").click();
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        return browser;
    }
}
