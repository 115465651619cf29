package io.modelopt.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelopt.performance.Bottleneck;
import io.modelopt.performance.Estimate;
import io.modelopt.performance.HardwareSpec;
import io.modelopt.performance.Parallelism;
import io.modelopt.performance.PerformanceModel;
import io.modelopt.performance.Precision;
import io.modelopt.performance.Workload;
import io.modelopt.performance.web.EstimateView;
import io.modelopt.performance.web.HardwareSelection;
import io.modelopt.performance.web.JsonFields;
import io.modelopt.performance.web.ModelErrors;
import io.modelopt.performance.web.ModelSelection;
import io.modelopt.performance.web.WorkloadDefaults;
import io.modelopt.web.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Post-deployment: from the current metrics, how loaded the deployment is and how each
 * configuration would serve the same traffic. Projections are anchored to the measurement:
 * with the current hardware and the model known, a candidate's latency is the current latency
 * times the model's ratio of candidate to current; with only the hardware known, times a
 * capability ratio (geometric mean of the peak-compute and bandwidth ratios); with only the
 * model known, the model's own estimate; with neither, no latency is projected and the ranking
 * uses capability alone. Stateless and thread-safe.
 */
@Component
class PostDeploymentOptimizer {

    /** Request fields that mark a post-deployment request: resource metrics and current KPIs. */
    static final List<String> FIELDS = List.of("cpu_usage_percent", "gpu_usage_percent",
            "memory_usage_percent", "temperature_cpu", "temperature_gpu",
            "power_consumption_watts", "network_usage_mbps", "disk_usage_percent",
            "current_latency_ms", "current_throughput_qps", "current_memory_gb",
            "current_cost_per_1000");

    private static final double USABLE_MEMORY_SHARE = 0.9;

    private final PerformanceModel model;
    private final ModelSelection models;
    private final HardwareSelection hardware;
    private final RecentMetrics recentMetrics;

    PostDeploymentOptimizer(PerformanceModel model, ModelSelection models,
            HardwareSelection hardware, RecentMetrics recentMetrics) {
        this.model = model;
        this.models = models;
        this.hardware = hardware;
        this.recentMetrics = recentMetrics;
    }

    /** How a candidate's latency is projected; the summary names it. */
    enum Basis {
        ANCHORED_MODEL("model estimates scaled to the measured current latency"),
        CAPABILITY_RATIO("ratio of peak compute and bandwidth to the current hardware (no model"
                + " given)"),
        MODEL_ONLY("the model's estimates, not scaled to the measurement (no hardware_id)"),
        NONE("none: give hardware_id or the model (model_type or parameters_millions) to"
                + " project latency and cost");

        final String meaning;

        Basis(String meaning) {
            this.meaning = meaning;
        }
    }

    /** One candidate's projection. */
    private record Projection(HardwareSelection.Candidate candidate, Double latencyMs,
            double memoryGb, double capacityGb, Double costPer1000, Double utilizationPercent,
            double capability, Estimate estimate) {
    }

    Map<String, Object> optimize(JsonNode body) {
        Priority priority = Priority.parse(JsonFields.text(body, "optimization_priority", null),
                false);
        boolean fp16Target = Boolean.TRUE.equals(JsonFields.bool(body,
                "target_fp16_performance"));
        Integer topK = JsonFields.integer(body, "top_k", 1, 1000);
        CurrentDeployment current = current(body);
        WorkloadRequest request = WorkloadRequest.fromSnakeCase(body, fp16Target);
        Workload workload = request.describesModel()
                ? request.resolve(models, WorkloadRequest.SNAKE_CASE) : null;
        Estimate currentEstimate = current.hardware() == null || workload == null ? null
                : estimate(workload, current.hardware().spec());
        Basis basis = basis(current, workload, currentEstimate);

        List<HardwareSelection.Candidate> candidates = hardware.all();
        List<Projection> fitting = new ArrayList<>();
        for (HardwareSelection.Candidate candidate : candidates) {
            Projection p = project(candidate, current, workload, currentEstimate, basis,
                    fp16Target);
            if (p != null) {
                fitting.add(p);
            }
        }
        List<Map<String, Object>> results = rank(fitting, current, priority, fp16Target);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("workflow_type", "post_deployment");
        response.put("optimization_results",
                results.subList(0, Math.min(topK == null ? 3 : topK, results.size())));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_hardware_evaluated", candidates.size());
        summary.put("excluded_not_fitting", candidates.size() - fitting.size());
        summary.put("optimization_priority", priority.key());
        summary.put("score_weights", priority.weights());
        summary.put("current_performance_baseline", current.baseline());
        summary.put("load", current.load());
        summary.put("projection_basis", basis.meaning);
        summary.put("workload", workload == null ? null : WorkloadDefaults.describe(workload));
        response.put("analysis_summary", summary);
        return response;
    }

