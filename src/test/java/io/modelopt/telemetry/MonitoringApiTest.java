package io.modelopt.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.modelopt.db.MetricsDatabase;
import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The /api/monitoring endpoints over HTTP, on the shared database. */
class MonitoringApiTest extends ApiTestBase {

    @Autowired
    private MetricsDatabase metricsDatabase;

    @Test
    void aPushedSampleIsStoredWithEveryFieldAndAnsweredInTheSpecEnvelope() {
        Instant hour = TestWindows.freshHour();
        String at = hour.plusSeconds(90).toString();

        Response push = api().postJson("/api/monitoring/push-metrics", """
                {"hardware_id": 3, "cpu_usage_percent": 45.5, "gpu_usage_percent": 78.2,
                 "memory_usage_percent": 62.3, "temperature_cpu": 65.0, "temperature_gpu": 72.5,
                 "power_consumption_watts": 125.0, "network_usage_mbps": 15.5,
                 "disk_usage_percent": 45.2,
                 "additional_metrics": {"process_count": 156, "active_connections": 23},
                 "timestamp": "%s"}""".formatted(at));
        JsonNode got = api().get("/api/monitoring/metrics?hardware_id=3&start_time=" + hour
                + "&end_time=" + hour.plusSeconds(3599) + "&limit=100").json();

        assertThat(push.status()).isEqualTo(200);
        assertThat(push.json().path("status").asString()).isEqualTo("success");
        assertThat(push.json().path("message").asString())
                .matches("Metrics data buffered\\. Buffer size: \\d+");
        assertThat(push.json().path("timestamp").asString()).isEqualTo(at);
        assertThat(got.path("status").asString()).isEqualTo("success");
        assertThat(got.path("count").asInt()).isEqualTo(1);
        JsonNode row = got.path("metrics").get(0);
        assertThat(row.path("id").asLong()).isPositive();
        assertThat(row.path("hardware_id").asLong()).isEqualTo(3);
        assertThat(row.path("cpu_usage_percent").asDouble()).isEqualTo(45.5);
        assertThat(row.path("gpu_usage_percent").asDouble()).isEqualTo(78.2);
        assertThat(row.path("memory_usage_percent").asDouble()).isEqualTo(62.3);
        assertThat(row.path("temperature_cpu").asDouble()).isEqualTo(65.0);
        assertThat(row.path("temperature_gpu").asDouble()).isEqualTo(72.5);
        assertThat(row.path("power_consumption_watts").asDouble()).isEqualTo(125.0);
        assertThat(row.path("network_usage_mbps").asDouble()).isEqualTo(15.5);
        assertThat(row.path("disk_usage_percent").asDouble()).isEqualTo(45.2);
        assertThat(row.path("additional_metrics").path("process_count").asInt()).isEqualTo(156);
        assertThat(row.path("timestamp").asString()).isEqualTo(at);
        assertThat(got.path("filters").path("hardware_id").asLong()).isEqualTo(3);
        assertThat(got.path("filters").path("limit").asInt()).isEqualTo(100);
        assertThat(got.path("filters").path("start_time").asString()).isEqualTo(hour.toString());
        assertThat(got.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void aMissingTimestampMeansNowAndATimestampWithoutOffsetIsUtc() {
        Instant before = Instant.now().minusMillis(1);
        Instant hour = TestWindows.freshHour();
        String local = hour.plusSeconds(5).toString().replace("Z", "");

        Response now = api().postJson("/api/monitoring/push-metrics",
                "{\"hardware_id\": 1, \"cpu_usage_percent\": 1}");
        Response utc = api().postJson("/api/monitoring/push-metrics",
                "{\"hardware_id\": 1, \"cpu_usage_percent\": 2, \"timestamp\": \"" + local + "\"}");
        Response offset = api().postJson("/api/monitoring/push-metrics",
                "{\"hardware_id\": 1, \"cpu_usage_percent\": 3, \"timestamp\": \""
                        + hour.plusSeconds(7200 + 10).toString().replace("Z", "+02:00") + "\"}");

        assertThat(Instant.parse(now.json().path("timestamp").asString()))
                .isBetween(before, Instant.now());
        assertThat(utc.json().path("timestamp").asString())
                .isEqualTo(hour.plusSeconds(5).toString());
        assertThat(offset.status()).isEqualTo(200);
        assertThat(offset.json().path("timestamp").asString())
                .isEqualTo(hour.plusSeconds(10).toString());
    }

    @Test
    void aBatchIsStoredWholeAndFiltersSelectByHardwareAndTime() {
        Instant hour = TestWindows.freshHour();
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            samples.add(Map.of("hardware_id", i % 2 == 0 ? 4 : 5, "cpu_usage_percent", i,
                    "timestamp", hour.plusSeconds(60L * i).toString()));
        }

        Response batch = api().postJson("/api/monitoring/push-metrics-batch",
                Map.of("metrics_data", samples));
        JsonNode hw4 = api().get("/api/monitoring/metrics?hardware_id=4&start_time=" + hour
                + "&end_time=" + hour.plusSeconds(3599)).json();
        JsonNode late = api().get("/api/monitoring/metrics?start_time=" + hour.plusSeconds(180)
                + "&end_time=" + hour.plusSeconds(300)).json();

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().path("count").asInt()).isEqualTo(6);
        assertThat(hw4.path("metrics").valueStream().map(m -> m.path("cpu_usage_percent")
                .asDouble())).containsExactly(4.0, 2.0, 0.0);
        assertThat(late.path("metrics").valueStream().map(m -> m.path("cpu_usage_percent")
                .asDouble())).as("inclusive bounds, newest first").containsExactly(5.0, 4.0, 3.0);
    }

