package io.modelopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.modelopt.support.ApiClient;
import io.modelopt.support.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Test data pushed through the telemetry API before a page is opened. */
final class Seed {

    private Seed() {
    }

    /**
     * The id of the catalog's hardware at that position from the end (0: the last). The UI
     * tests push samples for positions 3 to 5 from the end, each its own: the telemetry tests
     * use the first ten ids and the last one, and a test that reads "the latest samples" of a
     * hardware must be the only one pushing for it.
     */
    static long hardwareIdFromEnd(ApiClient api, int fromEnd) {
        JsonNode hardware = api.get("/api/hardware/").json().path("hardware");
        assertThat(hardware.size()).isGreaterThan(fromEnd);
        return hardware.get(hardware.size() - 1 - fromEnd).path("id").asLong();
    }

    /**
     * Pushes count hardware samples one minute apart, the newest a minute ago; sample(i) gives
     * the metrics of the i-th, 0 being the oldest.
     */
    static void hardwareSamples(ApiClient api, long hardwareId, int count,
            IntFunction<Map<String, Object>> sample) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>(sample.apply(i));
            row.put("hardware_id", hardwareId);
            row.put("timestamp", minutesAgo(count - i).toString());
            samples.add(row);
        }
        accepted(api.postJson("/api/monitoring/push-metrics-batch",
                Map.of("metrics_data", samples)));
    }

    static void vmSamples(ApiClient api, String vmName, int count) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(Map.of("timestamp", minutesAgo(count - i).toString(), "VMName", vmName,
                    "CPUUsage", 20 + i, "AverageMemoryUsage", 4096 + 10 * i));
        }
        accepted(api.postJson("/api/vm-metrics/push-batch", Map.of("vm_metrics", samples)));
    }

    static void processSamples(ApiClient api, String processName, int count) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("timestamp", minutesAgo(count - i).toString());
            row.put("process_name", processName);
            row.put("process_id", 4242);
            row.put("username", "ui-tester");
            row.put("status", "running");
            row.put("cpu_usage_percent", 10.0 + i);
            row.put("memory_usage_mb", 512.0 + i);
            row.put("gpu_memory_usage_mb", 1024.0);
            row.put("gpu_utilization_percent", 30.0 + i);
            samples.add(row);
        }
        accepted(api.postJson("/api/host-process-metrics/push-batch",
                Map.of("host_process_metrics", samples)));
    }

    static Instant minutesAgo(int minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void accepted(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }
}
