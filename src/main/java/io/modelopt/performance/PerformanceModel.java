package io.modelopt.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The analytical performance model: a roofline per phase (compute against memory traffic),
 * plus kernel-launch overhead and tensor-parallel all-reduces, with efficiencies taken from a
 * fitted {@link Calibration}.
 *
 * <p>Immutable and thread-safe; one estimate allocates a few small objects and takes
 * microseconds, so callers may estimate a whole catalog per request.
 */
public final class PerformanceModel {

    private static final double MS_PER_HOUR = 3_600_000;

    private final Calibration calibration;

    public PerformanceModel(Calibration calibration) {
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /** A model with the committed fitted factors. */
    public static PerformanceModel fitted() {
        return new PerformanceModel(Calibration.fitted());
    }

    public Calibration calibration() {
        return calibration;
    }

    /**
     * Estimates a workload on a configuration.
     *
     * @throws IllegalArgumentException when the parallelism asks for more devices than the
     *     configuration has, or the model lacks what its family needs (a CNN without GFLOPs)
     */
    public Estimate estimate(Workload workload, HardwareSpec hardware, Parallelism parallelism) {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(hardware, "hardware");
        Parallelism requested = parallelism == null ? Parallelism.defaults() : parallelism;
        ModelShape shape = ModelShape.of(workload.model());
        requireComputable(shape, workload);
        int devices = devicesToUse(requested, hardware);
        Scenario scenario = chooseTensorParallel(shape, workload, hardware, requested, devices);
        int replicas = devices / scenario.tensorParallel;
        int batch = chooseBatch(scenario, workload.batchSize(), replicas);
        return finish(scenario, hardware, batch, replicas);
    }

    /**
     * Time of one isolated GEMM, (M x K) times (K x N), on one device: the compute and memory
     * terms alone, at the isolated-GEMM efficiency and without launch cost. It checks those
     * terms against operator measurements; whole models go through {@link #estimate}.
     */
    public double gemmMs(HardwareSpec hardware, Precision precision, long m, long n, long k) {
        Precision used = PrecisionChoice.resolve(precision, hardware).compute();
        double efficiency = calibration.computeEfficiency(hardware)
                * (used.isEightBit() ? calibration.eightBitFactor() : 1.0);
        double padding = (m + calibration.paddingRows()) / m;
        double computeMs = 2.0 * m * n * k * padding
                / (hardware.peakTflops(used) * 1e9 * efficiency);
        double bytes = ((double) m * k + (double) k * n + (double) m * n)
                * used.bytesPerParameter();
        double memoryMs = bytes / (hardware.memoryBandwidthGBps() * 1e6
                * calibration.memoryEfficiency());
        return Math.max(computeMs, memoryMs);
    }

    private static void requireComputable(ModelShape shape, Workload workload) {
        if (shape.family == Family.CNN && shape.gflopsPerSample == null) {
            throw new IllegalArgumentException(
                    "a CNN needs gflopsPerSample: its FLOPs cannot be derived from parameters");
        }
        boolean sequenceFree = shape.family == Family.VIT || shape.gflopsPerSample != null;
        if (!shape.family.isGenerative() && !sequenceFree && workload.inputTokens() < 1) {
            throw new IllegalArgumentException(
                    "inputTokens (sequence length) is required for " + shape.family);
        }
    }

    private static int devicesToUse(Parallelism requested, HardwareSpec hardware) {
        int available = hardware.deviceCount();
        if (requested.numGpus() != null) {
            if (requested.numGpus() > available) {
                throw new IllegalArgumentException("numGpus " + requested.numGpus()
                        + " exceeds the " + available + " devices of " + hardware.name());
            }
            return requested.numGpus();
        }
        Integer tp = requested.tensorParallel();
        if (tp != null) {
            if (tp > available) {
                throw new IllegalArgumentException("tensorParallel " + tp + " exceeds the "
                        + available + " devices of " + hardware.name());
            }
            return tp * (available / tp);
        }
        return available;
    }

    /** The requested degree, or the smallest power of two dividing the devices that fits. */
    private Scenario chooseTensorParallel(ModelShape shape, Workload workload,
            HardwareSpec hardware, Parallelism requested, int devices) {
        if (requested.tensorParallel() != null) {
            return new Scenario(shape, workload, hardware, calibration,
                    requested.tensorParallel());
        }
        int minimumBatch = workload.batchSize().isAuto() ? 1 : workload.batchSize().value();
        Scenario last = null;
        for (int tp = 1; tp <= devices; tp *= 2) {
            if (devices % tp != 0) {
                break;
            }
            last = new Scenario(shape, workload, hardware, calibration, tp);
            if (last.footprintBytesPerDevice(minimumBatch) <= last.usableBytesPerDevice()) {
                return last;
            }
        }
        return last;
    }

    /**
     * Auto: among batches 1, 2, 4 ... up to the largest that fits, the smallest whose
     * throughput is within 1% of the best (larger batches past that only add latency).
     */
    private static int chooseBatch(Scenario scenario, BatchSize requested, int replicas) {
        if (!requested.isAuto()) {
            return requested.value();
        }
        int largest = largestFittingBatch(scenario);
        if (largest < 1) {
            return 1;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int b = 1; b < largest; b *= 2) {
            candidates.add(b);
        }
        candidates.add(largest);
        double[] throughput = new double[candidates.size()];
        double best = 0;
        for (int i = 0; i < throughput.length; i++) {
            int b = candidates.get(i);
            throughput[i] = b / run(scenario, b, replicas, new Tally()).latencyMs;
            best = Math.max(best, throughput[i]);
        }
        for (int i = 0; i < throughput.length; i++) {
            if (throughput[i] >= 0.99 * best) {
                return candidates.get(i);
            }
        }
        return largest;
    }

    /** Footprint is linear in the batch, so the largest fitting batch is solved directly. */
    private static int largestFittingBatch(Scenario scenario) {
        double fixed = scenario.footprintBytesPerDevice(0);
        double perSample = scenario.footprintBytesPerDevice(1) - fixed;
        double room = scenario.usableBytesPerDevice() - fixed;
        if (room < perSample) {
            return 0;
        }
        double largest = perSample > 0 ? Math.floor(room / perSample) : Scenario.MAX_AUTO_BATCH;
        return (int) Math.min(largest, Scenario.MAX_AUTO_BATCH);
    }

    /** Times of one batch: whole latency and, for generative models, TTFT and TPOT. */
    private record Run(double latencyMs, double ttftMs, double tpotMs) {
    }

    private static Run run(Scenario scenario, int batch, int replicas, Tally tally) {
        if (scenario.training()) {
            return new Run(scenario.trainingStep(batch, replicas, tally), Double.NaN, Double.NaN);
        }
        if (!scenario.generative()) {
            return new Run(scenario.forward(batch, 1, tally), Double.NaN, Double.NaN);
        }
        double ttft = scenario.prefill(batch, tally);
        int steps = scenario.outputTokens() - 1;
        double tpot = meanDecodeStep(scenario, batch, Math.max(steps, 1), steps, tally);
        return new Run(ttft + steps * tpot, ttft, tpot);
    }

    /**
     * Mean decode step over the generation by Simpson's rule on the first, middle and last
     * context length (the step is piecewise linear in context). Its terms enter the tally
     * weighted by the number of steps.
     */
    private static double meanDecodeStep(Scenario scenario, int batch, int span, int steps,
            Tally tally) {
        double first = scenario.inputTokensForDecode() + 1;
        double last = first + span - 1;
        double weight = steps / 6.0;
        double a = scenario.decodeStep(batch, first, weight, tally);
        double m = scenario.decodeStep(batch, (first + last) / 2, 4 * weight, tally);
        double z = scenario.decodeStep(batch, last, weight, tally);
        return (a + 4 * m + z) / 6;
    }

    private Estimate finish(Scenario scenario, HardwareSpec hardware, int batch, int replicas) {
        double footprint = scenario.footprintBytesPerDevice(batch);
        boolean fits = footprint <= scenario.usableBytesPerDevice();
        int tp = scenario.tensorParallel;
        double memoryGb = footprint * tp / 1e9;
        double capacityGb = hardware.memoryGb() * tp;
        List<String> notes = new ArrayList<>(scenario.notes);
        if (!fits) {
            notes.add(String.format(Locale.ROOT, "needs %.1f GB per device, more than the "
                    + "%.0f%% of %.0f GB a runtime can use", footprint / 1e9,
                    100 * Scenario.USABLE_MEMORY_SHARE, hardware.memoryGb()));
            Breakdown empty = new Breakdown(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    factors(scenario, hardware));
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    memoryGb, capacityGb, false, Bottleneck.CAPACITY, batch, scenario.precision,
                    scenario.precisionNote, tp, replicas, Double.NaN, Double.NaN, Double.NaN,
                    empty, notes);
        }
        String cacheNote = scenario.cacheNote(batch);
        if (cacheNote != null) {
            notes.add(cacheNote);
        }
        Tally tally = new Tally();
        Run run = run(scenario, batch, replicas, tally);
        double qps = replicas * batch / run.latencyMs * 1000;
        boolean generative = scenario.generative() && !scenario.training();
        double tokensPerS = generative ? qps * scenario.outputTokens() : Double.NaN;
        double usdPerMs = hardware.priceUsdPerHour() / MS_PER_HOUR;
        double costPer1000 = usdPerMs > 0 ? usdPerMs * 1000 / qps * 1000 : Double.NaN;
        double costPerMillion = usdPerMs > 0 && generative
                ? usdPerMs * 1000 / tokensPerS * 1e6 : Double.NaN;
        double energyWh = scenario.tdpWatts() > 0
                ? tp * scenario.tdpWatts() * tally.busyMs / 1000 / batch * 1000 / 3600
                : Double.NaN;
        Breakdown breakdown = new Breakdown(tally.computeMs, tally.memoryMs,
                tally.communicationMs, tally.overheadMs, factors(scenario, hardware));
        return new Estimate(run.latencyMs, qps, tokensPerS, run.ttftMs, run.tpotMs, memoryGb,
                capacityGb, true, tally.bottleneck(), batch, scenario.precision,
                scenario.precisionNote, tp, replicas, costPer1000, costPerMillion, energyWh,
                breakdown, notes);
    }

    private static List<EfficiencyFactor> factors(Scenario scenario, HardwareSpec hardware) {
        return scenario.factors();
    }
}
