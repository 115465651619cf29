package io.modelopt.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.modelopt.db.MetricsDatabase;
import org.springframework.stereotype.Repository;

/** Reads hardware monitoring samples and their summaries. Thread-safe. */
@Repository
class HardwareMetricsRepository {

    private static final String ROLLUP_SELECT = """
            SELECT sum(sample_count) AS n, sum(cpu_sum) AS cpu_sum, sum(cpu_count) AS cpu_n,
                   max(cpu_max) AS cpu_max, sum(gpu_sum) AS gpu_sum, sum(gpu_count) AS gpu_n,
                   max(gpu_max) AS gpu_max, sum(memory_sum) AS memory_sum,
                   sum(memory_count) AS memory_n, max(memory_max) AS memory_max,
                   min(earliest) AS earliest, max(latest) AS latest
            FROM hardware_monitoring_hourly""";

    private static final String RAW_SELECT = """
            SELECT count(*), sum(cpu_usage_percent::numeric), count(cpu_usage_percent),
                   max(cpu_usage_percent), sum(gpu_usage_percent::numeric),
                   count(gpu_usage_percent), max(gpu_usage_percent),
                   sum(memory_usage_percent::numeric), count(memory_usage_percent),
                   max(memory_usage_percent), min(timestamp), max(timestamp)
            FROM hardware_monitoring""";

    private static final String COMBINE = """
            SELECT coalesce(sum(n), 0) AS total_records,
                   (sum(cpu_sum) / nullif(sum(cpu_n), 0))::float8 AS avg_cpu_usage,
                   (sum(gpu_sum) / nullif(sum(gpu_n), 0))::float8 AS avg_gpu_usage,
                   (sum(memory_sum) / nullif(sum(memory_n), 0))::float8 AS avg_memory_usage,
                   max(cpu_max) AS max_cpu_usage, max(gpu_max) AS max_gpu_usage,
                   max(memory_max) AS max_memory_usage,
                   min(earliest) AS earliest_timestamp, max(latest) AS latest_timestamp
            FROM parts""";

    private final MetricsDatabase database;

    HardwareMetricsRepository(MetricsDatabase database) {
        this.database = database;
    }

    Page<HardwareMetricsRow> list(Long hardwareId, TimeWindow window, PageCursor cursor,
            int limit) {
        SqlFilter filter = new SqlFilter()
                .equal("hardware_id", "hardware_id", hardwareId)
                .atLeast("timestamp", "start", window.start())
                .before("timestamp", "end_exclusive", window.endExclusive())
                .after(cursor);
        String sql = "SELECT id, hardware_id, cpu_usage_percent, gpu_usage_percent, "
                + "memory_usage_percent, temperature_cpu, temperature_gpu, "
                + "power_consumption_watts, network_usage_mbps, disk_usage_percent, "
                + "additional_metrics::text AS additional_metrics, timestamp "
                + "FROM hardware_monitoring" + filter.where()
                + " ORDER BY timestamp DESC, id DESC LIMIT " + (limit + 1);
        var fetched = database.jdbc().sql(sql).params(filter.params())
                .query(HardwareMetricsRepository::row).list();
        return Rows.page(fetched, limit, HardwareMetricsRow::timestamp, HardwareMetricsRow::id);
    }

    HardwareSummary summary(Long hardwareId, TimeWindow window) {
        SqlFilter params = new SqlFilter();
        String parts = SummaryPlan.of(window).parts(ROLLUP_SELECT, "", RAW_SELECT, "", params,
                f -> f.equal("hardware_id", "hardware_id", hardwareId));
        String sql = "WITH parts (n, cpu_sum, cpu_n, cpu_max, gpu_sum, gpu_n, gpu_max, "
                + "memory_sum, memory_n, memory_max, earliest, latest) AS (\n" + parts + "\n)\n"
                + COMBINE;
        return database.jdbc().sql(sql).params(params.params())
                .query((rs, n) -> new HardwareSummary(
                        rs.getLong("total_records"),
                        Rows.nullableDouble(rs, "avg_cpu_usage"),
                        Rows.nullableDouble(rs, "avg_gpu_usage"),
                        Rows.nullableDouble(rs, "avg_memory_usage"),
                        Rows.nullableDouble(rs, "max_cpu_usage"),
                        Rows.nullableDouble(rs, "max_gpu_usage"),
                        Rows.nullableDouble(rs, "max_memory_usage"),
                        Rows.instant(rs, "earliest_timestamp"),
                        Rows.instant(rs, "latest_timestamp")))
                .single();
    }

    private static HardwareMetricsRow row(ResultSet rs, int n) throws SQLException {
        return new HardwareMetricsRow(
                rs.getLong("id"),
                rs.getLong("hardware_id"),
                Rows.nullableDouble(rs, "cpu_usage_percent"),
                Rows.nullableDouble(rs, "gpu_usage_percent"),
                Rows.nullableDouble(rs, "memory_usage_percent"),
                Rows.nullableDouble(rs, "temperature_cpu"),
                Rows.nullableDouble(rs, "temperature_gpu"),
                Rows.nullableDouble(rs, "power_consumption_watts"),
                Rows.nullableDouble(rs, "network_usage_mbps"),
                Rows.nullableDouble(rs, "disk_usage_percent"),
                rs.getString("additional_metrics"),
                Rows.instant(rs, "timestamp"));
    }
}
