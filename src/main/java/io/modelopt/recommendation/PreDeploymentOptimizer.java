package io.modelopt.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.modelopt.performance.Estimate;
import io.modelopt.performance.Parallelism;
import io.modelopt.performance.PerformanceModel;
import io.modelopt.performance.Workload;
import io.modelopt.performance.web.EstimateView;
import io.modelopt.performance.web.HardwareSelection;
import io.modelopt.performance.web.JsonFields;
import io.modelopt.performance.web.ModelErrors;
import io.modelopt.performance.web.ModelSelection;
import io.modelopt.performance.web.WorkloadDefaults;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Pre-deployment: the workload estimated on every configuration it fits, each checked against
 * the latency and throughput requirements and scored 0-10; those meeting both requirements
 * come first, then by overall score. Stateless and thread-safe.
 */
@Component
class PreDeploymentOptimizer {

    /** Request fields that mark a pre-deployment request (api-spec.md plus optional extras). */
    static final List<String> FIELDS = List.of("model_type", "model_name", "framework",
            "task_type", "model_size_mb", "parameters_millions", "flops_billions", "batch_size",
            "latency_requirement_ms", "throughput_requirement_qps", "input_tokens",
            "output_tokens", "precision", "runtime");

    private final PerformanceModel model;
    private final ModelSelection models;
    private final HardwareSelection hardware;

    PreDeploymentOptimizer(PerformanceModel model, ModelSelection models,
            HardwareSelection hardware) {
        this.model = model;
        this.models = models;
        this.hardware = hardware;
    }

    /** One configuration the workload fits, with what the ranking needs. */
    private record Evaluated(HardwareSelection.Candidate candidate, Estimate estimate) {
    }

