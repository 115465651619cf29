package io.modelopt.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelopt.db.Database;

/** Row counts of a database's own tables (those Flyway created, not its history table). */
final class TableCounts {

    private static final String TOP_LEVEL_TABLES = """
            SELECT c.relname FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace
              AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND c.relname <> 'flyway_schema_history'
            ORDER BY c.relname
            """;

    private TableCounts() {
    }

    static Map<String, Long> exact(Database database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables(database)) {
            // Table names come from the catalog of the database itself, not from a request.
            counts.put(table, database.jdbc().sql("SELECT count(*) FROM \"" + table + "\"")
                    .query(Long.class).single());
        }
        return counts;
    }

    /** Planner estimates, summed over partitions; cheap on tables of any size. */
    static Map<String, Long> estimated(Database database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        database.jdbc().sql("""
                SELECT p.relname AS name,
                       coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint AS rows
                FROM pg_class p
                LEFT JOIN pg_inherits i ON i.inhparent = p.oid
                JOIN pg_class c ON c.oid = coalesce(i.inhrelid, p.oid)
                WHERE p.relnamespace = 'public'::regnamespace
                  AND p.relkind IN ('r', 'p') AND NOT p.relispartition
                  AND p.relname <> 'flyway_schema_history'
                GROUP BY p.relname ORDER BY p.relname
                """).query((rs, n) -> counts.put(rs.getString("name"), rs.getLong("rows")))
                .list();
        return counts;
    }

    private static List<String> tables(Database database) {
        return database.jdbc().sql(TOP_LEVEL_TABLES).query(String.class).list();
    }
}
