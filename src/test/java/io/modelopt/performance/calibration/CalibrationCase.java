package io.modelopt.performance.calibration;

import io.modelopt.performance.Estimate;
import io.modelopt.performance.HardwareSpec;
import io.modelopt.performance.Parallelism;
import io.modelopt.performance.PerformanceModel;
import io.modelopt.performance.Workload;
import java.util.function.ToDoubleFunction;

/**
 * One usable row of the calibration table: the workload it measured, where, and which field
 * of an estimate corresponds to the measured value.
 *
 * @param id the row's case_id
 * @param modelKey model group for ranking pairs
 * @param accelerator the table's accelerator text
 * @param workloadKey phase, metric, batch, lengths and device count: rows sharing it on
 *     different hardware form ranking pairs
 * @param metric the table's metric
 * @param measured the value compared against (the table's value, unless interpretation says)
 * @param workload what ran
 * @param hardware where it ran
 * @param parallelism how it was spread
 * @param predicted reads the comparable figure from an estimate
 * @param gemm M, N, K of an operator row (timed with {@link PerformanceModel#gemmMs}), or null
 * @param interpretation how the row was read, in plain words
 */
record CalibrationCase(
        String id,
        String modelKey,
        String accelerator,
        String workloadKey,
        String metric,
        double measured,
        Workload workload,
        HardwareSpec hardware,
        Parallelism parallelism,
        ToDoubleFunction<Estimate> predicted,
        long[] gemm,
        String interpretation) {

    /**
     * The model's figure for this row. A published run at a fixed batch did fit, so where the
     * model's footprint exceeds the device it is timed on a device just large enough (see
     * {@link #overCapacity}): the time terms do not depend on capacity.
     */
    double predict(PerformanceModel model) {
        if (gemm != null) {
            return model.gemmMs(hardware, workload.precision(), gemm[0], gemm[1], gemm[2]);
        }
        Estimate estimate = model.estimate(workload, hardware, parallelism);
        if (!estimate.fits() && !workload.batchSize().isAuto()) {
            double neededGb = estimate.memoryGb() / estimate.tensorParallel();
            estimate = model.estimate(workload, hardware.withMemoryGb(neededGb / 0.89),
                    parallelism);
        }
        return estimate.fits() ? predicted.applyAsDouble(estimate) : Double.NaN;
    }

    /** True when the model thinks the published run could not fit the device. */
    boolean overCapacity(PerformanceModel model) {
        return gemm == null && !model.estimate(workload, hardware, parallelism).fits();
    }

    boolean higherIsBetter() {
        return metric.startsWith("throughput");
    }
}