    @Test
    void oneBadSampleRejectsTheBatchNamingIndexAndFieldAndStoresNothing() {
        Instant hour = TestWindows.freshHour();
        String body = """
                {"metrics_data": [
                  {"hardware_id": 6, "cpu_usage_percent": 10, "timestamp": "%s"},
                  {"hardware_id": 6, "cpu_usage_percent": 101, "timestamp": "%s"},
                  {"hardware_id": 6, "temperature_gpu": 400, "timestamp": "%s"}]}
                """.formatted(hour, hour.plusSeconds(1), hour.plusSeconds(2));

        Response response = api().postJson("/api/monitoring/push-metrics-batch", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("metrics_data[1].cpu_usage_percent",
                "metrics_data[2].temperature_gpu");
        assertThat(countIn(hour, 6)).isZero();
    }

    @Test
    void badValuesAreRefusedWithTheFieldAndNothingIsStored() {
        Instant hour = TestWindows.freshHour();
        Map<String, String> cases = Map.ofEntries(
                Map.entry("\"gpu_usage_percent\": -1", "gpu_usage_percent"),
                Map.entry("\"memory_usage_percent\": 100.5", "memory_usage_percent"),
                Map.entry("\"disk_usage_percent\": 1e400", "disk_usage_percent"),
                Map.entry("\"temperature_cpu\": -41", "temperature_cpu"),
                Map.entry("\"temperature_gpu\": 151", "temperature_gpu"),
                Map.entry("\"power_consumption_watts\": -0.5", "power_consumption_watts"),
                Map.entry("\"network_usage_mbps\": -3", "network_usage_mbps"),
                Map.entry("\"cpu_usage_precent\": 3", "cpu_usage_precent"),
                Map.entry("\"additional_metrics\": [1, 2]", "additional_metrics"),
                Map.entry("\"additional_metrics\": {\"a\": {\"b\": {\"c\": {\"d\": 1}}}}",
                        "additional_metrics"),
                Map.entry("\"additional_metrics\": {\"blob\": \"" + "x".repeat(5000) + "\"}",
                        "additional_metrics"),
                Map.entry("\"cpu_usage_percent\": \"lots\"", "cpu_usage_percent"));

        cases.forEach((field, expected) -> {
            Response response = api().postJson("/api/monitoring/push-metrics",
                    "{\"hardware_id\": 7, \"timestamp\": \"" + hour + "\", " + field + "}");
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.errorFields()).as(field).contains(expected);
        });
        assertThat(countIn(hour, 7)).isZero();
    }

