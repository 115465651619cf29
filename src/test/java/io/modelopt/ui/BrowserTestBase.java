package io.modelopt.ui;

import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests on the shared test service: one Chromium per test class, a fresh
 * laptop-sized window state per test, and no console error allowed at the end of a test.
 * Skipped where Chromium is not installed, failed instead under CI (see {@link Chromium}).
 */
abstract class BrowserTestBase extends ApiTestBase {

    private static Browser shared;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireInstalled();
    }

    @AfterAll
    static void stopBrowser() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    @BeforeEach
    void laptopWindow() {
        browser().resize(Browser.LAPTOP);
    }

    @AfterEach
    void noConsoleErrors() {
        browser().assertNoConsoleErrors();
    }

    /** The class's browser, started on first use (the service's port is known by then). */
    protected Browser browser() {
        if (shared == null) {
            shared = new Browser(api().baseUrl());
        }
        return shared;
    }
}