    Map<String, Object> optimize(JsonNode body) {
        Priority priority = Priority.parse(JsonFields.text(body, "optimization_priority", null),
                true);
        boolean fp16Target = Boolean.TRUE.equals(JsonFields.bool(body,
                "target_fp16_performance"));
        Double latencyLimit = JsonFields.number(body, "latency_requirement_ms", 1e-6, 1e9);
        Double qpsNeeded = JsonFields.number(body, "throughput_requirement_qps", 1e-9, 1e12);
        Integer topK = JsonFields.integer(body, "top_k", 1, 1000);
        Workload workload = WorkloadRequest.fromSnakeCase(body, fp16Target).resolve(models,
                WorkloadRequest.SNAKE_CASE);

        List<HardwareSelection.Candidate> candidates = hardware.all();
        List<Evaluated> fitting = new ArrayList<>();
        for (HardwareSelection.Candidate candidate : candidates) {
            Estimate estimate = ModelErrors.estimate(model, workload, candidate.spec(),
                    Parallelism.defaults(), "model_type");
            if (estimate.fits()) {
                fitting.add(new Evaluated(candidate, estimate));
            }
        }
        double bestLatency = fitting.stream().mapToDouble(e -> e.estimate().latencyMs())
                .min().orElse(Double.NaN);
        double bestCost = fitting.stream().mapToDouble(e -> e.estimate().costPer1000Requests())
                .filter(c -> !Double.isNaN(c)).min().orElse(Double.NaN);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Evaluated e : fitting) {
            results.add(result(e, priority, latencyLimit, qpsNeeded, bestLatency, bestCost));
        }
        results.sort(Comparator.<Map<String, Object>>comparingInt(r -> metCount(r)).reversed()
                .thenComparing(r -> -overall(r)));

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("workflow_type", "pre_deployment");
        response.put("optimization_results",
                results.subList(0, Math.min(topK == null ? 3 : topK, results.size())));
        response.put("analysis_summary", summary(body, candidates.size(),
                candidates.size() - fitting.size(), priority, workload));
        return response;
    }

    private static Map<String, Object> result(Evaluated e, Priority priority,
            Double latencyLimit, Double qpsNeeded, double bestLatency, double bestCost) {
        Estimate est = e.estimate();
        boolean latencyMet = latencyLimit == null || est.latencyMs() <= latencyLimit;
        boolean throughputMet = qpsNeeded == null || est.throughputQps() >= qpsNeeded;
        double memory = Scoring.memory(est.memoryGb(), est.memoryCapacityGb());
        double latency = Scoring.relativeTime(bestLatency, est.latencyMs());
        double fp16 = Scoring.fp16(e.candidate().spec());
        Double cost = Double.isNaN(est.costPer1000Requests()) ? null
                : Scoring.relativeTime(bestCost, est.costPer1000Requests());

        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("memory_score", Scoring.round1(memory));
        scores.put("latency_score", Scoring.round1(latency));
        scores.put("fp16_score", Scoring.round1(fp16));
        scores.put("cost_score", cost == null ? null : Scoring.round1(cost));
        scores.put("overall_score", Scoring.round1(priority.overall(memory, latency, fp16, cost)));

        Map<String, Object> projected = new LinkedHashMap<>();
        projected.put("latency_ms", EstimateView.round(est.latencyMs()));
        projected.put("memory_gb", EstimateView.round(est.memoryGb()));
        projected.put("cost_per_1000", EstimateView.round(est.costPer1000Requests()));
        projected.put("throughput_qps", EstimateView.round(est.throughputQps()));
        projected.put("fp16_support", fp16 > 0);
        projected.put("hardware_memory_gb", EstimateView.round(est.memoryCapacityGb()));
        projected.put("batch_size", est.batchSize());
        projected.put("precision", est.precision().name());
        projected.put("bottleneck", est.bottleneck().name().toLowerCase(Locale.ROOT));

        Map<String, Object> met = new LinkedHashMap<>();
        met.put("latency_requirement", latencyMet);
        met.put("throughput_requirement", throughputMet);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hardware_id", e.candidate().id());
        r.put("hardware", e.candidate().name());
        r.put("full_name", e.candidate().fullName());
        r.put("optimization_scores", scores);
        r.put("projected_performance", projected);
        r.put("requirements_met", met);
        r.put("reason", reason(est, latencyLimit, qpsNeeded, latencyMet, throughputMet, fp16));
        return r;
    }

    static String reason(Estimate est, Double latencyLimit, Double qpsNeeded,
            boolean latencyMet, boolean throughputMet, double fp16Score) {
        StringBuilder s = new StringBuilder();
        if (latencyLimit == null && qpsNeeded == null) {
            s.append("No requirement given: ");
        } else if (latencyMet && throughputMet) {
            s.append("Meets the requirements: ");
        } else if (!latencyMet && !throughputMet) {
            s.append("Misses both requirements: ");
        } else {
            s.append(latencyMet ? "Misses the throughput requirement: "
                    : "Misses the latency requirement: ");
        }
        s.append(Text.num(est.latencyMs())).append(" ms");
        if (latencyLimit != null) {
            s.append(" (limit ").append(Text.num(latencyLimit)).append(")");
        }
        s.append(" and ").append(Text.num(est.throughputQps())).append(" requests/s");
        if (qpsNeeded != null) {
            s.append(" (need ").append(Text.num(qpsNeeded)).append(")");
        }
        s.append(" at batch ").append(est.batchSize()).append(", ")
                .append(est.bottleneck().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append("-bound; uses ").append(Text.num(est.memoryGb())).append(" of ")
                .append(Text.num(est.memoryCapacityGb())).append(" GB");
        if (!Double.isNaN(est.costPer1000Requests())) {
            s.append("; $").append(Text.num(est.costPer1000Requests()))
                    .append(" per 1000 requests");
        } else {
            s.append("; no price known");
        }
        s.append(fp16Score == 10 ? "; FP16 on tensor cores." : fp16Score > 0
                ? "; FP16 without tensor cores." : "; no FP16.");
        if (est.precisionNote() != null) {
            s.append(" ").append(est.precisionNote()).append('.');
        }
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private static int metCount(Map<String, Object> r) {
        Map<String, Object> met = (Map<String, Object>) r.get("requirements_met");
        return (Boolean.TRUE.equals(met.get("latency_requirement")) ? 1 : 0)
                + (Boolean.TRUE.equals(met.get("throughput_requirement")) ? 1 : 0);
    }

    @SuppressWarnings("unchecked")
    private static double overall(Map<String, Object> r) {
        return (Double) ((Map<String, Object>) r.get("optimization_scores"))
                .get("overall_score");
    }

    private static Map<String, Object> summary(JsonNode body, int evaluated, int notFitting,
            Priority priority, Workload workload) {
        Map<String, Object> requirements = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (JsonFields.present(body, field)) {
                requirements.put(field, body.get(field));
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("total_hardware_evaluated", evaluated);
        s.put("excluded_not_fitting", notFitting);
        s.put("optimization_priority", priority.key());
        s.put("score_weights", priority.weights());
        s.put("workload_requirements", requirements);
        s.put("workload", WorkloadDefaults.describe(workload));
        return s;
    }
}
