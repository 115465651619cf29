package io.modelopt.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SimulationApiTest extends ApiTestBase {

    private static final String PATH = "/api/model/simulate-performance";
    private static final String SPEC_EXAMPLE = """
            {"Model": "BERT", "Framework": "PyTorch", "Total_Parameters_Millions": 109.51,
             "Model_Size_MB": 840.09, "Architecture_type": "BertForMaskedLM",
             "Model_Type": "bert", "Number_of_hidden_Layers": 12, "Precision": "FP32",
             "Vocabulary_Size": 30522, "Number_of_Attention_Layers": 12,
             "Activation_Function": "gelu", "FLOPs": 1024.0}
            """;

    @Test
    void apiSpecExampleAnswersTheTopThreeFastestFirst() {
        Response response = api().postJson(PATH, SPEC_EXAMPLE);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode results = response.json().path("performance_results");
        assertThat(response.json().path("status").asString()).isEqualTo("success");
        assertThat(results.size()).isEqualTo(3);
        for (JsonNode r : results) {
            for (String field : List.of("hardware_id", "hardware", "full_name", "latency_ms",
                    "throughput_qps", "cost_per_1000", "memory_gb", "hardware_memory_gb",
                    "fits", "bottleneck")) {
                assertThat(r.has(field)).as(field).isTrue();
            }
        }
        assertThat(latencies(results)).isSorted();
        assertThat(response.json().path("total_hardware_evaluated").asInt()).isEqualTo(22);
        assertThat(response.json().path("workload").path("precision").asString())
                .isEqualTo("FP32");
    }

    @Test
    void sortByThroughputAndCostAndTopK() {
        String byThroughput = SPEC_EXAMPLE.replace("\"FLOPs\": 1024.0",
                "\"FLOPs\": 1024.0, \"Sort_By\": \"throughput\", \"Top_K\": 5,"
                        + " \"Batch_Size\": 32, \"Runtime\": \"tensorrt\"");
        String byCost = SPEC_EXAMPLE.replace("\"FLOPs\": 1024.0",
                "\"FLOPs\": 1024.0, \"Sort_By\": \"cost\", \"Batch_Size\": 32");

        JsonNode throughput = api().postJson(PATH, byThroughput).json().path("performance_results");
        JsonNode cost = api().postJson(PATH, byCost).json().path("performance_results");

        assertThat(throughput.size()).isEqualTo(5);
        assertThat(values(throughput, "throughput_qps")).isSortedAccordingTo(
                (a, b) -> Double.compare(b, a));
        assertThat(values(cost, "cost_per_1000")).isSorted();
    }

    @Test
    void largeModelLeavesOutTheConfigurationsItDoesNotFit() {
        Response response = api().postJson(PATH, """
                {"Model": "Llama-2-70B", "Precision": "FP16", "Input_Tokens": 1024,
                 "Output_Tokens": 256, "Runtime": "vllm", "Top_K": 50}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("excluded_not_fitting").asInt()).isGreaterThan(5);
        assertThat(body.path("not_fitting_hardware").valueStream().map(JsonNode::asString))
                .contains("T4", "A100-SXM4-80GB");
        assertThat(body.path("performance_results").valueStream()
                .allMatch(r -> r.path("fits").asBoolean())).isTrue();
        assertThat(body.path("performance_results").get(0).path("throughput_tokens_per_s")
                .asDouble()).isPositive();
    }

    @Test
    void unknownModelWithParametersAndFlopsIsEstimated() {
        Response response = api().postJson(PATH, """
                {"Model": "in-house-ranker", "Total_Parameters_Millions": 40, "FLOPs": 8,
                 "Precision": "FP16"}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("performance_results").size()).isEqualTo(3);
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertBadField(SPEC_EXAMPLE.replace("\"FP32\"", "\"FP12\""), "Precision");
        assertBadField(SPEC_EXAMPLE.replace("\"FLOPs\": 1024.0",
                "\"FLOPs\": 1024.0, \"Batch_Size\": -1"), "Batch_Size");
        assertBadField(SPEC_EXAMPLE.replace("\"FLOPs\": 1024.0",
                "\"FLOPs\": 1024.0, \"Sort_By\": \"beauty\""), "Sort_By");
        assertBadField(SPEC_EXAMPLE.replace("\"FLOPs\": 1024.0",
                "\"FLOPs\": 1024.0, \"Runtime\": \"jax\""), "Runtime");
        assertBadField(SPEC_EXAMPLE.replace("109.51", "-5"), "Total_Parameters_Millions");
        assertBadField("{\"Framework\": \"PyTorch\"}", "Model_Type");
        assertBadField("{\"Model\": \"mystery\", \"Total_Parameters_Millions\": 10}", "FLOPs");
    }

    private void assertBadField(String json, String field) {
        Response response = api().postJson(PATH, json);

        assertThat(response.status()).as(json + " -> " + response.body()).isEqualTo(400);
        assertThat(response.errorFields()).as(response.body()).containsExactly(field);
    }

    private static List<Double> latencies(JsonNode results) {
        return values(results, "latency_ms");
    }

    private static List<Double> values(JsonNode results, String field) {
        return results.valueStream().map(r -> r.path(field).asDouble()).toList();
    }
}
