package io.modelopt.performance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelopt.performance.PerformanceModel;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The committed factors against the whole calibration table, as docs/accuracy.md reports. */
class CalibrationTableTest {

    @Test
    void everyUsableRowIsWithinTwiceTheMeasurementAndTheMedianWithinTwentyPercent()
            throws IOException {
        AccuracyReport report = AccuracyReport.of(CalibrationFit.load(),
                PerformanceModel.fitted());

        assertThat(report.results()).filteredOn(r -> !r.within2x()).isEmpty();
        assertThat(report.medianApe()).isLessThanOrEqualTo(0.20);
    }

    @Test
    void everyExcludedRowSaysWhy() throws IOException {
        CalibrationCases.Loaded loaded = CalibrationFit.load();

        assertThat(loaded.exclusions()).allMatch(e -> e.reason().length() > 20);
        assertThat(loaded.cases().size() + loaded.exclusions().size()).isEqualTo(82);
    }
}
