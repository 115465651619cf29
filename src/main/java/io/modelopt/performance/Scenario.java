package io.modelopt.performance;

import java.util.ArrayList;
import java.util.List;

/**
 * One workload resolved against one configuration and a tensor-parallel degree: the rates it
 * reaches and the work and memory of a batch. Every figure is per device of one replica
 * (tensor parallelism splits weights, KV cache and FLOPs evenly). Confined to one estimate.
 */
final class Scenario {

    /**
     * Share of device memory a runtime may fill: vLLM's default {@code gpu_memory_utilization}
     * is 0.9; the rest holds the CUDA context, the allocator's slack and workspaces.
     */
    static final double USABLE_MEMORY_SHARE = 0.9;

    /** Largest batch searched by auto: TensorRT-LLM's largest configured CUDA-graph batch. */
    static final int MAX_AUTO_BATCH = 8192;

    /**
     * Training state per parameter with Adam in mixed precision: 16-bit weights and gradients
     * (2 + 2), FP32 master weights, momentum and variance (4 + 4 + 4), as counted by
     * Rajbhandari et al., ZeRO (SC 2020). FP32 training also needs 16 (4 + 4 + 8).
     */
    static final double TRAINING_BYTES_PER_PARAMETER = 16;

    /**
     * Boost clock at which the fitted per-kernel costs of compiled runtimes are stated, and
     * assumed for a device whose clock is unknown: 1590 MHz, the median boost clock of the
     * catalog's GPUs.
     */
    static final double REFERENCE_CLOCK_MHZ = 1590;

    /**
     * Share of the last-level cache a working set can keep between passes; the rest serves the
     * streaming traffic. NVIDIA lets a program set aside at most 75% of an A100's L2 for data
     * that should persist (CUDA C++ Programming Guide, "L2 cache set-aside for persisting
     * accesses"); the same share is assumed for every device.
     */
    static final double CACHE_RESIDENT_SHARE = 0.75;

    /** PCIe 4.0 x16, both directions, used when a configuration states no interconnect. */
    static final double PCIE4_GBPS = 64;

    private final ModelShape shape;
    private final Workload workload;
    private final HardwareSpec hardware;
    private final Calibration calibration;
    final Precision precision;
    final String precisionNote;
    final int tensorParallel;
    private final double weightBytesPerParam;
    private final double activationBytes;
    private final double computeFlopsPerMs;
    private final double memoryBytesPerMs;
    private final double linkBytesPerMs;
    private final double paddingRows;
    private final double kernelCostMs;
    private final double allReduceLatencyMs;
    private final boolean hostDispatched;
    private final int inputTokens;
    private final int outputTokens;
    final List<String> notes = new ArrayList<>();

    Scenario(ModelShape shape, Workload workload, HardwareSpec hardware, Calibration calibration,
            int tensorParallel) {
        this.shape = shape;
        this.workload = workload;
        this.hardware = hardware;
        this.calibration = calibration;
        this.tensorParallel = tensorParallel;
        PrecisionChoice choice = PrecisionChoice.resolve(workload.precision(), hardware);
        this.precision = choice.compute();
        this.precisionNote = choice.note();
        this.weightBytesPerParam = workload.precision() == Precision.INT4
                ? Precision.INT4.bytesPerParameter() : precision.bytesPerParameter();
        this.activationBytes = precision.activationBytes();
        double efficiency = calibration.computeEfficiency(hardware) * calibration.layerFactor()
                * calibration.runtimeComputeFactor(workload.runtime())
                * (precision.isEightBit() ? calibration.eightBitFactor() : 1.0);
        this.computeFlopsPerMs = hardware.peakTflops(precision) * 1e9 * efficiency;
        this.memoryBytesPerMs = hardware.memoryBandwidthGBps() * 1e6
                * calibration.memoryEfficiency();
        // Interconnect figures are the vendors' bidirectional totals (NVLink 600 GB/s on A100);
        // a ring all-reduce sends each byte one way per hop, so it sees half.
        double link = hardware.interconnectGBps() > 0 ? hardware.interconnectGBps() : PCIE4_GBPS;
        this.linkBytesPerMs = link / 2 * 1e6 * calibration.interconnectEfficiency();
        this.paddingRows = calibration.paddingRows();
        this.allReduceLatencyMs = calibration.allReduceLatencyUs() * 1e-3;
        // On a GPU the host dispatches while the device computes; on a CPU-only server the
        // same cores do both, so dispatch adds to the time instead of overlapping it.
        this.hostDispatched = workload.runtime().hostDispatched() && !hardware.cpuOnly();
        boolean autocast = workload.runtime() == Runtime.PYTORCH
                && (precision == Precision.FP16 || precision == Precision.BF16);
        this.kernelCostMs = calibration.kernelCostUs(workload.runtime()) * 1e-3
                * (autocast ? calibration.autocastKernelFactor() : 1.0) * clockScale();
        this.inputTokens = sequenceLength(shape, workload);
        this.outputTokens = Math.max(1, workload.outputTokens());
        notes.addAll(shape.notes);
    }

