package io.modelopt.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.modelopt.db.CatalogDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads CSV into a catalog table: validates the whole file first, then upserts every row by its
 * natural key in one transaction. Loading the same file twice leaves the same rows (the second
 * load reports them unchanged); a rejected file changes nothing.
 */
@Component
class CatalogImporter {

    private static final Logger log = LoggerFactory.getLogger(CatalogImporter.class);

    private final CatalogDatabase database;

    CatalogImporter(CatalogDatabase database) {
        this.database = database;
    }

    ImportResult importCsv(CatalogTable table, String csv, String source) {
        List<Map<String, Object>> rows = CatalogRows.parse(table, csv);
        String sql = upsertSql(table);
        ImportResult result = database.transactions().execute(status -> {
            int inserted = 0;
            int updated = 0;
            for (Map<String, Object> row : rows) {
                List<Boolean> outcome = database.jdbc().sql(sql).params(row)
                        .query(Boolean.class).list();
                if (outcome.isEmpty()) {
                    continue;
                }
                if (outcome.get(0)) {
                    inserted++;
                } else {
                    updated++;
                }
            }
            return new ImportResult(table.name(), source, inserted, updated,
                    rows.size() - inserted - updated);
        });
        log.info("Catalog loaded [table={}, source={}, inserted={}, updated={}, unchanged={}]",
                table.name(), source, result.inserted(), result.updated(), result.unchanged());
        return result;
    }

    ImportResult importBundled(CatalogTable table) {
        return importCsv(table, bundledCsv(table), "bundled");
    }

    boolean isEmpty(CatalogTable table) {
        // The table name is a constant of CatalogTable, never user input.
        return database.jdbc().sql("SELECT NOT EXISTS (SELECT 1 FROM " + table.name() + ")")
                .query(Boolean.class).single();
    }

    static String bundledCsv(CatalogTable table) {
        try (InputStream in = new ClassPathResource(table.bundledResource()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The bundled catalog file " + table.bundledResource()
                    + " is missing from the build", e);
        }
    }

    /**
     * One statement per row: insert, or update only when a value differs. {@code xmax = 0} holds
     * for a freshly inserted tuple, which tells inserts from updates; an unchanged row returns
     * nothing.
     */
    private static String upsertSql(CatalogTable table) {
        List<String> columns = table.columnNames();
        List<String> valueColumns = columns.stream()
                .filter(c -> !table.naturalKey().contains(c)).toList();
        String names = String.join(", ", columns);
        String params = columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        String updates = valueColumns.stream().map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        String current = valueColumns.stream().map(c -> table.name() + "." + c)
                .collect(Collectors.joining(", "));
        String incoming = valueColumns.stream().map(c -> "EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table.name() + " (" + names + ") VALUES (" + params + ")"
                + " ON CONFLICT (" + String.join(", ", table.naturalKey()) + ") DO UPDATE SET "
                + updates + ", updated_at = now()"
                + " WHERE (" + current + ") IS DISTINCT FROM (" + incoming + ")"
                + " RETURNING (xmax = 0)";
    }
}
