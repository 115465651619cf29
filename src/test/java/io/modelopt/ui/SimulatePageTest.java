package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Simulate page (home): the catalog fills the model form, Simulate ranks the hardware in a
 * table and a chart, and each row opens its breakdown.
 */
class SimulatePageTest extends BrowserTestBase {

    @Test
    void choosingModelAndTaskTypeFillsTheFormFromTheCatalog() {
        Browser page = browser();
        page.open("/");

        page.choose("#model_type", "bert");
        page.choose("#task_type", "inference");

        assertThat(page.filledValue("#Model")).isEqualTo("BERT-base");
        assertThat(page.value("#Number_of_hidden_Layers")).isEqualTo("12");
        assertThat(page.value("#Vocabulary_Size")).isEqualTo("30522");
        assertThat(page.value("#Architecture_type")).isEqualTo("BertForMaskedLM");
        assertThat(page.selected("#Precision")).isEqualTo("FP32");
        assertThat(page.findAll("#model_name option")).extracting(WebElement::getText)
                .containsExactly("BERT-base", "BERT-large");

        page.choose("#model_name", "BERT-large");

        page.waitUntil(d -> page.value("#Model").equals("BERT-large") ? true : null);
        assertThat(page.value("#Number_of_hidden_Layers")).isEqualTo("24");
    }

    @Test
    void simulateShowsTheRankedTableTheChartAndARowsBreakdown() {
        Browser page = browser();
        page.open("/");
        page.choose("#model_type", "bert");
        page.filledValue("#Model");
        page.type("#Batch_Size", "8");
        page.choose("#Runtime", "pytorch");

        page.find("#simulate-button").click();

        List<WebElement> rows = page.waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#results-table tbody tr"));
            return found.isEmpty() ? null : found;
        });
        assertThat(page.findAll("#results-table thead th")).extracting(WebElement::getText)
                .containsExactly("Hardware", "Full Name", "Latency (ms)", "Throughput (req/s)",
                        "Cost per 1000 (USD)", "Memory (GB)");
        assertThat(rows.size()).isBetween(1, 10);
        WebElement first = rows.get(0);
        assertThat(first.findElement(By.cssSelector("td[data-label='Latency (ms)']")).getText())
                .matches("[0-9.,]+");
        assertThat(Integer.parseInt(page.visible("#latency-cost-chart")
                .getDomAttribute("data-points"))).isGreaterThan(rows.size() - 1);
        assertThat(page.findAll("#latency-cost-chart canvas")).isNotEmpty();

        first.findElement(By.cssSelector("button.row-open")).sendKeys(Keys.ENTER);

        WebElement breakdown = page.visible("#breakdown-0");
        assertThat(breakdown.getText()).contains("Where the time goes").contains("Bottleneck");
        assertThat(breakdown.findElements(By.cssSelector(".time-bar"))).isNotEmpty();
        assertThat(breakdown.findElements(By.cssSelector("table.factors tbody tr"))).isNotEmpty();
        assertThat(first.findElement(By.cssSelector("button.row-open"))
                .getDomAttribute("aria-expanded")).isEqualTo("true");
        page.screenshot("simulate");
    }

    @Test
    void aRunningRequestShowsProgressUntilItAnswers() {
        Browser page = browser();
        page.open("/");
        page.choose("#model_type", "bert");
        page.filledValue("#Model");
        // Hold every request until the test lets it go, so the busy state can be seen.
        page.script("const send = window.fetch;"
                + " window.releaseRequests = null;"
                + " const gate = new Promise(open => { window.releaseRequests = open; });"
                + " window.fetch = (...args) => gate.then(() => send(...args));");

        page.find("#simulate-button").click();

        assertThat(page.visible("#simulate-form .busy").getText()).contains("Simulating");
        assertThat(page.find("#simulate-button").isEnabled()).isFalse();
        assertThat(page.find("#results").getDomAttribute("aria-busy")).isEqualTo("true");

        page.script("window.releaseRequests();");

        page.waitUntil(d -> d.findElements(By.cssSelector("#results-table tbody tr")).isEmpty()
                ? null : true);
        assertThat(page.find("#simulate-form .busy").isDisplayed()).isFalse();
        assertThat(page.find("#simulate-button").isEnabled()).isTrue();
        assertThat(page.find("#results").getDomAttribute("aria-busy")).isNull();
    }

    @Test
    void anApiErrorIsShownNextToTheFieldItNames() {
        Browser page = browser();
        page.open("/");
        page.choose("#model_type", "bert");
        page.filledValue("#Model");
        page.expectConsoleError("400");
        page.type("#Batch_Size", "0");

        page.find("#simulate-button").click();

        WebElement message = page.visible("#Batch_Size-error");
        assertThat(message.getText()).isNotBlank();
        assertThat(page.find("#Batch_Size").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.find("#Batch_Size").getDomAttribute("aria-describedby"))
                .contains("Batch_Size-error");
    }

    @Test
    void theFormSurvivesAReload() {
        Browser page = browser();
        page.open("/");
        page.choose("#model_type", "gpt2");
        page.choose("#task_type", "inference");
        page.filledValue("#Model");
        page.type("#Batch_Size", "16");
        page.type("#Output_Tokens", "64");
        page.choose("#Precision", "FP16");
        page.choose("#Runtime", "vllm");
        page.type("#Vocabulary_Size", "50000");

        page.reload();

        page.waitUntil(d -> "gpt2".equals(page.selected("#model_type")) ? true : null);
        assertThat(page.filledValue("#Batch_Size")).isEqualTo("16");
        assertThat(page.value("#Output_Tokens")).isEqualTo("64");
        assertThat(page.selected("#Precision")).isEqualTo("FP16");
        assertThat(page.selected("#Runtime")).isEqualTo("vllm");
        assertThat(page.value("#Vocabulary_Size")).as("an edited catalog value")
                .isEqualTo("50000");
        assertThat(page.query()).contains("Batch_Size=16").contains("model_type=gpt2");
    }
}