    /**
     * A compiled runtime's per-kernel cost (launch gap, ramp-up and tail of a small kernel) is
     * spent on the device, a fixed number of GPU cycles: it shrinks as the boost clock rises.
     * Host dispatch (eager PyTorch) runs on the CPU and keeps its cost; so does a device whose
     * clock is unknown.
     */
    private double clockScale() {
        double clockMhz = hardware.graphicsClockMhz();
        if (hostDispatched || hardware.cpuOnly() || !(clockMhz > 0)) {
            return 1.0;
        }
        return REFERENCE_CLOCK_MHZ / clockMhz;
    }

    private static int sequenceLength(ModelShape shape, Workload workload) {
        if (shape.family == Family.VIT && workload.inputTokens() == 0) {
            return ModelShape.VIT_DEFAULT_TOKENS;
        }
        return Math.max(1, workload.inputTokens());
    }

    boolean generative() {
        return shape.family.isGenerative();
    }

    boolean training() {
        return workload.task() == TaskType.TRAINING;
    }

    int outputTokens() {
        return outputTokens;
    }

    // ---- memory ----

    double usableBytesPerDevice() {
        return hardware.memoryGb() * 1e9 * USABLE_MEMORY_SHARE;
    }

    double footprintBytesPerDevice(double batch) {
        double weights = shape.totalParams * weightBytesPerParam / tensorParallel;
        if (training()) {
            double state = shape.totalParams * TRAINING_BYTES_PER_PARAMETER / tensorParallel;
            return state + batch * trainingActivationBytes() / tensorParallel;
        }
        double perSample = generative()
                ? kvBytesPerToken() * (inputTokens + outputTokens) / kvSplit()
                        + prefillActivationBytes() / tensorParallel
                : inferenceActivationBytes() / tensorParallel;
        return weights + batch * perSample;
    }

    /**
     * Devices the KV cache is split over: tensor parallelism shards KV heads, and beyond the
     * head count (8 KV heads on 16 devices) each head is replicated instead of split.
     */
    private double kvSplit() {
        return shape.kvHeads > 0 ? Math.min(tensorParallel, shape.kvHeads) : tensorParallel;
    }

    private double kvBytesPerToken() {
        return shape.kvElementsPerToken * activationBytes;
    }

    /** Live activations of one prompt or sequence: input, output and FFN inner width. */
    private double prefillActivationBytes() {
        return inputTokens * (2 * shape.hidden + shape.ffn) * activationBytes;
    }

    private double inferenceActivationBytes() {
        if (shape.family == Family.CNN) {
            return cnnActivationElements() * ModelShape.CNN_LIVE_SHARE * activationBytes;
        }
        return prefillActivationBytes();
    }

    /**
     * Activations kept for the backward pass. Transformers: s*h*(34 + 5*a*s/h) bytes per layer
     * and sample in 16-bit (Korthikanti et al., "Reducing Activation Recomputation in Large
     * Transformer Models", 2022), scaled for FP32. CNNs: conv, norm and activation outputs.
     */
    private double trainingActivationBytes() {
        double scale = activationBytes / 2;
        if (shape.family == Family.CNN) {
            return 3 * cnnActivationElements() * activationBytes;
        }
        if (!shape.hasAttention()) {
            return 0;
        }
        double s = inputTokens;
        double h = shape.hidden;
        return shape.layers * s * h * (34 + 5 * shape.heads * s / h) * scale;
    }

    private double cnnActivationElements() {
        return gflopsPerSample() * ModelShape.CNN_ACTIVATIONS_PER_GFLOP;
    }

    private double gflopsPerSample() {
        if (shape.gflopsPerSample != null) {
            return shape.gflopsPerSample;
        }
        return (2 * shape.prefillLayerParams * inputTokens + attentionFlops(inputTokens, 4))
                / 1e9;
    }

    /** Attention score and value FLOPs of one sequence: 2 matmuls of 2*s*s*h, halved if causal. */
    private double attentionFlops(double tokens, double perPair) {
        return shape.hasAttention() ? perPair * shape.layers * tokens * tokens * shape.hidden : 0;
    }

