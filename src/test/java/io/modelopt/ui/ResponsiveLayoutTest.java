package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/** At a phone's width (390 px) no page scrolls sideways; every control keeps its label. */
class ResponsiveLayoutTest extends BrowserTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/recommend", "/catalog", "/monitoring"})
    void nothingOverflowsAt390PxWide(String path) {
        Browser page = browser();
        page.resize(Browser.PHONE);

        page.open(path);

        assertThat(page.horizontalOverflowPx()).as("px wider than the window").isLessThanOrEqualTo(0);
        String name = path.equals("/") ? "simulate" : path.substring(1);
        page.screenshot(name + "-390px");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/recommend", "/catalog", "/monitoring"})
    void everyControlHasALabel(String path) {
        Browser page = browser();
        page.open(path);

        Object unlabelled = page.script("return [...document.querySelectorAll("
                + "'input, select, textarea')].filter(c => c.type !== 'hidden'"
                + " && c.labels.length === 0 && !c.getAttribute('aria-label'))"
                + ".map(c => c.id || c.name)");

        assertThat((java.util.List<?>) unlabelled).isEmpty();
    }

    @Test
    void simulateResultsFitAPhone() {
        Browser page = browser();
        page.resize(Browser.PHONE);
        page.open("/");
        page.choose("#model_type", "bert");
        page.filledValue("#Model");

        page.find("#simulate-button").click();
        page.waitUntil(d -> d.findElements(By.cssSelector("#results-table tbody tr")).isEmpty()
                ? null : true);
        page.find("#results-table tbody tr button.row-open").click();
        page.visible("#breakdown-0");

        assertThat(page.horizontalOverflowPx()).isLessThanOrEqualTo(0);
        page.screenshot("simulate-results-390px");
    }
}
