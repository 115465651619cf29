package io.modelopt.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The /api/vm-metrics and /api/host-process-metrics endpoints, on the shared database. */
class VmAndProcessMetricsApiTest extends ApiTestBase {

    @Test
    void vmPushTakesPascalCaseAndAnswersSnakeCaseWithTheId() {
        String vm = unique("vm");
        Instant at = TestWindows.freshHour().plusSeconds(30);

        Response push = api().postJson("/api/vm-metrics/push", """
                {"timestamp": "%s", "VMName": "%s", "CPUUsage": 75, "AverageMemoryUsage": 8192}
                """.formatted(at, vm));
        JsonNode list = api().get("/api/vm-metrics?vm_name=" + vm).json();

        assertThat(push.status()).isEqualTo(200);
        assertThat(push.json().path("success").asBoolean()).isTrue();
        assertThat(push.json().path("message").asString())
                .isEqualTo("VM metrics data pushed successfully");
        JsonNode data = push.json().path("data");
        assertThat(data.path("vm_name").asString()).isEqualTo(vm);
        assertThat(data.path("timestamp").asString()).isEqualTo(at.toString());
        assertThat(list.path("success").asBoolean()).isTrue();
        assertThat(list.path("count").asInt()).isEqualTo(1);
        JsonNode row = list.path("data").get(0);
        assertThat(row.path("id").asLong()).isEqualTo(data.path("id").asLong());
        assertThat(row.path("vm_name").asString()).isEqualTo(vm);
        assertThat(row.path("cpu_usage").asDouble()).isEqualTo(75.0);
        assertThat(row.path("average_memory_usage").asDouble()).isEqualTo(8192.0);
        assertThat(row.path("timestamp").asString()).isEqualTo(at.toString());
    }