    /**
     * Share of a pass's memory traffic that reaches DRAM. Back-to-back passes over a working
     * set (weights plus live activations) that fits in the cache's resident share find it
     * there, so none of it does; a larger working set keeps the part that fits, so the share
     * grows smoothly towards 1. Cache bandwidth is taken as never limiting: a known
     * simplification, since L2 delivers several times DRAM's rate on these GPUs.
     */
    double dramShare(int batch) {
        double cacheBytes = hardware.lastLevelCacheMb() * 1e6 * CACHE_RESIDENT_SHARE;
        if (!(cacheBytes > 0)) {
            return 1.0;
        }
        double workingSet = footprintBytesPerDevice(batch);
        return workingSet <= cacheBytes ? 0.0 : 1 - cacheBytes / workingSet;
    }

    /**
     * What the cache did for a batch, for the estimate's notes; null when it served under 1% of
     * the traffic. Concatenated rather than formatted: this runs in every estimate.
     */
    String cacheNote(int batch) {
        long servedPercent = Math.round(100 * (1 - dramShare(batch)));
        if (servedPercent < 1) {
            return null;
        }
        return "working set " + Math.round(footprintBytesPerDevice(batch) / 1e5) / 10.0
                + " MB per device: " + servedPercent + "% of its memory traffic is served from the "
                + Math.round(hardware.lastLevelCacheMb()) + " MB last-level cache instead of DRAM";
    }

    // ---- time ----

    /**
     * Time of one phase on one device. Compute and memory overlap, so the phase takes the
     * longer, plus the all-reduces on the critical path. Compiled runtimes add their launch
     * cost; host-dispatched runtimes launch while the device works, so the phase takes the
     * longer of device time and dispatch time.
     */
    double phase(double weight, double flops, double bytes, double rows, double allReduces,
            double allReduceBytes, double kernels, Tally tally) {
        return phase(weight, flops, bytes, 0, rows, allReduces, allReduceBytes, kernels, tally);
    }

    /**
     * As {@link #phase(double, double, double, double, double, double, double, Tally)}, with
     * {@code separateBytes} moved by memory-bound kernels of their own (unfused norms and
     * activations), which run between the GEMMs and so add to the time instead of overlapping.
     */
    double phase(double weight, double flops, double bytes, double separateBytes, double rows,
            double allReduces, double allReduceBytes, double kernels, Tally tally) {
        double padding = rows > 0 ? (rows + paddingRows) / rows : 1.0;
        double compute = flops * padding / computeFlopsPerMs;
        double overlapped = bytes / memoryBytesPerMs;
        double separate = separateBytes / memoryBytesPerMs;
        double communication = allReduces == 0 ? 0 : allReduces * (allReduceLatencyMs
                + 2.0 * (tensorParallel - 1) / tensorParallel * allReduceBytes / linkBytesPerMs);
        double device = Math.max(compute, overlapped) + separate + communication;
        double overhead = kernels * kernelCostMs;
        double total = hostDispatched ? Math.max(device, overhead) : device + overhead;
        tally.add(weight, compute, overlapped + separate, communication, overhead, device, total);
        return total;
    }

    private double kernelsPerPass() {
        return shape.layers * (double) shape.family.kernelsPerLayer();
    }

    private double allReducesPerPass() {
        return tensorParallel > 1 && shape.hasAttention() ? 2.0 * shape.layers : 0;
    }

    private double weightBytes() {
        return shape.totalParams * weightBytesPerParam / tensorParallel;
    }

    /** One forward pass over a batch of whole samples (encoders, CNNs, ViTs). */
    double forward(int batch, double weight, Tally tally) {
        double flops = batch * gflopsPerSample() * 1e9 / tensorParallel;
        double rows = shape.family == Family.CNN
                ? batch * (double) ModelShape.CNN_ROWS_PER_SAMPLE : batch * (double) inputTokens;
        double allReduceBytes = batch * (double) inputTokens * shape.hidden * activationBytes;
        double dram = dramShare(batch);
        return phase(weight, flops, (weightBytes() + gemmActivationBytes(batch)) * dram,
                separateActivationBytes(batch) * dram, rows, allReducesPerPass(),
                allReduceBytes, kernelsPerPass(), tally);
    }

    /** CNN feature maps written by one conv and read by the next: two passes per map. */
    private double gemmActivationBytes(int batch) {
        return shape.family == Family.CNN
                ? 2 * batch * cnnActivationElements() * activationBytes / tensorParallel : 0;
    }

    /** CNN feature-map traffic of unfused norm and activation kernels (eager runtimes). */
    private double separateActivationBytes(int batch) {
        return shape.family == Family.CNN ? batch * cnnActivationElements() * activationBytes
                * workload.runtime().separatePasses() / tensorParallel : 0;
    }

