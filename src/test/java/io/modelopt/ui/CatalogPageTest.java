package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The Catalog page: hardware and models filtered and sorted, and the CSV upload. */
class CatalogPageTest extends BrowserTestBase {

    @Test
    void hardwareIsFilteredByVendorAndSortedByAColumnHeader() {
        Browser page = browser();
        page.open("/catalog");
        page.waitUntil(d -> hardwareNames().size() >= 22 ? true : null);

        page.choose("#hardware-vendor", "NVIDIA");
        page.find("#hardware-table th button[data-sort='memory_gb']").click();
        page.find("#hardware-table th button[data-sort='memory_gb']").click();

        List<Double> memory = columnNumbers("#hardware-table", "Memory per device (GB)");
        assertThat(memory).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(page.findAll("#hardware-table tbody td[data-label='Vendor']"))
                .extracting(WebElement::getText).containsOnly("NVIDIA");
        assertThat(page.find("#hardware-table th[aria-sort='descending'] button").getText())
                .isEqualTo("Memory per device (GB)");
        assertThat(page.query()).contains("hw.vendor=NVIDIA").contains("hw.sort=memory_gb")
                .contains("hw.dir=desc");
        page.screenshot("catalog");
    }

    @Test
    void sortingAndFilteringWorkByKeyboard() {
        Browser page = browser();
        page.open("/catalog");
        page.waitUntil(d -> hardwareNames().size() >= 22 ? true : null);

        page.find("#hardware-table th button[data-sort='price_usd_per_hour']").sendKeys(Keys.ENTER);
        page.find("#hardware-kind").sendKeys(Keys.ARROW_DOWN);

        page.waitUntil(d -> page.query().contains("hw.kind=gpu") ? true : null);
        assertThat(page.find("#hardware-table th[aria-sort='ascending'] button").getText())
                .isEqualTo("Price (USD/h)");
        assertThat(columnNumbers("#hardware-table", "Price (USD/h)")).isSorted();
        assertThat(page.findAll("#hardware-table tbody td[data-label='GPUs']"))
                .extracting(WebElement::getText).doesNotContain("0");
    }

    @Test
    void hardwareSearchNarrowsTheRows() {
        Browser page = browser();
        page.open("/catalog");
        page.waitUntil(d -> hardwareNames().size() >= 22 ? true : null);

        page.type("#hardware-q", "H100");

        page.waitUntil(d -> hardwareNames().size() < 22 ? true : null);
        assertThat(page.findAll("#hardware-table tbody tr")).allSatisfy(row ->
                assertThat(row.getText()).containsIgnoringCase("H100"));
    }

    @Test
    void modelsAreFilteredByTypeAndTaskOnTheServer() {
        Browser page = browser();
        page.open("/catalog");

        page.choose("#model-model_type", "bert");
        page.choose("#model-task_type", "training");

        page.waitUntil(d -> {
            List<String> tasks = page.findAll("#model-table tbody td[data-label='Task']").stream()
                    .map(WebElement::getText).distinct().toList();
            return tasks.equals(List.of("training")) ? true : null;
        });
        assertThat(page.findAll("#model-table tbody td[data-label='Name']"))
                .extracting(cell -> cell.getText().lines().findFirst().orElse(""))
                .containsExactlyInAnyOrder("BERT-base", "BERT-large");
    }

    @Test
    void aValidCsvUploadShowsItsCounts() throws IOException {
        Browser page = browser();
        page.open("/catalog");
        // The bundled rows as they are: loading them again changes nothing in the shared
        // database, and the page still shows the counts the service answered.
        Path csv = tempCsv("bundled-hardware", bundledHead("catalog/hardware.csv", 3));

        page.choose("#upload-table", "hardware");
        page.find("#upload-file").sendKeys(csv.toString());
        page.find("#upload-form button[type='submit']").click();

        WebElement status = page.waitUntil(d -> {
            WebElement line = d.findElement(By.id("upload-status"));
            return line.getText().contains("unchanged") ? line : null;
        });
        assertThat(status.getText()).contains("0 inserted").contains("0 updated")
                .contains("2 unchanged").contains("(2 rows)");
        assertThat(page.find("#upload-errors").isDisplayed()).isFalse();
    }

    @Test
    void aRejectedCsvShowsTheRowsAtFault() throws IOException {
        Browser page = browser();
        page.open("/catalog");
        page.expectConsoleError("400");
        // The first bundled row under a new name and without its GPU: a GPU configuration
        // needs one, so the service rejects the file, naming line 2 and the column.
        String[] lines = bundledHead("catalog/hardware.csv", 2).split("\n");
        String[] cells = lines[1].split(",", -1);
        cells[0] = "UI-Test-Broken";
        cells[3] = "";
        Path csv = tempCsv("broken-hardware", lines[0] + "\n" + String.join(",", cells) + "\n");

        page.choose("#upload-table", "hardware");
        page.find("#upload-file").sendKeys(csv.toString());
        page.find("#upload-form button[type='submit']").click();

        WebElement errors = page.visible("#upload-errors");
        List<WebElement> rows = errors.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).findElement(By.cssSelector("td[data-label='Line']")).getText())
                .isEqualTo("2");
        assertThat(errors.getText()).contains("gpu");
        assertThat(page.find("#upload-status").getText()).contains("rejected")
                .contains("nothing was changed");
        page.screenshot("catalog-rejected-csv");
    }

    private List<String> hardwareNames() {
        return browser().findAll("#hardware-table tbody td[data-label='Name']").stream()
                .map(WebElement::getText).toList();
    }

    private List<Double> columnNumbers(String table, String label) {
        return browser().findAll(table + " tbody td[data-label='" + label + "']").stream()
                .map(WebElement::getText)
                .filter(text -> !text.equals("\u2014"))
                .map(text -> Double.parseDouble(text.replace(",", "")))
                .toList();
    }

    /** The header and the first lines of a bundled catalog CSV (lines counts the header). */
    private static String bundledHead(String resource, int lines) throws IOException {
        try (InputStream in = CatalogPageTest.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return String.join("\n", text.lines().limit(lines).toList()) + "\n";
        }
    }

    private static Path tempCsv(String name, String content) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "ui-uploads"));
        Path file = Files.createTempFile(directory, name + "-", ".csv").toAbsolutePath();
        Files.writeString(file, content);
        return file;
    }
}
