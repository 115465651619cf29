package io.modelopt.performance;

/**
 * How a workload is spread over a configuration's devices. Either field may be null:
 * the number of GPUs defaults to all devices of the configuration, the tensor-parallel
 * degree to the smallest power of two whose shards fit in memory; the remaining devices
 * run data-parallel replicas.
 *
 * @param numGpus devices to use, at most the configuration's device count
 * @param tensorParallel devices that split each layer's weights (Megatron-style)
 */
public record Parallelism(Integer numGpus, Integer tensorParallel) {

    private static final Parallelism DEFAULTS = new Parallelism(null, null);

    public Parallelism {
        if (numGpus != null && numGpus < 1) {
            throw new IllegalArgumentException("numGpus must be at least 1");
        }
        if (tensorParallel != null && tensorParallel < 1) {
            throw new IllegalArgumentException("tensorParallel must be at least 1");
        }
        if (numGpus != null && tensorParallel != null && numGpus % tensorParallel != 0) {
            throw new IllegalArgumentException("numGpus must be a multiple of tensorParallel");
        }
    }

    public static Parallelism defaults() {
        return DEFAULTS;
    }

    public static Parallelism tensorParallel(int degree) {
        return new Parallelism(degree, degree);
    }
}
