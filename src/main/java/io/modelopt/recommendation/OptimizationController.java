package io.modelopt.recommendation;

import java.util.List;
import java.util.Map;

import io.modelopt.performance.web.JsonFields;
import io.modelopt.web.ApiException;
import io.modelopt.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The unified optimization endpoint of api-spec.md. A body with any resource metric or
 * current KPI (cpu_usage_percent, current_latency_ms ...) is post-deployment; otherwise one
 * with workload fields (model_type, parameters_millions ...) is pre-deployment; a body with
 * neither is a 400 naming what is missing.
 */
@RestController
@Tag(name = "Deployment", description = "Hardware recommendations before and after deployment")
class OptimizationController {

    private static final String PRE_EXAMPLE = """
            {"model_type": "bert", "framework": "PyTorch", "task_type": "inference",
             "model_size_mb": 840.09, "parameters_millions": 109.51, "flops_billions": 1024.0,
             "batch_size": 32, "latency_requirement_ms": 100.0,
             "throughput_requirement_qps": 50.0, "target_fp16_performance": true,
             "optimization_priority": "balanced"}
            """;
    private static final String POST_EXAMPLE = """
            {"cpu_usage_percent": 75.5, "gpu_usage_percent": 85.2, "memory_usage_percent": 68.3,
             "temperature_cpu": 65.0, "temperature_gpu": 78.5, "power_consumption_watts": 450.0,
             "network_usage_mbps": 125.5, "disk_usage_percent": 45.2,
             "current_latency_ms": 150.0, "current_throughput_qps": 25.5,
             "current_memory_gb": 12.5, "current_cost_per_1000": 2.5,
             "target_fp16_performance": true, "optimization_priority": "balanced"}
            """;
    private static final String PRE_RESPONSE = """
            {"status": "success", "workflow_type": "pre_deployment", "optimization_results": [
             {"hardware_id": 12, "hardware": "H100-SXM5-80GB", "full_name":
             "NVIDIA H100 80GB SXM5 Tensor Core GPU", "optimization_scores": {"memory_score": 9.8,
             "latency_score": 10.0, "fp16_score": 10.0, "cost_score": 6.1, "overall_score": 9.0},
             "projected_performance": {"latency_ms": 30.7, "memory_gb": 1.5,
             "cost_per_1000": 0.0101, "throughput_qps": 1041.7, "fp16_support": true},
             "requirements_met": {"latency_requirement": true, "throughput_requirement": true},
             "reason": "Meets the requirements: 30.7 ms (limit 100) and 1042 requests/s ..."}],
             "analysis_summary": {"total_hardware_evaluated": 22, "excluded_not_fitting": 0,
             "optimization_priority": "balanced"}}
            """;

    private final PreDeploymentOptimizer pre;
    private final PostDeploymentOptimizer post;

    OptimizationController(PreDeploymentOptimizer pre, PostDeploymentOptimizer post) {
        this.pre = pre;
        this.post = post;
    }

    @Operation(summary = "Recommend hardware before deployment, or for a running deployment",
            description = "Pre-deployment (workload fields): every configuration the workload"
                    + " fits, with requirements_met for latency_requirement_ms and"
                    + " throughput_requirement_qps, scores 0-10 (memory, latency, fp16, cost,"
                    + " overall weighted by optimization_priority) and a reason. Post-deployment"
                    + " (current metrics): load and headroom from the metrics, and each"
                    + " configuration's projected latency, memory and cost against the current"
                    + " ones. Optional: hardware_id of the current hardware (its recent p95"
                    + " utilisation is used where the metrics database has samples), the model"
                    + " fields of pre-deployment, top_k (default 3).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = {
                            @ExampleObject(name = "pre-deployment", value = PRE_EXAMPLE),
                            @ExampleObject(name = "post-deployment", value = POST_EXAMPLE)})),
            responses = @ApiResponse(responseCode = "200", content = @Content(
                    examples = @ExampleObject(name = "pre-deployment", value = PRE_RESPONSE))))
    @PostMapping("/api/deployment/post-deployment-optimization")
    Map<String, Object> optimize(@RequestBody JsonNode request) {
        JsonNode body = JsonFields.object(request);
        if (anyPresent(body, PostDeploymentOptimizer.FIELDS)) {
            return post.optimize(body);
        }
        if (anyPresent(body, PreDeploymentOptimizer.FIELDS)) {
            return pre.optimize(body);
        }
        throw ApiException.invalid(List.of(
                new FieldProblem("model_type", "pre-deployment needs workload fields: model_type"
                        + " or model_name (catalog), or parameters_millions and flops_billions"),
                new FieldProblem("current_latency_ms", "post-deployment needs current metrics:"
                        + " current_latency_ms, gpu_usage_percent, cpu_usage_percent ...")));
    }

    private static boolean anyPresent(JsonNode body, List<String> fields) {
        return fields.stream().anyMatch(f -> JsonFields.present(body, f));
    }
}
