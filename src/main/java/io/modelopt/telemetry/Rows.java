package io.modelopt.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.function.Function;

/** Reading helpers shared by the telemetry queries. Thread-safe (stateless). */
final class Rows {

    private Rows() {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    /** Cuts the extra row fetched to learn whether another page follows. */
    static <T> Page<T> page(List<T> fetched, int limit, Function<T, Instant> timestamp,
            ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> rows = fetched.subList(0, limit);
        T last = rows.get(limit - 1);
        return new Page<>(List.copyOf(rows),
                new PageCursor(timestamp.apply(last), id.applyAsLong(last)).encode());
    }
}
