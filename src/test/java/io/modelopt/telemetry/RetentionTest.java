package io.modelopt.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.modelopt.db.MetricsDatabase;
import io.modelopt.support.ApiClient;
import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Partitions and retention, on a service of its own with a retention of 3 days: old samples
 * create their day's partition on demand, partitions exist ahead, and a maintenance run (here
 * as if two days had passed) drops whole expired days with their rollups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionTest {

    private static final Path DATA_DIR = ApiTestBase.freshDataDir("retention");

    @LocalServerPort
    private int port;

    @Autowired
    private PartitionMaintenance maintenance;

    @Autowired
    private MetricsDatabase database;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("modelopt.data-dir", DATA_DIR::toString);
        registry.add("modelopt.telemetry.retention", () -> "3d");
        registry.add("modelopt.telemetry.partition-ahead", () -> "2d");
    }

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void expiredDaysAreDroppedWithTheirRollupsAndRecentDaysKept() {
        Instant old = Instant.now().minus(Duration.ofDays(2)).minus(Duration.ofHours(1));
        Instant recent = Instant.now().minus(Duration.ofMinutes(5));
        LocalDate oldDay = LocalDate.ofInstant(old, ZoneOffset.UTC);
        Response pushedOld = api().postJson("/api/monitoring/push-metrics-batch", """
                {"metrics_data": [{"hardware_id": 1, "cpu_usage_percent": 10, "timestamp": "%s"},
                  {"hardware_id": 1, "cpu_usage_percent": 20, "timestamp": "%s"}]}
                """.formatted(old, recent));
        api().postJson("/api/vm-metrics/push", "{\"VMName\": \"kept\", \"CPUUsage\": 1, "
                + "\"AverageMemoryUsage\": 1, \"timestamp\": \"" + old + "\"}");
        assertThat(pushedOld.status()).isEqualTo(200);
        assertThat(partitionExists("hardware_monitoring_" + day(oldDay))).isTrue();
        assertThat(partitionExists("vm_metrics_" + day(LocalDate.now(ZoneOffset.UTC)
                .plusDays(2)))).as("created ahead").isTrue();

        List<String> dropped = maintenance.run(Instant.now().plus(Duration.ofDays(2)));

        assertThat(dropped).contains("hardware_monitoring_" + day(oldDay),
                "vm_metrics_" + day(oldDay));
        assertThat(partitionExists("hardware_monitoring_" + day(oldDay))).isFalse();
        var summary = api().get("/api/monitoring/metrics-summary?hardware_id=1").json()
                .path("summary");
        assertThat(summary.path("total_records").asInt()).as("rollups of the day are gone")
                .isEqualTo(1);
        assertThat(summary.path("avg_cpu_usage").asDouble()).isEqualTo(20.0);
        assertThat(api().get("/api/monitoring/metrics?hardware_id=1").json().path("count")
                .asInt()).isEqualTo(1);
        assertThat(api().get("/api/vm-metrics/summary").json().path("summary")
                .path("total_records").asInt()).isZero();
    }

    @Test
    void aSampleOlderThanTheRetentionIsRefused() {
        Response response = api().postJson("/api/vm-metrics/push", "{\"VMName\": \"ancient\", "
                + "\"CPUUsage\": 1, \"AverageMemoryUsage\": 1, \"timestamp\": \""
                + Instant.now().minus(Duration.ofDays(4)) + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("timestamp");
        assertThat(response.json().path("detail").asString()).contains("retention of 3 days");
    }

    private boolean partitionExists(String name) {
        return database.jdbc().sql("SELECT count(*) FROM pg_class WHERE relname = :name")
                .param("name", name).query(Integer.class).single() == 1;
    }

    private static String day(LocalDate date) {
        return date.toString().replace("-", "");
    }
}
