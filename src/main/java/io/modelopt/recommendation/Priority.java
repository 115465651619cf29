package io.modelopt.recommendation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.modelopt.web.ApiException;

/**
 * What the ranking weighs most. The overall score is the weighted mean of the 0-10 scores:
 * the prioritised one weighs 0.55, latency (or cost, when latency is the priority) 0.2 and
 * the remaining two 0.125 each; balanced weighs all four equally. Both workflows score cost
 * (post-deployment at the current traffic), but only pre-deployment accepts "cost" as the
 * priority, as api-spec.md lists it.
 */
enum Priority {

    MEMORY(0.55, 0.2, 0.125, 0.125),
    LATENCY(0.125, 0.55, 0.125, 0.2),
    FP16(0.125, 0.2, 0.55, 0.125),
    COST(0.125, 0.2, 0.125, 0.55),
    BALANCED(0.25, 0.25, 0.25, 0.25);

    final double memory;
    final double latency;
    final double fp16;
    final double cost;

    Priority(double memory, double latency, double fp16, double cost) {
        this.memory = memory;
        this.latency = latency;
        this.fp16 = fp16;
        this.cost = cost;
    }

    static Priority parse(String text, boolean costAllowed) {
        String field = "optimization_priority";
        if (text == null) {
            return BALANCED;
        }
        Priority priority;
        try {
            priority = valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "'" + text + "' is not one of [memory, latency,"
                    + " fp16, cost, balanced]");
        }
        if (priority == COST && !costAllowed) {
            throw ApiException.badRequest(field, "'cost' applies to pre-deployment only; one of"
                    + " [memory, latency, fp16, balanced]");
        }
        return priority;
    }

    /** Weighted mean of the scores; a null cost score (unknown price) counts as 0. */
    double overall(double memoryScore, double latencyScore, double fp16Score,
            Double costScore) {
        double costValue = costScore == null ? 0 : costScore;
        return memory * memoryScore + latency * latencyScore + fp16 * fp16Score
                + cost * costValue;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    Map<String, Double> weights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("memory", memory);
        w.put("latency", latency);
        w.put("fp16", fp16);
        w.put("cost", cost);
        return w;
    }
}
