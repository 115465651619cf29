package io.modelopt.performance;

/**
 * A fixed batch size, or {@link #auto()}: the model then picks the batch that maximises
 * throughput within memory (for LLMs, within KV-cache capacity) and reports it.
 */
public record BatchSize(int value, boolean isAuto) {

    private static final BatchSize AUTO = new BatchSize(0, true);

    public BatchSize {
        if (!isAuto && value < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + value);
        }
    }

    public static BatchSize of(int value) {
        return new BatchSize(value, false);
    }

    public static BatchSize auto() {
        return AUTO;
    }

    @Override
    public String toString() {
        return isAuto ? "auto" : Integer.toString(value);
    }
}