    @Test
    void hardwareIdMustBeAWholeNumberTheCatalogKnows() {
        Response missing = api().postJson("/api/monitoring/push-metrics",
                "{\"cpu_usage_percent\": 1}");
        Response unknown = api().postJson("/api/monitoring/push-metrics",
                "{\"hardware_id\": 987654, \"cpu_usage_percent\": 1}");
        Response fraction = api().postJson("/api/monitoring/push-metrics",
                "{\"hardware_id\": 1.5, \"cpu_usage_percent\": 1}");
        Response malformed = api().postJson("/api/monitoring/push-metrics", "{\"hardware_id\": ");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("hardware_id");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("message").asString())
                .contains("no hardware with id 987654");
        assertThat(fraction.errorFields()).containsExactly("hardware_id");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void timestampsTooFarAheadOrOlderThanTheRetentionAreRefused() {
        Response future = api().postJson("/api/monitoring/push-metrics",
                "{\"hardware_id\": 1, \"timestamp\": \""
                        + Instant.now().plus(Duration.ofMinutes(10))
                        + "\"}");
        Response old = api().postJson("/api/monitoring/push-metrics",
                "{\"hardware_id\": 1, \"timestamp\": \"" + Instant.now().minus(Duration.ofDays(91))
                        + "\"}");
        Response garbled = api().postJson("/api/monitoring/push-metrics",
                "{\"hardware_id\": 1, \"timestamp\": \"yesterday\"}");

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").get(0).path("message").asString())
                .contains("in the future");
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().path("errors").get(0).path("message").asString())
                .contains("retention");
        assertThat(garbled.errorFields()).containsExactly("timestamp");
    }

    @Test
    void batchEnvelopeMustHoldOneToTheMaximumSamples() {
        StringBuilder big = new StringBuilder("{\"metrics_data\": [");
        for (int i = 0; i <= 10_000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"hardware_id\": 1}");
        }

        Response tooMany = api().postJson("/api/monitoring/push-metrics-batch",
                big.append("]}").toString());
        Response empty = api().postJson("/api/monitoring/push-metrics-batch",
                "{\"metrics_data\": []}");
        Response missing = api().postJson("/api/monitoring/push-metrics-batch", "{}");
        Response nullSample = api().postJson("/api/monitoring/push-metrics-batch",
                "{\"metrics_data\": [null]}");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asString()).contains("at most 10000");
        assertThat(empty.errorFields()).containsExactly("metrics_data");
        assertThat(missing.errorFields()).containsExactly("metrics_data");
        assertThat(nullSample.errorFields()).containsExactly("metrics_data[0]");
    }

    @Test
    void pagingWithTheCursorVisitsEveryRowOnceNewestFirst() {
        Instant hour = TestWindows.freshHour();
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Pairs share a timestamp, so the id decides their order.
            samples.add(Map.of("hardware_id", 8, "cpu_usage_percent", i,
                    "timestamp", hour.plusSeconds(i / 2).toString()));
        }
        api().postJson("/api/monitoring/push-metrics-batch", Map.of("metrics_data", samples));
        String query = "/api/monitoring/metrics?hardware_id=8&limit=10&start_time=" + hour
                + "&end_time=" + hour.plusSeconds(3599);

        List<JsonNode> rows = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api().get(query + (cursor == null ? "" : "&cursor=" + cursor)).json();
            pageSizes.add(page.path("count").asInt());
            page.path("metrics").forEach(rows::add);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.path("id").asLong()));
        assertThat(ids).hasSize(25);
        for (int i = 1; i < rows.size(); i++) {
            Instant previous = Instant.parse(rows.get(i - 1).path("timestamp").asString());
            Instant current = Instant.parse(rows.get(i).path("timestamp").asString());
            assertThat(current).isBeforeOrEqualTo(previous);
            if (current.equals(previous)) {
                assertThat(rows.get(i).path("id").asLong())
                        .isLessThan(rows.get(i - 1).path("id").asLong());
            }
        }
    }

    @Test
    void queryParametersAreCheckedNamingTheParameter() {
        Response reversed = api().get("/api/monitoring/metrics?start_time=2024-01-02T00:00:00Z"
                + "&end_time=2024-01-01T00:00:00Z");
        Response badTime = api().get("/api/monitoring/metrics?end_time=noon");
        Response tooMany = api().get("/api/monitoring/metrics?limit=10001");
        Response zero = api().get("/api/monitoring/metrics?limit=0");
        Response badCursor = api().get("/api/monitoring/metrics?cursor=not-a-cursor");
        Response badId = api().get("/api/monitoring/metrics-summary?hardware_id=x");
        Response reversedSummary = api().get("/api/monitoring/metrics-summary?"
                + "start_time=2024-01-02T00:00:00&end_time=2024-01-01T00:00:00");

        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.errorFields()).containsExactly("start_time");
        assertThat(badTime.errorFields()).containsExactly("end_time");
        assertThat(tooMany.errorFields()).containsExactly("limit");
        assertThat(zero.errorFields()).containsExactly("limit");
        assertThat(badCursor.errorFields()).containsExactly("cursor");
        assertThat(badId.errorFields()).containsExactly("hardware_id");
        assertThat(reversedSummary.errorFields()).containsExactly("start_time");
    }

    @Test
    void summaryOverARangeCuttingHoursEqualsARawScan() {
        Instant start = TestWindows.freshHour().minus(Duration.ofHours(2));
        List<Map<String, Object>> samples = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            // Every 75 s over five hours; odd samples report no GPU.
            Instant t = start.plusSeconds(75L * i);
            double cpu = (i * 37 % 900) / 10.0 + 1.0 / 3;
            double gpu = i % 2 == 0 ? (i * 13 % 1000) / 10.0 : Double.NaN;
            double memory = 100.0 * i / 239;
            var sample = new java.util.HashMap<String, Object>(Map.of("hardware_id", 9,
                    "cpu_usage_percent", cpu, "memory_usage_percent", memory,
                    "timestamp", t.toString()));
            if (!Double.isNaN(gpu)) {
                sample.put("gpu_usage_percent", gpu);
            }
            samples.add(sample);
            values.add(new double[] {t.getEpochSecond(), cpu, gpu, memory});
        }
        Response pushed = api().postJson("/api/monitoring/push-metrics-batch",
                Map.of("metrics_data", samples));
        Instant from = start.plus(Duration.ofMinutes(50));
        Instant to = start.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(10));

        JsonNode summary = api().get("/api/monitoring/metrics-summary?hardware_id=9&start_time="
                + from + "&end_time=" + to).json();
        Map<String, Object> raw = metricsDatabase.jdbc().sql("""
                SELECT count(*) AS n, avg(cpu_usage_percent::numeric)::float8 AS cpu,
                       avg(gpu_usage_percent::numeric)::float8 AS gpu,
                       avg(memory_usage_percent::numeric)::float8 AS memory,
                       max(cpu_usage_percent) AS max_cpu, min(timestamp) AS earliest
                FROM hardware_monitoring
                WHERE hardware_id = 9 AND timestamp >= :from AND timestamp <= :to
                """).param("from", Timestamps.sql(from)).param("to", Timestamps.sql(to))
                .query().singleRow();

        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        JsonNode s = summary.path("summary");
        List<double[]> inRange = values.stream()
                .filter(v -> v[0] >= from.getEpochSecond() && v[0] <= to.getEpochSecond()).toList();
        assertThat(s.path("total_records").asLong()).isEqualTo(inRange.size())
                .isEqualTo(((Number) raw.get("n")).longValue());
        assertThat(s.path("avg_cpu_usage").asDouble()).isEqualTo((Double) raw.get("cpu"))
                .isCloseTo(inRange.stream().mapToDouble(v -> v[1]).average().orElseThrow(),
                        within(1e-9));
        assertThat(s.path("avg_gpu_usage").asDouble()).isEqualTo((Double) raw.get("gpu"))
                .isCloseTo(inRange.stream().filter(v -> !Double.isNaN(v[2]))
                        .mapToDouble(v -> v[2]).average().orElseThrow(), within(1e-9));
        assertThat(s.path("avg_memory_usage").asDouble()).isEqualTo((Double) raw.get("memory"));
        assertThat(s.path("max_cpu_usage").asDouble()).isEqualTo((Double) raw.get("max_cpu"));
        assertThat(Instant.parse(s.path("earliest_timestamp").asString()))
                .isEqualTo(((java.sql.Timestamp) raw.get("earliest")).toInstant());
        assertThat(summary.path("filters").path("hardware_id").asInt()).isEqualTo(9);
    }

    @Test
    void summaryOfAWindowWithinOneHourAndOfAnEmptyWindow() {
        Instant hour = TestWindows.freshHour();
        api().postJson("/api/monitoring/push-metrics-batch", Map.of("metrics_data", List.of(
                Map.of("hardware_id", 10, "cpu_usage_percent", 10, "timestamp",
                        hour.plusSeconds(600).toString()),
                Map.of("hardware_id", 10, "cpu_usage_percent", 30, "timestamp",
                        hour.plusSeconds(1200).toString()))));

        JsonNode within = api().get("/api/monitoring/metrics-summary?hardware_id=10&start_time="
                + hour.plusSeconds(300) + "&end_time=" + hour.plusSeconds(1200)).json();
        JsonNode empty = api().get("/api/monitoring/metrics-summary?hardware_id=10&start_time="
                + hour.plusSeconds(1201) + "&end_time=" + hour.plusSeconds(1500)).json();

        assertThat(within.path("summary").path("total_records").asInt()).isEqualTo(2);
        assertThat(within.path("summary").path("avg_cpu_usage").asDouble()).isEqualTo(20.0);
        assertThat(within.path("summary").path("max_cpu_usage").asDouble()).isEqualTo(30.0);
        assertThat(within.path("summary").path("latest_timestamp").asString())
                .isEqualTo(hour.plusSeconds(1200).toString());
        assertThat(empty.path("summary").path("total_records").asInt()).isZero();
        assertThat(empty.path("summary").path("avg_cpu_usage").isNull()).isTrue();
    }

    @Test
    void bufferStatusAndForceProcessBatchReportTheBuffer() {
        api().postJson("/api/monitoring/push-metrics", "{\"hardware_id\": 2, \"timestamp\": \""
                + TestWindows.freshHour() + "\"}");

        JsonNode status = api().get("/api/monitoring/buffer-status").json();
        JsonNode flushed = api().postEmpty("/api/monitoring/force-process-batch").json();

        assertThat(status.path("status").asString()).isEqualTo("success");
        assertThat(status.path("buffer_size").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(status.path("buffer_capacity").asInt()).isEqualTo(50_000);
        assertThat(status.path("last_batch_time").asDouble())
                .isCloseTo(Instant.now().getEpochSecond(), within(120.0));
        assertThat(status.path("time_since_last_batch").asDouble()).isBetween(0.0, 120.0);
        assertThat(status.path("batch_interval").asDouble()).isEqualTo(0.002);
        JsonNode totals = status.path("totals");
        assertThat(totals.path("written").asLong()).isPositive();
        assertThat(totals.path("accepted").asLong()).isEqualTo(totals.path("written").asLong()
                + totals.path("failed").asLong() + status.path("buffer_size").asLong());
        assertThat(flushed.path("status").asString()).isEqualTo("success");
        assertThat(flushed.path("samples_written").asLong()).isGreaterThanOrEqualTo(0);
    }

    private long countIn(Instant hour, long hardwareId) {
        return api().get("/api/monitoring/metrics-summary?hardware_id=" + hardwareId
                + "&start_time=" + hour + "&end_time=" + hour.plus(Duration.ofHours(1)))
                .json().path("summary").path("total_records").asLong();
    }
}
