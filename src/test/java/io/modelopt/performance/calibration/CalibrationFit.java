package io.modelopt.performance.calibration;

import io.modelopt.performance.Calibration;
import io.modelopt.performance.PerformanceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calibration fit: reads the measurement table, fits the factors, prints every row's
 * error and every exclusion, writes {@code src/main/resources/performance/calibration.properties}
 * and {@code docs/accuracy.md}. Run from the project root with
 * <pre>{@value #COMMAND}</pre>
 * With the argument {@code check} it only evaluates the committed factors and writes nothing.
 */
public final class CalibrationFit {

    static final String COMMAND = "./mvnw -q test-compile"
            + " org.codehaus.mojo:exec-maven-plugin:3.7.0:java -Dexec.classpathScope=test"
            + " -Dexec.mainClass=io.modelopt.performance.calibration.CalibrationFit";

    static final Path MEASUREMENTS =
            Path.of("src/test/resources/calibration/calibration-measurements.csv");
    static final Path MODELS = Path.of("src/test/resources/calibration/models.csv");
    static final Path CATALOG_HARDWARE = Path.of("src/main/resources/catalog/hardware.csv");
    static final Path PROPERTIES =
            Path.of("src/main/resources/performance/calibration.properties");
    static final Path ACCURACY = Path.of("docs/accuracy.md");

    private CalibrationFit() {
    }

    public static void main(String[] args) throws IOException {
        boolean checkOnly = args.length > 0 && args[0].equals("check");
        CalibrationCases.Loaded loaded = load();
        Calibration calibration = checkOnly ? Calibration.fitted()
                : new Fitter(loaded.cases()).fit();
        AccuracyReport report = AccuracyReport.of(loaded, new PerformanceModel(calibration));
        System.out.println(report.rowTable());
        System.out.println(report.exclusionTable());
        System.out.println(report.summary());
        if (!checkOnly) {
            writeProperties(calibration);
            Files.createDirectories(ACCURACY.getParent());
            Files.writeString(ACCURACY, report.markdown(COMMAND), StandardCharsets.UTF_8);
            System.out.println("wrote " + PROPERTIES + " and " + ACCURACY);
        }
    }

    /** The usable rows, against the single-GPU rows of the catalog's hardware table. */
    static CalibrationCases.Loaded load() throws IOException {
        return CalibrationCases.load(MEASUREMENTS, CATALOG_HARDWARE, MODELS);
    }

    private static void writeProperties(Calibration calibration) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Fitted efficiency factors of the performance model. Do not edit by hand.");
        lines.add("# Made by: " + COMMAND);
        lines.add("# from src/test/resources/calibration/calibration-measurements.csv;");
        lines.add("# docs/accuracy.md gives the error of every row under these values.");
        for (String key : Calibration.keys()) {
            lines.add("");
            lines.add("# " + Calibration.meaning(key));
            lines.add(key + "=" + String.format(Locale.ROOT, "%.4g", calibration.value(key)));
        }
        Files.write(PROPERTIES, lines, StandardCharsets.UTF_8);
    }
}
