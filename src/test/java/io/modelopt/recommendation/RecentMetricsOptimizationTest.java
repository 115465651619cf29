package io.modelopt.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.modelopt.support.ApiClient;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Post-deployment reads the load of the current hardware from its recent monitoring samples.
 * Runs on a database of its own, so that no other test's samples fall in the window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecentMetricsOptimizationTest {

    private static final Path DATA_DIR = ApiTestBase.freshDataDir("recent-metrics");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("modelopt.data-dir", DATA_DIR::toString);
    }

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void theP95OfRecentSamplesReplacesTheRequestsSingleSample() {
        long a10 = api().get("/api/hardware/").json().path("hardware").valueStream()
                .filter(h -> h.path("name").asString().equals("A10")).findFirst().orElseThrow()
                .path("id").asLong();
        String request = """
                {"gpu_usage_percent": 30.0, "current_latency_ms": 80.0,
                 "current_throughput_qps": 40.0, "current_memory_gb": 6.0,
                 "optimization_priority": "balanced", "hardware_id": %d}
                """.formatted(a10);

        JsonNode before = api().postJson("/api/deployment/post-deployment-optimization", request)
                .json().path("analysis_summary").path("load");
        pushGpuSamples(a10, 1, 20);
        JsonNode after = api().postJson("/api/deployment/post-deployment-optimization", request)
                .json().path("analysis_summary").path("load");

        assertThat(before.path("utilization_source").asString())
                .contains("no recent samples of hardware " + a10);
        assertThat(before.path("utilization_percent").asDouble()).isEqualTo(30.0);
        assertThat(after.path("utilization_source").asString())
                .startsWith("p95 of 20 samples of hardware " + a10);
        // percentile_cont(0.95) of 5, 10, ... 100 percent: 95.25
        assertThat(after.path("utilization_percent").asDouble()).isEqualTo(95.25);
    }

    private void pushGpuSamples(long hardwareId, int first, int last) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            samples.add(Map.of("hardware_id", hardwareId, "gpu_usage_percent", 5.0 * i,
                    "cpu_usage_percent", 20.0));
        }
        assertThat(api().postJson("/api/monitoring/push-metrics-batch",
                Map.of("metrics_data", samples)).status()).isEqualTo(200);
    }
}
