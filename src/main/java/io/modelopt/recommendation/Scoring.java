package io.modelopt.recommendation;

import io.modelopt.performance.HardwareSpec;
import io.modelopt.performance.Precision;

/** The 0-10 scores both optimization workflows share, each documented by its rule. */
final class Scoring {

    private Scoring() {
    }

    /** 10 x the share of the devices' memory the workload leaves free. */
    static double memory(double needGb, double capacityGb) {
        return clamp(10 * (1 - needGb / capacityGb));
    }

    /** 10 for the fastest candidate, less in proportion to how much slower one is. */
    static double relativeTime(double best, double value) {
        return clamp(10 * best / value);
    }

    /** 10 for the largest value among the candidates, in proportion below. */
    static double relativeCapacity(double value, double best) {
        return clamp(10 * value / best);
    }

    /**
     * 10 where FP16 runs on tensor cores (at least twice the FP32 rate), 5 where FP16 is
     * supported at about the FP32 rate, 0 where it is not supported.
     */
    static double fp16(HardwareSpec spec) {
        double fp16 = spec.peakTflops(Precision.FP16);
        if (fp16 <= 0) {
            return 0;
        }
        return fp16 >= 2 * spec.peakTflops(Precision.FP32) ? 10 : 5;
    }

    static double round1(double score) {
        return Math.round(score * 10) / 10.0;
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(10, score));
    }
}
