package io.modelopt.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma separated, fields optionally in double quotes, a doubled quote inside
 * quotes standing for one, line breaks allowed inside quotes, CRLF or LF line ends. A leading
 * byte-order mark is skipped. Blank lines are skipped.
 */
final class CsvReader {

    /**
     * One record and the line of the file it starts on.
     *
     * @param line 1-based line number, counting the header as line 1
     */
    record CsvRecord(int line, List<String> fields) {
    }

    /** The text is not well-formed CSV. */
    static final class CsvFormatException extends IllegalArgumentException {

        private final int line;

        CsvFormatException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private CsvReader() {
    }

    static List<CsvRecord> read(String text) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int recordLine = 1;

        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new CsvFormatException(line,
                            "a quote may only open a field, not stand inside one");
                }
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, fields, field, fieldWasQuoted, recordLine);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new CsvFormatException(recordLine, "a quoted field is never closed");
        }
        endRecord(records, fields, field, fieldWasQuoted, recordLine);
        return records;
    }

    private static void endRecord(List<CsvRecord> records, List<String> fields,
            StringBuilder field, boolean fieldWasQuoted, int line) {
        boolean blank = fields.isEmpty() && field.length() == 0 && !fieldWasQuoted;
        if (blank) {
            return;
        }
        fields.add(field.toString());
        records.add(new CsvRecord(line, List.copyOf(fields)));
    }
}
