package io.modelopt.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a query, built from the filters a request gave, with named parameters.
 * Column names are constants of the caller; values always travel as parameters (timestamps as
 * {@code OffsetDateTime}, so PostgreSQL compares them without casting a string per row).
 * Not thread-safe: one per query.
 */
final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params;

    SqlFilter() {
        this(new LinkedHashMap<>());
    }

    private SqlFilter(Map<String, Object> params) {
        this.params = params;
    }

    /** A filter with no conditions yet that shares this one's parameters (for UNION parts). */
    SqlFilter sibling() {
        return new SqlFilter(params);
    }

    SqlFilter equal(String column, String param, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + param);
            params.put(param, value);
        }
        return this;
    }

    SqlFilter atLeast(String column, String param, Instant value) {
        if (value != null) {
            conditions.add(column + " >= :" + param);
            params.put(param, Timestamps.sql(value));
        }
        return this;
    }

    SqlFilter before(String column, String param, Instant value) {
        if (value != null) {
            conditions.add(column + " < :" + param);
            params.put(param, Timestamps.sql(value));
        }
        return this;
    }

    /** Rows strictly before the cursor in the order {@code timestamp DESC, id DESC}. */
    SqlFilter after(PageCursor cursor) {
        if (cursor != null) {
            // The plain bound lets the planner prune partitions; the row comparison is exact.
            conditions.add("timestamp <= :cursor_ts"
                    + " AND (timestamp, id) < (:cursor_ts, :cursor_id)");
            params.put("cursor_ts", Timestamps.sql(cursor.timestamp()));
            params.put("cursor_id", cursor.id());
        }
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }
}
