package io.modelopt.performance.web;

import io.modelopt.performance.Estimate;
import io.modelopt.performance.HardwareSpec;
import io.modelopt.performance.Parallelism;
import io.modelopt.performance.PerformanceModel;
import io.modelopt.performance.Workload;
import io.modelopt.web.ApiException;

/**
 * Maps the performance model's argument errors to 400s naming the request field they come
 * from, so a bad combination (more GPUs than the configuration has, a CNN without GFLOPs)
 * is the client's error, never a 500.
 */
public final class ModelErrors {

    private ModelErrors() {
    }

    /** The model's estimate, or a 400 naming the request field its argument error is about. */
    public static Estimate estimate(PerformanceModel model, Workload workload, HardwareSpec spec,
            Parallelism parallelism, String modelField) {
        try {
            return model.estimate(workload, spec, parallelism);
        } catch (IllegalArgumentException e) {
            throw toApi(e, modelField);
        }
    }

    private static ApiException toApi(IllegalArgumentException e, String modelField) {
        String message = e.getMessage() == null ? "is invalid" : e.getMessage();
        return ApiException.badRequest(fieldOf(message, modelField), message);
    }

    private static String fieldOf(String message, String modelField) {
        if (message.startsWith("numGpus")) {
            return "num_gpus";
        }
        if (message.startsWith("tensorParallel")) {
            return "tensor_parallel";
        }
        if (message.contains("inputTokens")) {
            return "input_tokens";
        }
        if (message.contains("gflopsPerSample")) {
            return modelField + ".gflops_per_sample";
        }
        return modelField;
    }
}
