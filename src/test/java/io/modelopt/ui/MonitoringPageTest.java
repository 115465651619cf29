package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Monitoring page: charts and summary of hardware, VM and process samples. */
class MonitoringPageTest extends BrowserTestBase {

    @Test
    void hardwareChartsAndSummaryShowTheSamplesOfTheChosenRange() {
        long hardwareId = Seed.hardwareIdFromEnd(api(), 4);
        Seed.hardwareSamples(api(), hardwareId, 20, i -> Map.of(
                "cpu_usage_percent", 40.0 + i,
                "gpu_usage_percent", 60.0 + i,
                "memory_usage_percent", 55.0,
                "temperature_cpu", 58.0,
                "temperature_gpu", 70.0 + i / 2.0,
                "power_consumption_watts", 250.0 + i,
                "network_usage_mbps", 12.0,
                "disk_usage_percent", 33.0));
        Browser page = browser();
        page.open("/monitoring");

        page.choose("#source", "hardware");
        page.choose("#hardware_id", String.valueOf(hardwareId));
        page.choose("#range", "1h");

        List<WebElement> charts = chartsWithSeries(4);
        assertThat(charts.get(0).getDomAttribute("aria-label")).contains("CPU").contains("GPU")
                .contains("Memory");
        assertThat(charts.get(1).getDomAttribute("aria-label")).contains("Temperatures");
        assertThat(charts.get(2).getDomAttribute("aria-label")).contains("Power");
        assertThat(figure("total_records")).isEqualTo("20");
        assertThat(figure("max_cpu_usage")).isEqualTo("59");
        assertThat(page.find("#last-updated").getText()).startsWith("Last updated");
        assertThat(page.query()).contains("hardware_id=" + hardwareId).contains("range=1h");
        page.screenshot("monitoring");
    }

    @Test
    void aSamplePushedWhileThePageIsOpenAppearsWithoutAReload() {
        long hardwareId = Seed.hardwareIdFromEnd(api(), 5);
        Seed.hardwareSamples(api(), hardwareId, 3, i -> Map.of("cpu_usage_percent", 20.0));
        Browser page = browser();
        page.open("/monitoring?source=hardware&hardware_id=" + hardwareId + "&range=1h");
        page.waitUntil(d -> "3".equals(figure("total_records")) ? true : null);

        Seed.hardwareSamples(api(), hardwareId, 1, i -> Map.of("cpu_usage_percent", 95.0));

        page.waitUntil(d -> "4".equals(figure("total_records")) ? true : null);
        assertThat(figure("max_cpu_usage")).isEqualTo("95");
    }

    @Test
    void vmChartsAndSummary() {
        String vm = "ui-test-vm-" + UUID.randomUUID().toString().substring(0, 8);
        Seed.vmSamples(api(), vm, 6);
        Browser page = browser();
        page.open("/monitoring");

        page.choose("#source", "vm");
        page.choose("#vm_name", vm);

        chartsWithSeries(2);
        assertThat(figure("total_records")).isEqualTo("6");
        assertThat(figure("avg_cpu_usage")).isEqualTo("22.5");
        page.screenshot("monitoring-vm");
    }

    @Test
    void processChartsAndSummary() {
        String process = "ui-test-" + UUID.randomUUID().toString().substring(0, 8) + ".exe";
        Seed.processSamples(api(), process, 5);
        Browser page = browser();
        page.open("/monitoring");

        page.choose("#source", "process");
        page.choose("#process_name", process);

        chartsWithSeries(2);
        assertThat(figure("total_records")).isEqualTo("5");
        assertThat(figure("avg_cpu_usage_percent")).isEqualTo("12");
    }

    @Test
    void theSelectionSurvivesAReload() {
        Browser page = browser();
        page.open("/monitoring");
        page.choose("#range", "custom");
        // A date picker's typing order depends on the locale: set the value as a picker would.
        page.script("const input = arguments[0]; input.value = '2030-01-01T12:00:30';"
                + " input.dispatchEvent(new Event('change', {bubbles: true}));", page.find("#start"));
        page.choose("#source", "vm");

        page.reload();

        assertThat(page.selected("#source")).isEqualTo("vm");
        assertThat(page.selected("#range")).isEqualTo("custom");
        assertThat(page.find("#start").isDisplayed()).isTrue();
        assertThat(page.value("#start")).isEqualTo("2030-01-01T12:00:30");
    }

    /** Waits until the page shows count charts that each draw at least one line. */
    private List<WebElement> chartsWithSeries(int count) {
        return browser().waitUntil(d -> {
            List<WebElement> charts = d.findElements(By.cssSelector("#charts .chart"));
            boolean drawn = charts.size() == count && charts.stream().allMatch(chart ->
                    Integer.parseInt(chart.getDomAttribute("data-series") == null ? "0"
                            : chart.getDomAttribute("data-series")) > 0);
            return drawn ? charts : null;
        });
    }

    /** The text of a summary figure, or null while it is not shown. */
    private String figure(String key) {
        List<WebElement> found = browser().findAll("#summary [data-key='" + key + "'] dd");
        return found.isEmpty() ? null : found.get(0).getText();
    }
}