    private CurrentDeployment current(JsonNode body) {
        Double cpu = JsonFields.number(body, "cpu_usage_percent", 0, 100);
        Double gpu = JsonFields.number(body, "gpu_usage_percent", 0, 100);
        JsonFields.number(body, "memory_usage_percent", 0, 100);
        JsonFields.number(body, "disk_usage_percent", 0, 100);
        JsonFields.number(body, "temperature_cpu", -50, 150);
        JsonFields.number(body, "temperature_gpu", -50, 150);
        JsonFields.number(body, "power_consumption_watts", 0, 1e6);
        JsonFields.number(body, "network_usage_mbps", 0, 1e9);
        Integer hardwareId = JsonFields.integer(body, "hardware_id", 1, Integer.MAX_VALUE);
        HardwareSelection.Candidate currentHardware = hardwareId == null ? null
                : hardware.byId(hardwareId).orElseThrow(() -> ApiException.badRequest(
                        "hardware_id", "no hardware with id " + hardwareId
                                + "; GET /api/hardware/ lists them"));
        Double utilization = gpu != null ? gpu : cpu;
        String source = utilization == null ? "not given"
                : "the request's sample of " + (gpu != null ? "gpu" : "cpu") + "_usage_percent";
        if (hardwareId != null) {
            RecentMetrics.Summary recent = recentMetrics.recent(hardwareId).orElse(null);
            Double p95 = recent == null ? null
                    : recent.gpuUsageP95() != null ? recent.gpuUsageP95() : recent.cpuUsageP95();
            if (p95 != null) {
                utilization = p95;
                source = "p95 of " + recent.samples() + " samples of hardware " + hardwareId
                        + " over the last " + RecentMetrics.WINDOW.toMinutes() + " minutes";
            } else {
                source += "; no recent samples of hardware " + hardwareId
                        + " in the metrics database";
            }
        }
        return new CurrentDeployment(
                JsonFields.number(body, "current_latency_ms", 1e-6, 1e9),
                JsonFields.number(body, "current_throughput_qps", 1e-9, 1e12),
                JsonFields.number(body, "current_memory_gb", 1e-6, 1e7),
                JsonFields.number(body, "current_cost_per_1000", 0, 1e9),
                utilization, source, currentHardware);
    }

    private static Basis basis(CurrentDeployment current, Workload workload,
            Estimate currentEstimate) {
        boolean measured = current.latencyMs() != null;
        if (currentEstimate != null && currentEstimate.fits() && measured) {
            return Basis.ANCHORED_MODEL;
        }
        if (current.hardware() != null && measured) {
            return Basis.CAPABILITY_RATIO;
        }
        return workload != null ? Basis.MODEL_ONLY : Basis.NONE;
    }

