package io.modelopt.telemetry;

import io.modelopt.db.MetricsDatabase;
import org.springframework.stereotype.Repository;

/** Reads host process samples and their summaries. Thread-safe. */
@Repository
class ProcessMetricsRepository {

    private static final String ROLLUP_SELECT = """
            SELECT process_name, username, sum(sample_count), sum(cpu_sum), sum(cpu_count),
                   sum(memory_sum), sum(memory_count), sum(gpu_memory_sum),
                   sum(gpu_memory_count), sum(gpu_utilization_sum), sum(gpu_utilization_count)
            FROM host_process_metrics_hourly""";

    private static final String RAW_SELECT = """
            SELECT process_name, username, count(*), sum(cpu_usage_percent::numeric),
                   count(cpu_usage_percent), sum(memory_usage_mb::numeric),
                   count(memory_usage_mb), sum(gpu_memory_usage_mb::numeric),
                   count(gpu_memory_usage_mb), sum(gpu_utilization_percent::numeric),
                   count(gpu_utilization_percent)
            FROM host_process_metrics""";

    private static final String GROUPING = " GROUP BY process_name, username";

    private static final String COMBINE = """
            SELECT coalesce(sum(n), 0) AS total_records,
                   array_agg(DISTINCT process_name ORDER BY process_name)
                       FILTER (WHERE n > 0) AS process_names,
                   array_agg(DISTINCT username ORDER BY username)
                       FILTER (WHERE n > 0 AND username IS NOT NULL) AS usernames,
                   (sum(cpu_sum) / nullif(sum(cpu_n), 0))::float8 AS avg_cpu,
                   (sum(memory_sum) / nullif(sum(memory_n), 0))::float8 AS avg_memory,
                   (sum(gpu_memory_sum) / nullif(sum(gpu_memory_n), 0))::float8 AS avg_gpu_memory,
                   (sum(gpu_util_sum) / nullif(sum(gpu_util_n), 0))::float8 AS avg_gpu_util
            FROM parts""";

    private final MetricsDatabase database;

    ProcessMetricsRepository(MetricsDatabase database) {
        this.database = database;
    }

    Page<ProcessMetricsRow> list(String processName, Long processId, String username,
            TimeWindow window, PageCursor cursor, int limit) {
        SqlFilter filter = new SqlFilter()
                .equal("process_name", "process_name", processName)
                .equal("process_id", "process_id", processId)
                .equal("username", "username", username)
                .atLeast("timestamp", "start", window.start())
                .before("timestamp", "end_exclusive", window.endExclusive())
                .after(cursor);
        String sql = "SELECT id, timestamp, process_name, process_id, username, status, "
                + "cpu_usage_percent, memory_usage_mb, gpu_memory_usage_mb, "
                + "gpu_utilization_percent FROM host_process_metrics" + filter.where()
                + " ORDER BY timestamp DESC, id DESC LIMIT " + (limit + 1);
        var fetched = database.jdbc().sql(sql).params(filter.params())
                .query((rs, n) -> new ProcessMetricsRow(rs.getLong("id"),
                        Rows.instant(rs, "timestamp"), rs.getString("process_name"),
                        rs.getLong("process_id"), rs.getString("username"),
                        rs.getString("status"), Rows.nullableDouble(rs, "cpu_usage_percent"),
                        Rows.nullableDouble(rs, "memory_usage_mb"),
                        Rows.nullableDouble(rs, "gpu_memory_usage_mb"),
                        Rows.nullableDouble(rs, "gpu_utilization_percent")))
                .list();
        return Rows.page(fetched, limit, ProcessMetricsRow::timestamp, ProcessMetricsRow::id);
    }

    ProcessSummary summary(String processName, String username, TimeWindow window) {
        SqlFilter params = new SqlFilter();
        String parts = SummaryPlan.of(window).parts(ROLLUP_SELECT, GROUPING, RAW_SELECT,
                GROUPING, params, f -> f.equal("process_name", "process_name", processName)
                        .equal("username", "username", username));
        String sql = "WITH parts (process_name, username, n, cpu_sum, cpu_n, memory_sum, "
                + "memory_n, gpu_memory_sum, gpu_memory_n, gpu_util_sum, gpu_util_n) AS (\n"
                + parts + "\n)\n" + COMBINE;
        return database.jdbc().sql(sql).params(params.params())
                .query((rs, n) -> new ProcessSummary(rs.getLong("total_records"),
                        Rows.strings(rs, "process_names"), Rows.strings(rs, "usernames"),
                        Rows.nullableDouble(rs, "avg_cpu"), Rows.nullableDouble(rs, "avg_memory"),
                        Rows.nullableDouble(rs, "avg_gpu_memory"),
                        Rows.nullableDouble(rs, "avg_gpu_util")))
                .single();
    }
}
