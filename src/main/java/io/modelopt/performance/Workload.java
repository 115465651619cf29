package io.modelopt.performance;

import java.util.Objects;

/**
 * What runs: a model, a task, a precision, a batch and the token counts of one request.
 *
 * @param model the model
 * @param task inference or training
 * @param precision requested precision; the estimate says when the hardware forced another
 * @param batchSize requests processed together per replica, or auto
 * @param inputTokens prompt tokens (sequence length for encoders; ignored for CNNs)
 * @param outputTokens generated tokens per request (generative families only)
 * @param runtime the serving or training software
 */
public record Workload(
        ModelArchitecture model,
        TaskType task,
        Precision precision,
        BatchSize batchSize,
        int inputTokens,
        int outputTokens,
        Runtime runtime) {

    public Workload {
        Objects.requireNonNull(model, "model");
        task = task == null ? TaskType.INFERENCE : task;
        precision = precision == null ? Precision.FP16 : precision;
        batchSize = batchSize == null ? BatchSize.of(1) : batchSize;
        runtime = runtime == null ? Runtime.PYTORCH : runtime;
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** An inference workload on the default runtime (PyTorch). */
    public static Workload inference(ModelArchitecture model, Precision precision,
            BatchSize batchSize, int inputTokens, int outputTokens) {
        return new Workload(model, TaskType.INFERENCE, precision, batchSize,
                inputTokens, outputTokens, Runtime.PYTORCH);
    }

    public Workload withRuntime(Runtime value) {
        return new Workload(model, task, precision, batchSize, inputTokens, outputTokens, value);
    }

    public Workload withBatchSize(BatchSize value) {
        return new Workload(model, task, precision, value, inputTokens, outputTokens, runtime);
    }

    public Workload withPrecision(Precision value) {
        return new Workload(model, task, value, batchSize, inputTokens, outputTokens, runtime);
    }
}
