package io.modelopt.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recent-load query the recommendation engine reads. It uses the catalog's last hardware id,
 * which no other test pushes recent samples for.
 */
class RecentLoadQueryTest extends ApiTestBase {

    @Autowired
    private RecentLoadQuery query;

    @Test
    void ninetyFifthPercentilesOverTheWindowAndEmptyWithoutSamples() {
        long hardwareId = api().get("/api/hardware/").json().path("hardware").valueStream()
                .mapToLong(h -> h.path("id").asLong()).max().orElseThrow();
        assertThat(query.recentLoad(hardwareId)).isEmpty();
        List<Map<String, Object>> samples = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 1; i <= 20; i++) {
            samples.add(Map.of("hardware_id", hardwareId, "cpu_usage_percent", i * 5.0,
                    "temperature_gpu", 40.0 + i, "power_consumption_watts", 100.0 * i,
                    "timestamp", now.minusSeconds(20L * i).toString()));
        }
        samples.add(Map.of("hardware_id", hardwareId, "cpu_usage_percent", 1.0,
                "timestamp", now.minus(Duration.ofHours(1)).toString()));
        api().postJson("/api/monitoring/push-metrics-batch", Map.of("metrics_data", samples));

        Optional<RecentLoad> load = query.recentLoad(hardwareId, Duration.ofMinutes(15));

        assertThat(load).isPresent();
        RecentLoad recent = load.get();
        assertThat(recent.sampleCount()).isEqualTo(20);
        // percentile_cont over 5, 10, ..., 100: position 0.95 * 19 = 18.05 between 95 and 100.
        assertThat(recent.p95CpuUsagePercent()).isCloseTo(95.25, within(1e-9));
        assertThat(recent.p95TemperatureGpuCelsius()).isCloseTo(59.05, within(1e-9));
        assertThat(recent.p95PowerConsumptionWatts()).isCloseTo(1905.0, within(1e-9));
        assertThat(recent.p95GpuUsagePercent()).isNull();
        assertThat(recent.window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(query.recentLoad(hardwareId, Duration.ofHours(2)).orElseThrow().sampleCount())
                .isEqualTo(21);
    }
}
