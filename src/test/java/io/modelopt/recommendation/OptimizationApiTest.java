package io.modelopt.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OptimizationApiTest extends ApiTestBase {

    private static final String PATH = "/api/deployment/post-deployment-optimization";
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

    @Test
    void preDeploymentExampleRanksConfigurationsMeetingTheRequirementsFirst() {
        Response response = api().postJson(PATH, PRE_EXAMPLE);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("workflow_type").asString()).isEqualTo("pre_deployment");
        JsonNode first = body.path("optimization_results").get(0);
        assertThat(first.path("optimization_scores").path("overall_score").asDouble())
                .isBetween(0.0, 10.0);
        for (String score : List.of("memory_score", "latency_score", "fp16_score",
                "cost_score", "overall_score")) {
            assertThat(first.path("optimization_scores").has(score)).as(score).isTrue();
        }
        assertThat(first.path("requirements_met").path("latency_requirement").asBoolean())
                .isTrue();
        assertThat(first.path("projected_performance").path("fp16_support").asBoolean())
                .isTrue();
        assertThat(first.path("reason").asString()).startsWith("Meets the requirements");
        assertThat(body.path("analysis_summary").path("workload_requirements")
                .path("batch_size").asInt()).isEqualTo(32);
    }

    @Test
    void preDeploymentPriorityChangesTheWeights() {
        JsonNode cost = api().postJson(PATH, PRE_EXAMPLE.replace("\"balanced\"", "\"cost\""))
                .json();

        assertThat(cost.path("analysis_summary").path("score_weights").path("cost").asDouble())
                .isEqualTo(0.55);
    }

    @Test
    void postDeploymentExampleInfersTheLoadAndRanksWithReasons() {
        Response response = api().postJson(PATH, POST_EXAMPLE);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("workflow_type").asString()).isEqualTo("post_deployment");
        JsonNode load = body.path("analysis_summary").path("load");
        assertThat(load.path("state").asString()).startsWith("near saturation");
        assertThat(load.path("estimated_capacity_qps").asDouble()).isBetween(29.0, 31.0);
        JsonNode first = body.path("optimization_results").get(0);
        assertThat(first.has("current_vs_projected")).isTrue();
        assertThat(first.path("reason").asString()).isNotBlank();
        assertThat(body.path("analysis_summary").path("current_performance_baseline")
                .path("latency_ms").asDouble()).isEqualTo(150.0);
    }

    @Test
    void postDeploymentWithCurrentHardwareAndModelProjectsAnchoredLatency() {
        long t4 = idOf("T4");
        String request = POST_EXAMPLE.replace("\"optimization_priority\": \"balanced\"",
                "\"optimization_priority\": \"latency\", \"hardware_id\": " + t4
                        + ", \"model_type\": \"bert\", \"batch_size\": 4, \"top_k\": 22,"
                        + " \"runtime\": \"tensorrt\"");

        JsonNode body = api().postJson(PATH, request).json();

        JsonNode results = body.path("optimization_results");
        assertThat(body.path("analysis_summary").path("projection_basis").asString())
                .contains("scaled to the measured");
        JsonNode current = results.valueStream()
                .filter(r -> r.path("is_current").asBoolean()).findFirst().orElseThrow();
        assertThat(current.path("projected_performance").path("latency_ms").asDouble())
                .isCloseTo(150.0, org.assertj.core.data.Offset.offset(0.01));
        JsonNode fastest = results.get(0);
        assertThat(fastest.path("current_vs_projected").path("latency_improvement_percent")
                .asDouble()).isPositive();
    }

    @Test
    void postDeploymentOfAnEagerModelSaysTheRuntimeMattersMoreThanHardware() {
        String request = POST_EXAMPLE.replace("\"optimization_priority\": \"balanced\"",
                "\"hardware_id\": " + idOf("A10") + ", \"model_type\": \"bert\"");

        JsonNode first = api().postJson(PATH, request).json().path("optimization_results").get(0);

        assertThat(first.path("reason").asString()).contains("framework overhead");
    }

    @Test
    void bodyMatchingNeitherWorkflowNamesWhatIsMissing() {
        Response response = api().postJson(PATH, "{\"optimization_priority\": \"balanced\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("model_type", "current_latency_ms");
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertBadField(POST_EXAMPLE.replace("85.2", "185.2"), "gpu_usage_percent");
        assertBadField(POST_EXAMPLE.replace("\"balanced\"", "\"cost\""),
                "optimization_priority");
        assertBadField(POST_EXAMPLE.replace("\"balanced\"", "\"speed\""),
                "optimization_priority");
        assertBadField(POST_EXAMPLE.replace("\"optimization_priority\": \"balanced\"",
                "\"hardware_id\": 999999"), "hardware_id");
        assertBadField(PRE_EXAMPLE.replace("\"batch_size\": 32", "\"batch_size\": 0"),
                "batch_size");
        assertBadField(PRE_EXAMPLE.replace("100.0", "-1"), "latency_requirement_ms");
        assertBadField(PRE_EXAMPLE.replace("\"inference\"", "\"serving\""), "task_type");
        assertBadField("{\"latency_requirement_ms\": 50}", "model_type");
    }

    @Test
    void openApiDocumentsTheEndpointsWithTheApiSpecExamples() {
        JsonNode paths = api().get("/v3/api-docs").json().path("paths");

        assertThat(paths.has("/api/performance/estimate")).isTrue();
        assertThat(paths.has("/api/model/simulate-performance")).isTrue();
        String optimization = paths.path(PATH).toString();
        assertThat(optimization).contains("pre-deployment", "post-deployment",
                "current_latency_ms", "latency_requirement_ms");
        assertThat(paths.path("/api/model/simulate-performance").toString())
                .contains("Total_Parameters_Millions", "BertForMaskedLM");
    }

    private long idOf(String name) {
        return api().get("/api/hardware/").json().path("hardware").valueStream()
                .filter(h -> h.path("name").asString().equals(name))
                .findFirst().orElseThrow().path("id").asLong();
    }

    private void assertBadField(String json, String field) {
        Response response = api().postJson(PATH, json);

        assertThat(response.status()).as(json + " -> " + response.body()).isEqualTo(400);
        assertThat(response.errorFields()).as(response.body()).containsExactly(field);
    }
}
