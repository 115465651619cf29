package io.modelopt.performance.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.modelopt.performance.Breakdown;
import io.modelopt.performance.EfficiencyFactor;
import io.modelopt.performance.Estimate;

/**
 * An estimate as JSON fields (snake_case, as api-spec.md). Figures that do not apply or are
 * unknown (NaN in the model: a workload that does not fit, tokens of a non-generative model,
 * cost without a price) are written as null, never as a made-up number.
 */
public final class EstimateView {

    private static final MathContext SIGNIFICANT = new MathContext(5);

    private EstimateView() {
    }

    public static Map<String, Object> fields(Estimate e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("latency_ms", round(e.latencyMs()));
        f.put("throughput_qps", round(e.throughputQps()));
        f.put("throughput_tokens_per_s", round(e.throughputTokensPerS()));
        f.put("time_to_first_token_ms", round(e.timeToFirstTokenMs()));
        f.put("time_per_output_token_ms", round(e.timePerOutputTokenMs()));
        f.put("memory_gb", round(e.memoryGb()));
        f.put("hardware_memory_gb", round(e.memoryCapacityGb()));
        f.put("fits", e.fits());
        f.put("bottleneck", e.bottleneck().name().toLowerCase(Locale.ROOT));
        f.put("batch_size", e.batchSize());
        f.put("precision", e.precision().name());
        f.put("precision_note", e.precisionNote());
        f.put("tensor_parallel", e.tensorParallel());
        f.put("replicas", e.replicas());
        f.put("cost_per_1000", round(e.costPer1000Requests()));
        f.put("cost_per_million_tokens", round(e.costPerMillionTokens()));
        f.put("energy_wh_per_1000", round(e.energyWhPer1000Requests()));
        f.put("breakdown", breakdown(e.breakdown()));
        f.put("notes", e.notes());
        return f;
    }

    static Map<String, Object> breakdown(Breakdown b) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("compute_ms", round(b.computeMs()));
        f.put("memory_ms", round(b.memoryMs()));
        f.put("communication_ms", round(b.communicationMs()));
        f.put("overhead_ms", round(b.overheadMs()));
        f.put("factors", factors(b.factors()));
        return f;
    }

    private static List<Map<String, Object>> factors(List<EfficiencyFactor> factors) {
        return factors.stream().map(factor -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", factor.name());
            f.put("value", round(factor.value()));
            f.put("meaning", factor.meaning());
            return f;
        }).toList();
    }

    /** Five significant digits; NaN and infinities become null. */
    public static Double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return new BigDecimal(value).round(SIGNIFICANT).doubleValue();
    }
}
