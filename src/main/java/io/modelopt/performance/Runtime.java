package io.modelopt.performance;

import java.util.Locale;

/**
 * The software that runs the model. Runtimes differ in how much of the hardware they reach:
 * the fitted per-runtime factors live in {@link Calibration}; the structural traits here are
 * facts about how each runtime executes, not fitted values.
 */
public enum Runtime {

    /** Eager PyTorch: one Python dispatch per op, ops unfused (the default). */
    PYTORCH(true, 4),
    /** TensorRT engine: fused layers, launched from C++. */
    TENSORRT(false, 0),
    TENSORRT_LLM(false, 0),
    VLLM(false, 0),
    LMDEPLOY(false, 0),
    /** ONNX Runtime: graph optimisations fold batch-norm and fuse activations into convs. */
    ONNXRUNTIME(false, 0);

    private final boolean hostDispatched;
    private final int separatePasses;

    Runtime(boolean hostDispatched, int separatePasses) {
        this.hostDispatched = hostDispatched;
        this.separatePasses = separatePasses;
    }

    /**
     * True when each kernel is launched by a host-side interpreter. Launches are asynchronous,
     * so host dispatch overlaps device execution: the phase takes the longer of the two.
     */
    boolean hostDispatched() {
        return hostDispatched;
    }

    /**
     * DRAM passes over each CNN feature map made by kernels of their own, besides the conv
     * writing it and the next conv reading it. Fused engines fold batch-norm and activation
     * into the conv (0); eager execution runs each as a kernel that reads and writes the map
     * (2 x 2 = 4). Separate kernels run one after another, so this traffic adds to the time.
     */
    int separatePasses() {
        return separatePasses;
    }

    /** Parses "pytorch", "tensorrt-llm", "trt-llm", "onnxruntime", "onnx" ... */
    public static Runtime parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (key) {
            case "TORCH", "EAGER" -> PYTORCH;
            case "TRT" -> TENSORRT;
            case "TRT_LLM", "TRTLLM" -> TENSORRT_LLM;
            case "ONNX", "ORT", "ONNX_RUNTIME" -> ONNXRUNTIME;
            default -> valueOf(key);
        };
    }
}