    /** The candidate's projection, or null when the workload does not fit it. */
    private Projection project(HardwareSelection.Candidate candidate,
            CurrentDeployment current, Workload workload, Estimate currentEstimate, Basis basis,
            boolean fp16Target) {
        HardwareSpec spec = candidate.spec();
        double capacityGb = spec.memoryGb() * spec.deviceCount();
        Estimate estimate = workload == null ? null : estimate(workload, spec);
        if (estimate != null && !estimate.fits()) {
            return null;
        }
        double memoryGb = estimate != null ? estimate.memoryGb()
                : current.memoryGb() != null ? current.memoryGb() : 0;
        if (estimate == null && memoryGb > USABLE_MEMORY_SHARE * capacityGb) {
            return null;
        }
        double capability = capability(spec, fp16Target);
        Double ratio = switch (basis) {
            case ANCHORED_MODEL -> estimate.latencyMs() / currentEstimate.latencyMs();
            case CAPABILITY_RATIO -> capability(current.hardware().spec(), fp16Target)
                    / capability;
            default -> null;
        };
        Double latency = null;
        if (ratio != null) {
            latency = current.latencyMs() * ratio;
        } else if (basis == Basis.MODEL_ONLY) {
            latency = estimate.latencyMs();
        }
        Double utilization = ratio != null && current.utilizationPercent() != null
                ? current.utilizationPercent() * ratio : null;
        return new Projection(candidate, latency, memoryGb,
                estimate != null ? estimate.memoryCapacityGb() : capacityGb,
                cost(spec, current, estimate, basis), utilization, capability, estimate);
    }

    /**
     * Cost per 1000 requests at the current traffic (the hourly price over the requests an hour
     * at the current rate); without a current rate, the model's cost at its own throughput.
     */
    private static Double cost(HardwareSpec spec, CurrentDeployment current, Estimate estimate,
            Basis basis) {
        if (spec.priceUsdPerHour() <= 0) {
            return null;
        }
        if (current.throughputQps() != null && basis != Basis.NONE) {
            return spec.priceUsdPerHour() / 3600 * 1000 / current.throughputQps();
        }
        return estimate == null ? null : estimate.costPer1000Requests();
    }

    /**
     * A configuration's speed for an unknown workload: the geometric mean of its peak (FP16
     * where the target asks for it and the device has it, else FP32) and its bandwidth, per
     * replica. Only ratios of it are used.
     */
    private static double capability(HardwareSpec spec, boolean fp16Target) {
        double peak = fp16Target && spec.supports(Precision.FP16)
                ? spec.peakTflops(Precision.FP16)
                : Math.max(spec.peakTflops(Precision.FP32), spec.peakTflops(Precision.TF32));
        return Math.sqrt(peak * spec.memoryBandwidthGBps());
    }

    private Estimate estimate(Workload workload, HardwareSpec spec) {
        return ModelErrors.estimate(model, workload, spec, Parallelism.defaults(), "model_type");
    }

