package io.modelopt.performance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PerformanceApiTest extends ApiTestBase {

    private static final String PATH = "/api/performance/estimate";

    @Test
    void catalogModelOnCatalogHardwareByNameAnswersTheWholeEstimate() {
        Response response = api().postJson(PATH, """
                {"model": "llama-2-7b", "hardware": "h100-sxm5-80gb", "precision": "fp16",
                 "batch_size": 8, "input_tokens": 512, "output_tokens": 128, "runtime": "vllm"}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("success");
        assertThat(body.path("hardware").asString()).isEqualTo("H100-SXM5-80GB");
        for (String field : new String[] {"latency_ms", "throughput_qps",
                "throughput_tokens_per_s", "time_to_first_token_ms", "time_per_output_token_ms",
                "memory_gb", "cost_per_1000", "energy_wh_per_1000"}) {
            assertThat(body.path(field).isNumber()).as(field).isTrue();
        }
        assertThat(body.path("fits").asBoolean()).isTrue();
        assertThat(body.path("bottleneck").asString()).isEqualTo("memory_bandwidth");
        assertThat(body.path("batch_size").asInt()).isEqualTo(8);
        JsonNode factors = body.path("breakdown").path("factors");
        assertThat(factors.size()).isGreaterThan(3);
        assertThat(factors.get(0).path("meaning").asString()).isNotBlank();
        assertThat(body.path("workload").path("runtime").asString()).isEqualTo("vllm");
    }

    @Test
    void hardwareByIdAndAutoBatchReportTheChosenBatch() {
        long id = api().get("/api/hardware/").json().path("hardware").valueStream()
                .filter(h -> h.path("name").asString().equals("A100-SXM4-80GB"))
                .findFirst().orElseThrow().path("id").asLong();

        Response response = api().postJson(PATH, "{\"model\": \"Llama-2-7B\", \"hardware\": "
                + id + ", \"batch_size\": \"auto\", \"runtime\": \"tensorrt-llm\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("hardware_id").asLong()).isEqualTo(id);
        assertThat(response.json().path("batch_size").asInt()).isGreaterThan(1);
    }

    @Test
    void inlineModelOnInlineHardwareIsEstimated() {
        Response response = api().postJson(PATH, """
                {"model": {"name": "my-encoder", "family": "encoder", "parameters_millions": 110,
                           "layers": 12, "hidden_size": 768, "attention_heads": 12},
                 "hardware": {"name": "lab-gpu", "architecture": "Ampere",
                              "peak_fp32_tflops": 19.5, "peak_fp16_tflops": 312,
                              "memory_gb": 40, "memory_bandwidth_gbps": 1555,
                              "tdp_watts": 400, "price_usd_per_hour": 1.5},
                 "precision": "fp16", "batch_size": 16, "input_tokens": 128,
                 "runtime": "tensorrt"}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("hardware").asString()).isEqualTo("lab-gpu");
        assertThat(body.path("hardware_id").isNull()).isTrue();
        assertThat(body.path("latency_ms").asDouble()).isPositive();
        assertThat(body.path("throughput_tokens_per_s").isNull()).isTrue();
    }

    @Test
    void inlineHardwareClockAndCacheChangeTheEstimate() {
        String request = """
                {"model": "ResNet-50", "precision": "int8", "batch_size": 1,
                 "runtime": "tensorrt",
                 "hardware": {"name": "lab-gpu", "architecture": "Ada", "peak_int8_tops": 242,
                              "memory_gb": 24, "memory_bandwidth_gbps": 300%s}}
                """;

        Response plain = api().postJson(PATH, request.formatted(""));
        Response cachedAndFast = api().postJson(PATH, request.formatted(
                ", \"gpu_graphics_clock\": 2040, \"last_level_cache_mb\": 48"));

        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(cachedAndFast.status()).as(cachedAndFast.body()).isEqualTo(200);
        assertThat(cachedAndFast.json().path("latency_ms").asDouble())
                .isLessThan(plain.json().path("latency_ms").asDouble());
        assertThat(cachedAndFast.json().path("notes").toString())
                .contains("48 MB last-level cache");
        assertThat(plain.json().path("notes").toString()).doesNotContain("last-level cache");
        assertBadField(request.formatted(", \"last_level_cache_mb\": -1"),
                "hardware.last_level_cache_mb");
    }

    @Test
    void allAnswersOneEstimatePerConfiguration() {
        Response response = api().postJson(PATH,
                "{\"model\": \"BERT-base\", \"hardware\": \"all\", \"batch_size\": 4}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("count").asInt()).isEqualTo(22);
        assertThat(response.json().path("estimates").get(0).path("latency_ms").isNumber())
                .isTrue();
    }

    @Test
    void workloadThatDoesNotFitSaysSoWithNullTimes() {
        Response response = api().postJson(PATH, """
                {"model": "Llama-2-70B", "hardware": "A100-SXM4-80GB", "precision": "fp16"}
                """);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("fits").asBoolean()).isFalse();
        assertThat(body.path("bottleneck").asString()).isEqualTo("capacity");
        assertThat(body.path("latency_ms").isNull()).isTrue();
        assertThat(body.path("memory_gb").asDouble()).isGreaterThan(130);
    }

    @Test
    void fp8OnA100FallsBackAndSaysSo() {
        Response response = api().postJson(PATH, """
                {"model": "Llama-2-7B", "hardware": "A100-SXM4-80GB", "precision": "FP8"}
                """);

        assertThat(response.json().path("precision").asString()).isEqualTo("FP16");
        assertThat(response.json().path("precision_note").asString()).contains("FP8");
    }

    @Test
    void tensorParallelAcrossAnEightGpuConfiguration() {
        Response response = api().postJson(PATH, """
                {"model": "Llama-2-70B", "hardware": "8xH100-SXM5-80GB", "precision": "fp8",
                 "num_gpus": 8, "tensor_parallel": 4, "batch_size": 16, "runtime": "tensorrt-llm"}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("tensor_parallel").asInt()).isEqualTo(4);
        assertThat(response.json().path("replicas").asInt()).isEqualTo(2);
        assertThat(response.json().path("breakdown").path("communication_ms").asDouble())
                .isPositive();
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": \"T4\", \"precision\": \"fp12\"}",
                "precision");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": \"T4\", \"runtime\": \"tf\"}",
                "runtime");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": \"T4\", \"batch_size\": -4}",
                "batch_size");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": \"T4\", \"batch_size\": \"x\"}",
                "batch_size");
        assertBadField("{\"hardware\": \"T4\"}", "model");
        assertBadField("{\"model\": \"no-such-model\", \"hardware\": \"T4\"}", "model");
        assertBadField("{\"model\": \"BERT-base\"}", "hardware");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": \"no-such-gpu\"}", "hardware");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": 999999}", "hardware");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": \"T4\", \"num_gpus\": 2}",
                "num_gpus");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": \"T4\","
                + " \"input_tokens\": \"long\"}", "input_tokens");
        assertBadField("{\"model\": {\"name\": \"x\", \"parameters_millions\": 10},"
                + " \"hardware\": \"T4\"}", "model.family");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": {\"name\": \"x\","
                + " \"memory_gb\": 16}}", "hardware.memory_bandwidth_gbps");
        assertBadField("{\"model\": \"BERT-base\", \"hardware\": {\"memory_gb\": 16,"
                + " \"memory_bandwidth_gbps\": 300, \"tdp_watts\": \"hot\"}}",
                "hardware.tdp_watts");
        assertBadField("{\"model\": {\"family\": \"encoder\", \"parameters_millions\": 10,"
                + " \"layers\": 0}, \"hardware\": \"T4\"}", "model.layers");
        assertBadField("{\"model\": {\"family\": \"moe\", \"parameters_millions\": 10,"
                + " \"experts\": 2, \"active_experts\": 3}, \"hardware\": \"T4\"}",
                "model.active_experts");
        assertBadField("[1, 2]", "body");
    }

    private void assertBadField(String json, String field) {
        Response response = api().postJson(PATH, json);

        assertThat(response.status()).as(json + " -> " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.body()).containsExactly(field);
    }
}
