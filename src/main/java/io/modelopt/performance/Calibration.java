package io.modelopt.performance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The fitted efficiency factors of the performance model. Each factor depends on a hardware
 * generation, a runtime or a precision class, never on one measurement or one model: the fit
 * ({@code CalibrationFit} in the test sources) chooses them against the calibration table and
 * writes {@code performance/calibration.properties}, which {@link #fitted()} loads.
 *
 * <p>Immutable and thread-safe.
 */
public final class Calibration {

    /** Generations with a fitted compute efficiency; others use the median of these. */
    static final List<String> GENERATIONS = List.of("volta", "turing", "ampere", "ada", "hopper");

    /** Runtimes with a fitted per-kernel cost; the others borrow one (see {@link #kernelKey}). */
    static final List<Runtime> KERNEL_FITTED = List.of(
            Runtime.TENSORRT, Runtime.TENSORRT_LLM, Runtime.PYTORCH, Runtime.LMDEPLOY);

    private static final String RESOURCE = "/performance/calibration.properties";

    /** Every factor, in file order, with its one-line meaning. */
    static final Map<String, String> MEANINGS = meanings();

    private final Map<String, Double> values;
    private final double defaultComputeEfficiency;
    private final EnumMap<Runtime, Double> kernelCostUs = new EnumMap<>(Runtime.class);
    private final EnumMap<Runtime, Double> runtimeCompute = new EnumMap<>(Runtime.class);

    private Calibration(Map<String, Double> values) {
        for (String key : MEANINGS.keySet()) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("calibration lacks factor " + key);
            }
        }
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.defaultComputeEfficiency = median(GENERATIONS.stream()
                .mapToDouble(g -> values.get("compute." + g)).toArray());
        for (Runtime runtime : Runtime.values()) {
            kernelCostUs.put(runtime, values.get(kernelKey(runtime)));
            runtimeCompute.put(runtime, values.get(runtimeComputeKey(runtime)));
        }
    }

    /** A calibration from explicit values; every key of {@link #keys()} must be present. */
    public static Calibration of(Map<String, Double> values) {
        return new Calibration(values);
    }

    /** The committed fitted values, read from the classpath. */
    public static Calibration fitted() {
        try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return fromProperties(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Calibration fromProperties(Properties properties) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : MEANINGS.keySet()) {
            String text = properties.getProperty(key);
            if (text == null) {
                throw new IllegalArgumentException("calibration lacks factor " + key);
            }
            values.put(key, Double.parseDouble(text.trim()));
        }
        return new Calibration(values);
    }

    /** Factor names in file order. */
    public static List<String> keys() {
        return List.copyOf(MEANINGS.keySet());
    }

    public static String meaning(String key) {
        return MEANINGS.get(key);
    }

    public double value(String key) {
        Double value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no calibration factor " + key);
        }
        return value;
    }

    public Map<String, Double> values() {
        return values;
    }

    public Calibration with(String key, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Calibration(copy);
    }

    /** Key of the compute efficiency for a configuration, or null for the fleet median. */
    static String generationKey(HardwareSpec hardware) {
        String generation = hardware.generation().toLowerCase(Locale.ROOT);
        if (hardware.cpuOnly()) {
            return null;
        }
        for (String known : GENERATIONS) {
            if (generation.contains(known)) {
                return "compute." + known;
            }
        }
        return null;
    }

    double computeEfficiency(HardwareSpec hardware) {
        String key = generationKey(hardware);
        return key == null ? defaultComputeEfficiency : values.get(key);
    }

    double layerFactor() {
        return values.get("compute.layer");
    }

    double eightBitFactor() {
        return values.get("compute.eightBit");
    }

    double paddingRows() {
        return values.get("compute.paddingRows");
    }

    double memoryEfficiency() {
        return values.get("memory.efficiency");
    }

    double interconnectEfficiency() {
        return values.get("interconnect.efficiency");
    }

    double allReduceLatencyUs() {
        return values.get("allreduce.latencyUs");
    }

    double kernelCostUs(Runtime runtime) {
        return kernelCostUs.get(runtime);
    }

    double runtimeComputeFactor(Runtime runtime) {
        return runtimeCompute.get(runtime);
    }

    double autocastKernelFactor() {
        return values.get("pytorch.autocastKernels");
    }

    /**
     * vLLM has no usable calibration row (its one row lacks prompt lengths) and shares
     * TensorRT-LLM's cost: both replay decode steps as CUDA graphs. ONNX Runtime has none and
     * shares TensorRT's: both launch a fused, pre-built graph from C++.
     */
    static String kernelKey(Runtime runtime) {
        Runtime source = switch (runtime) {
            case VLLM -> Runtime.TENSORRT_LLM;
            case ONNXRUNTIME -> Runtime.TENSORRT;
            default -> runtime;
        };
        return "kernel." + source.name().toLowerCase(Locale.ROOT) + "Us";
    }

    /**
     * TensorRT and TensorRT-LLM are the reference (factor 1). vLLM shares LMDeploy's fitted
     * factor (both serve with their own CUDA kernels, no row of vLLM is usable); ONNX Runtime
     * shares PyTorch's (both call cuBLAS and cuDNN for the heavy ops).
     */
    static String runtimeComputeKey(Runtime runtime) {
        return switch (runtime) {
            case TENSORRT, TENSORRT_LLM -> "runtime.reference";
            case PYTORCH, ONNXRUNTIME -> "runtime.pytorch";
            case LMDEPLOY, VLLM -> "runtime.lmdeploy";
        };
    }

    List<EfficiencyFactor> describe(List<String> keys) {
        List<EfficiencyFactor> factors = new ArrayList<>(keys.size());
        for (String key : keys) {
            factors.add(new EfficiencyFactor(key, values.get(key), MEANINGS.get(key)));
        }
        return factors;
    }

    private static double median(double[] numbers) {
        double[] sorted = numbers.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        String share = "share of dense peak an isolated large GEMM reaches on ";
        m.put("compute.volta", share + "Volta (V100)");
        m.put("compute.turing", share + "Turing (T4)");
        m.put("compute.ampere", share + "Ampere (A100, A30, A10)");
        m.put("compute.ada", share + "Ada (L4, L40S, RTX 4090)");
        m.put("compute.hopper", share + "Hopper (H100, H200)");
        m.put("compute.layer", "share of the GEMM rate a whole model reaches (attention,"
                + " norms, activations and small GEMMs between the large ones)");
        m.put("compute.eightBit", "share of the 16-bit efficiency that FP8/INT8 phases reach"
                + " (scaling, quantize kernels, attention kept in 16-bit)");
        m.put("compute.paddingRows", "GEMM rows of wasted work (tile padding, partial waves):"
                + " M rows run at M/(M+pad) of the large-GEMM rate");
        m.put("memory.efficiency", "share of peak DRAM bandwidth reached streaming weights,"
                + " KV cache and activations");
        m.put("interconnect.efficiency", "share of the interconnect bandwidth a ring"
                + " all-reduce reaches");
        m.put("allreduce.latencyUs", "fixed cost of one all-reduce (synchronisation, launch),"
                + " microseconds");
        m.put("kernel.tensorrtUs", "TensorRT cost per nominal layer kernel (launch gaps,"
                + " small-kernel tails), microseconds");
        m.put("kernel.tensorrt_llmUs", "TensorRT-LLM cost per nominal layer kernel per step,"
                + " microseconds");
        m.put("kernel.pytorchUs", "eager PyTorch host dispatch per kernel (Python, ATen,"
                + " launch), microseconds; overlaps device work");
        m.put("kernel.lmdeployUs", "LMDeploy (TurboMind) cost per nominal layer kernel per"
                + " step, microseconds");
        m.put("runtime.reference", "compute factor of TensorRT and TensorRT-LLM (the"
                + " reference, fixed at 1)");
        m.put("runtime.pytorch", "compute efficiency of eager PyTorch relative to TensorRT"
                + " (unfused non-GEMM ops)");
        m.put("runtime.lmdeploy", "compute efficiency of LMDeploy relative to TensorRT-LLM");
        m.put("pytorch.autocastKernels", "kernel multiplier of PyTorch autocast (a cast kernel"
                + " before many ops)");
        return Collections.unmodifiableMap(m);
    }
}