    /** Prefill of a batch of prompts: every prompt token, the head for the last one only. */
    double prefill(int batch, Tally tally) {
        double tokens = batch * (double) inputTokens;
        double perPair = shape.family == Family.ENCODER_DECODER ? 4 : 2;
        double flops = (2 * shape.prefillLayerParams * tokens
                + batch * attentionFlops(inputTokens, perPair)
                + 2 * shape.lmHeadParams * batch) / tensorParallel;
        double kvWrite = tokens * kvBytesPerToken() / kvSplit();
        double allReduceBytes = tokens * shape.hidden * activationBytes;
        return phase(1, flops, (weightBytes() + kvWrite) * dramShare(batch), tokens,
                allReducesPerPass(), allReduceBytes, kernelsPerPass(), tally);
    }

    /** One decode step of a batch at a context length: weights plus the whole KV cache. */
    double decodeStep(int batch, double context, double weight, Tally tally) {
        double flops = (2 * (shape.decodeLayerParams + shape.lmHeadParams) * batch
                + 4 * shape.layers * context * shape.hidden * batch) / tensorParallel;
        double weights = (shape.decodeDenseParams + shape.lmHeadParams
                + expertsTouched(batch) * shape.expertParams) * weightBytesPerParam;
        double kvRead = batch * context * kvBytesPerToken() / kvSplit();
        double allReduceBytes = batch * shape.hidden * activationBytes;
        return phase(weight, flops, (weights / tensorParallel + kvRead) * dramShare(batch),
                batch, allReducesPerPass(), allReduceBytes, kernelsPerPass(), tally);
    }

    /**
     * Distinct experts a decode step reads: with B tokens each routed to k of E experts,
     * E * (1 - (1 - k/E)^B) in expectation for uniform routing.
     */
    private double expertsTouched(int batch) {
        if (shape.expertParams == 0) {
            return 0;
        }
        double e = shape.experts;
        return e * (1 - Math.pow(1 - shape.activeExperts / e, batch));
    }

    /**
     * One training step: forward and backward (3x the forward FLOPs and traffic, the
     * 6 x parameters x tokens rule for transformers), then the Adam update, which reads and
     * writes the training state once; data-parallel replicas all-reduce the gradients.
     */
    double trainingStep(int batch, int replicas, Tally tally) {
        double tokens = batch * (double) inputTokens;
        double forwardFlops = batch * gflopsPerSample() * 1e9
                + 2 * shape.lmHeadParams * tokens;
        double rows = shape.family == Family.CNN
                ? batch * (double) ModelShape.CNN_ROWS_PER_SAMPLE : tokens;
        double passBytes = 3 * (weightBytes() + gemmActivationBytes(batch));
        double allReduceBytes = tokens * shape.hidden * activationBytes;
        double time = phase(1, 3 * forwardFlops / tensorParallel, passBytes,
                3 * separateActivationBytes(batch), rows, 2 * allReducesPerPass(),
                allReduceBytes, 3 * kernelsPerPass(), tally);
        double stateBytes = 2 * shape.totalParams * TRAINING_BYTES_PER_PARAMETER
                / tensorParallel;
        time += phase(1, 0, stateBytes, 0, 0, 0, 0, tally);
        if (replicas > 1) {
            double gradients = shape.totalParams * activationBytes / tensorParallel;
            time += ringAllReduce(gradients, replicas, tally);
        }
        return time;
    }

    private double ringAllReduce(double bytes, int participants, Tally tally) {
        double ms = allReduceLatencyMs
                + 2.0 * (participants - 1) / participants * bytes / linkBytesPerMs;
        tally.add(1, 0, 0, ms, 0, ms, ms);
        return ms;
    }

    double tdpWatts() {
        return hardware.tdpWatts();
    }

    double inputTokensForDecode() {
        return inputTokens;
    }

    /** The calibration factors this scenario applied, each with its meaning. */
    List<EfficiencyFactor> factors() {
        List<EfficiencyFactor> factors = new ArrayList<>();
        String generation = Calibration.generationKey(hardware);
        if (generation == null) {
            factors.add(new EfficiencyFactor("compute.median",
                    calibration.computeEfficiency(hardware), "no calibration row for '"
                    + hardware.generation() + "': median of the fitted generations"));
        } else {
            factors.addAll(calibration.describe(List.of(generation)));
        }
        List<String> keys = new ArrayList<>();
        keys.add("compute.layer");
        if (precision.isEightBit()) {
            keys.add("compute.eightBit");
        }
        keys.add("compute.paddingRows");
        keys.add("memory.efficiency");
        if (tensorParallel > 1 || training()) {
            keys.add("interconnect.efficiency");
            keys.add("allreduce.latencyUs");
        }
        keys.add(Calibration.runtimeComputeKey(workload.runtime()));
        keys.add(Calibration.kernelKey(workload.runtime()));
        if (kernelCostMs > 0 && workload.runtime() == Runtime.PYTORCH
                && (precision == Precision.FP16 || precision == Precision.BF16)) {
            keys.add("pytorch.autocastKernels");
        }
        factors.addAll(calibration.describe(keys));
        return factors;
    }
}