    @Test
    void vmBatchIsAllOrNothingAndSummaryListsNamesAndAverages() {
        String a = unique("vm-a");
        String b = unique("vm-b");
        Instant hour = TestWindows.freshHour();
        String good = batch(vm(a, 75, 8192, hour), vm(b, 60, 4096, hour.plusSeconds(60)),
                vm(a, 45, 2048, hour.plusSeconds(120)));
        String bad = batch(vm(a, 10, 10, hour.plusSeconds(200)), vm(b, 120, 10, hour),
                "{\"VMName\": \"\", \"CPUUsage\": 1, \"AverageMemoryUsage\": -1}");

        Response rejected = api().postJson("/api/vm-metrics/push-batch", bad);
        Response accepted = api().postJson("/api/vm-metrics/push-batch", good);
        JsonNode onlyA = api().get("/api/vm-metrics/summary?vm_name=" + a).json();
        JsonNode both = api().get("/api/vm-metrics/summary?start_time=" + hour + "&end_time="
                + hour.plusSeconds(3599)).json();
        JsonNode windowed = api().get("/api/vm-metrics?vm_name=" + a + "&start_time="
                + hour.plusSeconds(1) + "&end_time=" + hour.plusSeconds(3599)).json();

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorFields()).containsExactly("vm_metrics[1].CPUUsage",
                "vm_metrics[2].VMName", "vm_metrics[2].AverageMemoryUsage");
        assertThat(accepted.json().path("message").asString())
                .isEqualTo("Successfully pushed 3 VM metrics records");
        assertThat(accepted.json().path("count").asInt()).isEqualTo(3);
        assertThat(onlyA.path("summary").path("total_records").asInt()).isEqualTo(2);
        assertThat(onlyA.path("summary").path("avg_cpu_usage").asDouble()).isEqualTo(60.0);
        assertThat(onlyA.path("summary").path("avg_memory_usage").asDouble()).isEqualTo(5120.0);
        assertThat(both.path("summary").path("vm_names").valueStream().map(JsonNode::asString))
                .containsExactly(a, b);
        assertThat(both.path("summary").path("total_records").asInt()).isEqualTo(3);
        assertThat(windowed.path("count").asInt()).isEqualTo(1);
    }

    @Test
    void vmPushRefusesMissingAndMisspeltFields() {
        Response missing = api().postJson("/api/vm-metrics/push", "{\"VMName\": \"x\"}");
        Response snake = api().postJson("/api/vm-metrics/push",
                "{\"vm_name\": \"x\", \"CPUUsage\": 1, \"AverageMemoryUsage\": 1}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("CPUUsage", "AverageMemoryUsage");
        assertThat(snake.errorFields()).containsExactly("vm_name", "VMName");
    }

    @Test
    void processPushIsStoredAndEachFilterSelects() {
        String name = unique("python") + ".exe";
        Instant hour = TestWindows.freshHour();

        Response push = api().postJson("/api/host-process-metrics/push", """
                {"timestamp": "%s", "process_name": "%s", "process_id": 1234,
                 "username": "admin", "status": "running", "cpu_usage_percent": 25.5,
                 "memory_usage_mb": 512.0, "gpu_memory_usage_mb": 1024.0,
                 "gpu_utilization_percent": 45.2}""".formatted(hour, name));
        Response batch = api().postJson("/api/host-process-metrics/push-batch",
                "{\"host_process_metrics\": ["
                        + process(name, 99, "user1", 15.0, hour.plusSeconds(5))
                        + "," + process(name, 1234, "user2", 35.0, hour.plusSeconds(10)) + "]}");
        JsonNode all = api().get("/api/host-process-metrics?process_name=" + name).json();
        JsonNode byPid = api().get("/api/host-process-metrics?process_name=" + name
                + "&process_id=1234").json();
        JsonNode byUser = api().get("/api/host-process-metrics?process_name=" + name
                + "&username=user1").json();
        JsonNode windowed = api().get("/api/host-process-metrics?process_name=" + name
                + "&start_time=" + hour.plusSeconds(6) + "&limit=5").json();

        assertThat(push.status()).isEqualTo(200);
        assertThat(push.json().path("success").asBoolean()).isTrue();
        assertThat(push.json().path("message").asString())
                .isEqualTo("Host process metrics data pushed successfully");
        assertThat(push.json().path("data").path("process_name").asString()).isEqualTo(name);
        assertThat(push.json().path("data").path("process_id").asLong()).isEqualTo(1234);
        assertThat(batch.json().path("message").asString())
                .isEqualTo("Successfully pushed 2 host process metrics records");
        assertThat(all.path("count").asInt()).isEqualTo(3);
        JsonNode oldest = all.path("data").get(2);
        assertThat(oldest.path("username").asString()).isEqualTo("admin");
        assertThat(oldest.path("status").asString()).isEqualTo("running");
        assertThat(oldest.path("cpu_usage_percent").asDouble()).isEqualTo(25.5);
        assertThat(oldest.path("memory_usage_mb").asDouble()).isEqualTo(512.0);
        assertThat(oldest.path("gpu_memory_usage_mb").asDouble()).isEqualTo(1024.0);
        assertThat(oldest.path("gpu_utilization_percent").asDouble()).isEqualTo(45.2);
        assertThat(byPid.path("count").asInt()).isEqualTo(2);
        assertThat(byUser.path("count").asInt()).isEqualTo(1);
        assertThat(windowed.path("count").asInt()).isEqualTo(1);
    }

    @Test
    void processSummaryFiltersByNameAndUserAndListsBoth() {
        String name = unique("trainer");
        Instant hour = TestWindows.freshHour();
        api().postJson("/api/host-process-metrics/push-batch", "{\"host_process_metrics\": ["
                + process(name, 1, "alice", 10.0, hour) + ","
                + process(name, 2, "bob", 30.0, hour.plusSeconds(4000)) + ","
                + process(name, 3, "bob", 50.0, hour.plusSeconds(8000)) + "]}");

        JsonNode all = api().get("/api/host-process-metrics/summary?process_name=" + name).json();
        JsonNode bob = api().get("/api/host-process-metrics/summary?process_name=" + name
                + "&username=bob&start_time=" + hour.plusSeconds(1800)).json();

        JsonNode summary = all.path("summary");
        assertThat(all.path("success").asBoolean()).isTrue();
        assertThat(summary.path("total_records").asInt()).isEqualTo(3);
        assertThat(summary.path("process_names").valueStream().map(JsonNode::asString))
                .containsExactly(name);
        assertThat(summary.path("usernames").valueStream().map(JsonNode::asString))
                .containsExactly("alice", "bob");
        assertThat(summary.path("avg_cpu_usage_percent").asDouble()).isEqualTo(30.0);
        // 10/3 and its kin: equal to avg(value::numeric), within 1e-9 of the decimal average.
        assertThat(summary.path("avg_memory_usage_mb").asDouble())
                .isCloseTo(100.0, within(1e-9));
        assertThat(summary.path("avg_gpu_memory_usage_mb").asDouble())
                .isCloseTo(200.0, within(1e-9));
        assertThat(summary.path("avg_gpu_utilization_percent").asDouble())
                .isCloseTo(5.0, within(1e-9));
        assertThat(bob.path("summary").path("total_records").asInt()).isEqualTo(2);
        assertThat(bob.path("summary").path("avg_cpu_usage_percent").asDouble()).isEqualTo(40.0);
    }

    @Test
    void processBatchNamesTheBadIndexAndStoresNothing() {
        String name = unique("bad");
        Instant hour = TestWindows.freshHour();

        Response response = api().postJson("/api/host-process-metrics/push-batch",
                "{\"host_process_metrics\": [" + process(name, 1, "u", 10.0, hour)
                        + ", {\"process_name\": \"" + name + "\", \"process_id\": -4, "
                        + "\"gpu_utilization_percent\": 140}]}");
        Response unknownEnvelope = api().postJson("/api/host-process-metrics/push-batch",
                "{\"metrics\": []}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("host_process_metrics[1].process_id",
                "host_process_metrics[1].gpu_utilization_percent");
        assertThat(api().get("/api/host-process-metrics?process_name=" + name).json()
                .path("count").asInt()).isZero();
        assertThat(unknownEnvelope.errorFields()).containsExactly("metrics");
    }

    @Test
    void vmAndProcessQueriesPageWithTheCursor() {
        String vm = unique("paged");
        Instant hour = TestWindows.freshHour();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            samples.add(vm(vm, i, i, hour.plusSeconds(i)));
        }
        api().postJson("/api/vm-metrics/push-batch", batch(samples.toArray(String[]::new)));

        JsonNode first = api().get("/api/vm-metrics?vm_name=" + vm + "&limit=4").json();
        JsonNode second = api().get("/api/vm-metrics?vm_name=" + vm + "&limit=4&cursor="
                + first.path("next_cursor").asString()).json();
        Response badRange = api().get("/api/vm-metrics/summary?start_time=2024-02-01T00:00:00"
                + "&end_time=2024-01-01T00:00:00");
        Response badPid = api().get("/api/host-process-metrics?process_id=abc");

        assertThat(first.path("data").valueStream().map(r -> r.path("cpu_usage").asInt()))
                .containsExactly(6, 5, 4, 3);
        assertThat(second.path("data").valueStream().map(r -> r.path("cpu_usage").asInt()))
                .containsExactly(2, 1, 0);
        assertThat(second.path("next_cursor").isNull()).isTrue();
        assertThat(badRange.errorFields()).containsExactly("start_time");
        assertThat(badPid.errorFields()).containsExactly("process_id");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String vm(String name, double cpu, double memory, Instant at) {
        return "{\"timestamp\": \"" + at + "\", \"VMName\": \"" + name + "\", \"CPUUsage\": "
                + cpu + ", \"AverageMemoryUsage\": " + memory + "}";
    }

    private static String batch(String... samples) {
        return "{\"vm_metrics\": [" + String.join(",", samples) + "]}";
    }

    private static String process(String name, long pid, String user, double cpu, Instant at) {
        return new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of(
                "timestamp", at.toString(), "process_name", name, "process_id", pid,
                "username", user, "status", "running", "cpu_usage_percent", cpu,
                "memory_usage_mb", cpu * 10 / 3, "gpu_memory_usage_mb", cpu * 20 / 3,
                "gpu_utilization_percent", cpu / 6));
    }
}