    private static List<Map<String, Object>> rank(List<Projection> fitting,
            CurrentDeployment current, Priority priority, boolean fp16Target) {
        double bestLatency = fitting.stream().filter(p -> p.latencyMs() != null)
                .mapToDouble(Projection::latencyMs).min().orElse(Double.NaN);
        double bestCapability = fitting.stream().mapToDouble(Projection::capability).max()
                .orElse(Double.NaN);
        double bestCost = fitting.stream().filter(p -> p.costPer1000() != null)
                .mapToDouble(Projection::costPer1000).min().orElse(Double.NaN);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Projection p : fitting) {
            double memory = Scoring.memory(p.memoryGb(), p.capacityGb());
            double latency = p.latencyMs() != null
                    ? Scoring.relativeTime(bestLatency, p.latencyMs())
                    : Scoring.relativeCapacity(p.capability(), bestCapability);
            double fp16 = Scoring.fp16(p.candidate().spec());
            // Cost weighs in too, though the priority cannot be "cost" here: otherwise the
            // largest, dearest configuration wins every balanced ranking on headroom alone.
            Double cost = p.costPer1000() == null ? null
                    : Scoring.relativeTime(bestCost, p.costPer1000());
            double overall = priority.overall(memory, latency, fp16, cost);
            results.add(result(p, current, memory, latency, fp16, cost, overall));
        }
        results.sort(Comparator.comparing(r -> -(Double) ((Map<?, ?>) r
                .get("optimization_scores")).get("overall_score")));
        return results;
    }

    private static Map<String, Object> result(Projection p, CurrentDeployment current,
            double memory, double latency, double fp16, Double cost, double overall) {
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("memory_score", Scoring.round1(memory));
        scores.put("latency_score", Scoring.round1(latency));
        scores.put("fp16_score", Scoring.round1(fp16));
        scores.put("cost_score", cost == null ? null : Scoring.round1(cost));
        scores.put("overall_score", Scoring.round1(overall));

        Map<String, Object> projected = new LinkedHashMap<>();
        projected.put("latency_ms", p.latencyMs() == null ? null
                : EstimateView.round(p.latencyMs()));
        projected.put("memory_gb", EstimateView.round(p.memoryGb()));
        projected.put("cost_per_1000", p.costPer1000() == null ? null
                : EstimateView.round(p.costPer1000()));
        projected.put("fp16_support", fp16 > 0);
        projected.put("utilization_percent", p.utilizationPercent() == null ? null
                : EstimateView.round(p.utilizationPercent()));
        projected.put("hardware_memory_gb", EstimateView.round(p.capacityGb()));

        Map<String, Object> versus = new LinkedHashMap<>();
        versus.put("latency_improvement_percent", improvement(current.latencyMs(),
                p.latencyMs()));
        versus.put("memory_improvement_percent", improvement(current.memoryGb(),
                p.estimate() == null ? null : p.memoryGb()));
        versus.put("cost_improvement_percent", improvement(current.costPer1000(),
                p.costPer1000()));

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hardware_id", p.candidate().id());
        r.put("hardware", p.candidate().name());
        r.put("full_name", p.candidate().fullName());
        r.put("is_current", current.hardware() != null
                && current.hardware().id().equals(p.candidate().id()));
        r.put("optimization_scores", scores);
        r.put("projected_performance", projected);
        r.put("current_vs_projected", versus);
        r.put("reason", reason(p, current));
        return r;
    }

    /** (current - projected) / current, in percent: positive is better; null when unknown. */
    private static Double improvement(Double current, Double projected) {
        if (current == null || projected == null || current <= 0) {
            return null;
        }
        return Scoring.round1(100 * (current - projected) / current);
    }

    private static String reason(Projection p, CurrentDeployment current) {
        StringBuilder s = new StringBuilder();
        if (p.latencyMs() == null) {
            s.append("Latency not projected (no current hardware or model given); ranked by")
                    .append(" peak compute and bandwidth");
        } else {
            s.append("Projected ").append(Text.num(p.latencyMs())).append(" ms");
            if (current.latencyMs() != null) {
                double speedup = current.latencyMs() / p.latencyMs();
                s.append(" against ").append(Text.num(current.latencyMs())).append(" ms now (")
                        .append(speedup >= 1 ? Text.num(speedup) + "x faster"
                                : Text.num(1 / speedup) + "x slower").append(")");
            }
        }
        if (p.utilizationPercent() != null) {
            s.append(p.utilizationPercent() > 100
                    ? "; would saturate at the current traffic ("
                            + Text.num(p.utilizationPercent()) + "% of its capacity)"
                    : "; " + Text.num(p.utilizationPercent()) + "% busy at the current traffic"
                            + " instead of " + Text.num(current.utilizationPercent()) + "%");
        }
        s.append("; holds ").append(Text.num(p.memoryGb())).append(" GB in ")
                .append(Text.num(p.capacityGb())).append(" GB");
        if (p.costPer1000() != null) {
            s.append("; $").append(Text.num(p.costPer1000())).append(" per 1000 requests");
        }
        if (p.estimate() != null && p.estimate().bottleneck() == Bottleneck.OVERHEAD) {
            s.append("; bound by framework overhead, so a compiled runtime (TensorRT, ONNX")
                    .append(" Runtime) or a larger batch helps more than faster hardware");
        }
        return s.append('.').toString();
    }
}
