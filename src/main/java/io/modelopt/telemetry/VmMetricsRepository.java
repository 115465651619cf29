package io.modelopt.telemetry;

import io.modelopt.db.MetricsDatabase;
import org.springframework.stereotype.Repository;

/** Reads VM samples and their summaries. Thread-safe. */
@Repository
class VmMetricsRepository {

    private static final String ROLLUP_SELECT = """
            SELECT vm_name, sum(sample_count), sum(cpu_sum), sum(memory_sum)
            FROM vm_metrics_hourly""";

    private static final String RAW_SELECT = """
            SELECT vm_name, count(*), sum(cpu_usage::numeric),
                   sum(average_memory_usage::numeric)
            FROM vm_metrics""";

    private static final String COMBINE = """
            SELECT coalesce(sum(n), 0) AS total_records,
                   array_agg(DISTINCT vm_name ORDER BY vm_name) FILTER (WHERE n > 0) AS vm_names,
                   (sum(cpu_sum) / nullif(sum(n), 0))::float8 AS avg_cpu_usage,
                   (sum(memory_sum) / nullif(sum(n), 0))::float8 AS avg_memory_usage
            FROM parts""";

    private final MetricsDatabase database;

    VmMetricsRepository(MetricsDatabase database) {
        this.database = database;
    }

    Page<VmMetricsRow> list(String vmName, TimeWindow window, PageCursor cursor, int limit) {
        SqlFilter filter = new SqlFilter()
                .equal("vm_name", "vm_name", vmName)
                .atLeast("timestamp", "start", window.start())
                .before("timestamp", "end_exclusive", window.endExclusive())
                .after(cursor);
        String sql = "SELECT id, timestamp, vm_name, cpu_usage, average_memory_usage "
                + "FROM vm_metrics" + filter.where()
                + " ORDER BY timestamp DESC, id DESC LIMIT " + (limit + 1);
        var fetched = database.jdbc().sql(sql).params(filter.params())
                .query((rs, n) -> new VmMetricsRow(rs.getLong("id"), Rows.instant(rs, "timestamp"),
                        rs.getString("vm_name"), rs.getDouble("cpu_usage"),
                        rs.getDouble("average_memory_usage")))
                .list();
        return Rows.page(fetched, limit, VmMetricsRow::timestamp, VmMetricsRow::id);
    }

    VmSummary summary(String vmName, TimeWindow window) {
        SqlFilter params = new SqlFilter();
        String parts = SummaryPlan.of(window).parts(ROLLUP_SELECT, " GROUP BY vm_name",
                RAW_SELECT, " GROUP BY vm_name", params,
                f -> f.equal("vm_name", "vm_name", vmName));
        String sql = "WITH parts (vm_name, n, cpu_sum, memory_sum) AS (\n" + parts + "\n)\n"
                + COMBINE;
        return database.jdbc().sql(sql).params(params.params())
                .query((rs, n) -> new VmSummary(rs.getLong("total_records"),
                        Rows.strings(rs, "vm_names"), Rows.nullableDouble(rs, "avg_cpu_usage"),
                        Rows.nullableDouble(rs, "avg_memory_usage")))
                .single();
    }
}
