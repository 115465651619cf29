package io.modelopt.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.modelopt.web.ApiException;
import io.modelopt.web.FieldProblem;

/**
 * Turns CSV text into validated rows of a catalog table, or rejects the whole file with every
 * problem found (line, column, what is wrong), up to {@value #MAX_REPORTED} of them.
 */
final class CatalogRows {

    static final int MAX_REPORTED = 50;
    static final int MAX_ROWS = 10_000;

    private CatalogRows() {
    }

    static List<Map<String, Object>> parse(CatalogTable table, String csv) {
        List<CsvReader.CsvRecord> records;
        try {
            records = CsvReader.read(csv);
        } catch (CsvReader.CsvFormatException e) {
            throw ApiException.invalid(List.of(new FieldProblem("csv", e.getMessage(), e.line())));
        }
        if (records.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldProblem("csv",
                    "is empty; expected a header line naming the columns", 1)));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw ApiException.invalid(List.of(new FieldProblem("csv", "has "
                    + (records.size() - 1) + " rows; at most " + MAX_ROWS + " are accepted")));
        }
        List<String> header = header(table, records.get(0));

        List<FieldProblem> problems = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<List<Object>, Integer> keyLines = new HashMap<>();
        for (CsvReader.CsvRecord record : records.subList(1, records.size())) {
            Map<String, Object> row = parseRow(table, header, record, problems);
            if (row != null) {
                checkUniqueKey(table, row, record.line(), keyLines, problems);
                rows.add(row);
            }
            if (problems.size() >= MAX_REPORTED) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return rows;
    }

    private static List<String> header(CatalogTable table, CsvReader.CsvRecord record) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> header = record.fields().stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (String name : header) {
            if (table.column(name).isEmpty()) {
                problems.add(new FieldProblem(name, "is not a column of " + table.name()
                        + "; the columns are " + table.columnNames(), 1));
            }
        }
        if (Set.copyOf(header).size() != header.size()) {
            problems.add(new FieldProblem("csv", "the header names a column twice", 1));
        }
        for (Column column : table.columns()) {
            if (column.required() && !header.contains(column.name())) {
                problems.add(new FieldProblem(column.name(), "required column is missing", 1));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return header;
    }

    private static Map<String, Object> parseRow(CatalogTable table, List<String> header,
            CsvReader.CsvRecord record, List<FieldProblem> problems) {
        if (record.fields().size() != header.size()) {
            problems.add(new FieldProblem("csv", "has " + record.fields().size()
                    + " fields; the header has " + header.size(), record.line()));
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        int before = problems.size();
        for (Column column : table.columns()) {
            int index = header.indexOf(column.name());
            try {
                row.put(column.name(), column.parse(index < 0 ? null : record.fields().get(index)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(column.name(), e.getMessage(), record.line()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        RowRules.check(table, row, record.line(), problems);
        return problems.size() > before ? null : row;
    }

    private static void checkUniqueKey(CatalogTable table, Map<String, Object> row, int line,
            Map<List<Object>, Integer> keyLines, List<FieldProblem> problems) {
        List<Object> key = table.naturalKey().stream()
                .map(k -> row.get(k) instanceof String s ? s.toLowerCase(Locale.ROOT) : row.get(k))
                .toList();
        Integer first = keyLines.putIfAbsent(key, line);
        if (first != null) {
            problems.add(new FieldProblem(String.join("+", table.naturalKey()),
                    "repeats the row of line " + first + " " + key, line));
        }
    }
}
