package io.modelopt.performance;

/** What limits an estimate: the term that takes the largest share of its time. */
public enum Bottleneck {

    /** Arithmetic: FLOPs at the achieved share of peak. */
    COMPUTE,
    /** Reading weights, KV cache or activations from device memory. */
    MEMORY_BANDWIDTH,
    /** The workload does not fit in device memory. */
    CAPACITY,
    /** Tensor-parallel all-reduces between devices. */
    INTERCONNECT,
    /** Kernel launches and framework dispatch. */
    OVERHEAD
}
