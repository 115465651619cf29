package io.modelopt.performance;

import java.util.List;

/**
 * Where the time of one batch goes, summed over its phases (prefill and every decode step),
 * and the calibration factors behind it. Compute and memory overlap (a phase takes the larger
 * of the two), so the terms do not add up to the latency.
 *
 * @param computeMs FLOPs divided by the achieved compute rate
 * @param memoryMs bytes moved divided by the achieved bandwidth
 * @param communicationMs tensor-parallel all-reduces (on the critical path)
 * @param overheadMs kernel launches and framework dispatch
 * @param factors the calibration factors used, each with its meaning
 */
public record Breakdown(
        double computeMs,
        double memoryMs,
        double communicationMs,
        double overheadMs,
        List<EfficiencyFactor> factors) {

    public Breakdown {
        factors = List.copyOf(factors);
    }
}
