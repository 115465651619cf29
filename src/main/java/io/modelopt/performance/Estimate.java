package io.modelopt.performance;

import java.util.List;

/**
 * The performance model's answer for one workload on one configuration.
 *
 * <p>When {@code fits} is false, every time, throughput, cost and energy field is
 * {@link Double#NaN} (nothing is invented for a workload that cannot run) while
 * {@code memoryGb} still says what the workload needs. Fields that do not apply are NaN too:
 * tokens per second, TTFT, TPOT and cost per million tokens for non-generative models.
 *
 * @param latencyMs time for one batch: a forward pass, a whole generation (TTFT plus every
 *     decode step) or a training step
 * @param throughputQps requests (samples) per second over all replicas
 * @param throughputTokensPerS output tokens per second over all replicas (generative only)
 * @param timeToFirstTokenMs prefill of the batch (generative only)
 * @param timePerOutputTokenMs mean decode step (generative only)
 * @param memoryGb footprint of one replica over its tensor-parallel devices
 * @param memoryCapacityGb memory of one replica's devices
 * @param fits whether the footprint fits the usable memory of each device
 * @param bottleneck the term that takes the largest share of the time, or CAPACITY
 * @param batchSize batch used (the one chosen when auto)
 * @param precision precision used
 * @param precisionNote why the precision differs from the requested one, or null
 * @param tensorParallel devices per replica
 * @param replicas data-parallel replicas
 * @param costPer1000Requests USD, at the configuration's hourly price
 * @param costPerMillionTokens USD per million output tokens (generative only)
 * @param energyWhPer1000Requests watt-hours, from board power while kernels run
 * @param breakdown time by term, with the factors used
 * @param notes assumptions this estimate rests on, in plain words
 */
public record Estimate(
        double latencyMs,
        double throughputQps,
        double throughputTokensPerS,
        double timeToFirstTokenMs,
        double timePerOutputTokenMs,
        double memoryGb,
        double memoryCapacityGb,
        boolean fits,
        Bottleneck bottleneck,
        int batchSize,
        Precision precision,
        String precisionNote,
        int tensorParallel,
        int replicas,
        double costPer1000Requests,
        double costPerMillionTokens,
        double energyWhPer1000Requests,
        Breakdown breakdown,
        List<String> notes) {

    public Estimate {
        notes = List.copyOf(notes);
    }
}
