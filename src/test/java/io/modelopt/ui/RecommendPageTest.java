package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Recommend page: pre-deployment and post-deployment recommendations. */
class RecommendPageTest extends BrowserTestBase {

    @Test
    void preDeploymentShowsScoredResultsWithRequirementsMetAndReasons() {
        Browser page = browser();
        page.open("/recommend");
        page.choose("#pre-model_type", "bert");
        assertThat(page.filledValue("#pre-framework")).isEqualTo("PyTorch");
        assertThat(page.filledValue("#pre-parameters_millions")).isEqualTo("109.51");
        page.type("#pre-batch_size", "8");
        page.type("#pre-latency_requirement_ms", "100");
        page.type("#pre-throughput_requirement_qps", "50");
        page.choose("#pre-optimization_priority", "latency");

        page.find("#pre-form button[type='submit']").click();

        List<WebElement> cards = resultCards("#pre-results");
        WebElement first = cards.get(0);
        assertThat(first.getText()).contains("Overall score").contains("Projected performance");
        assertThat(first.findElements(By.cssSelector(".requirements .badge")))
                .extracting(WebElement::getText).isNotEmpty()
                .allMatch(text -> text.equals("met") || text.equals("not met"));
        assertThat(cards).allSatisfy(card -> assertThat(card.findElement(By.cssSelector(".reason"))
                .getText().replace("Why:", "").trim()).isNotEmpty());
        assertThat(page.find("#pre-results h3").getText()).contains("pre deployment");
        page.screenshot("recommend");
    }

    @Test
    void postDeploymentFillsFromTheLatestSamplesOfAMonitoredHardware() {
        long hardwareId = Seed.hardwareIdFromEnd(api(), 3);
        // Two old samples at 10 % CPU, then ten at 70 %: the form takes the ten latest.
        Seed.hardwareSamples(api(), hardwareId, 12, i -> Map.of(
                "cpu_usage_percent", i < 2 ? 10.0 : 70.0,
                "gpu_usage_percent", 90.0,
                "memory_usage_percent", 50.0,
                "temperature_cpu", 60.0,
                "temperature_gpu", 75.0,
                "power_consumption_watts", 300.0,
                "network_usage_mbps", 100.0,
                "disk_usage_percent", 40.0));
        Browser page = browser();
        page.open("/recommend#post-section");

        page.choose("#post-hardware_id", String.valueOf(hardwareId));

        assertThat(page.filledValue("#post-cpu_usage_percent")).isEqualTo("70");
        assertThat(page.value("#post-gpu_usage_percent")).isEqualTo("90");
        assertThat(page.value("#post-power_consumption_watts")).isEqualTo("300");
        assertThat(page.find("#post-fill-status").getText()).contains("10 latest samples");

        page.type("#post-current_latency_ms", "150");
        page.type("#post-current_throughput_qps", "25");
        page.type("#post-current_memory_gb", "12.5");
        page.type("#post-current_cost_per_1000", "2.5");
        page.find("#post-form button[type='submit']").click();

        List<WebElement> cards = resultCards("#post-results");
        assertThat(cards.get(0).getText()).contains("Compared with now")
                .contains("Latency improvement (%)");
        assertThat(page.find("#post-results h3").getText()).contains("post deployment");
        page.screenshot("recommend-post-deployment");
    }

    @Test
    void bothFormsSurviveAReload() {
        Browser page = browser();
        page.open("/recommend");
        page.choose("#pre-model_type", "llama");
        page.filledValue("#pre-framework");
        page.type("#pre-latency_requirement_ms", "250");
        page.choose("#pre-optimization_priority", "cost");
        page.type("#post-current_latency_ms", "80");
        page.find("#post-target_fp16_performance").click();

        page.reload();

        assertThat(page.selected("#pre-model_type")).isEqualTo("llama");
        assertThat(page.value("#pre-latency_requirement_ms")).isEqualTo("250");
        assertThat(page.selected("#pre-optimization_priority")).isEqualTo("cost");
        assertThat(page.value("#post-current_latency_ms")).isEqualTo("80");
        assertThat(page.find("#post-target_fp16_performance").isSelected()).isFalse();
    }

    private List<WebElement> resultCards(String region) {
        return browser().waitUntil(d -> {
            List<WebElement> cards = d.findElements(By.cssSelector(region + " .result-card"));
            return cards.isEmpty() ? null : cards;
        });
    }
}
