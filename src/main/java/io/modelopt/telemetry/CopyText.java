package io.modelopt.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's COPY text format: tab between columns, newline after each row, {@code \N}
 * for null, backslash escapes in text. Doubles are written as Java prints them, which PostgreSQL
 * reads back to the same double. Not thread-safe: one per batch.
 */
final class CopyText {

    private final StringBuilder text;

    CopyText(int expectedRows) {
        text = new StringBuilder(expectedRows * 160);
    }

    CopyText first(long value) {
        text.append(value);
        return this;
    }

    CopyText add(long value) {
        text.append('\t').append(value);
        return this;
    }

    CopyText add(double value) {
        text.append('\t').append(value);
        return this;
    }

    CopyText add(Double value) {
        text.append('\t');
        if (value == null) {
            text.append("\\N");
        } else {
            text.append(value.doubleValue());
        }
        return this;
    }

    CopyText add(Instant value) {
        text.append('\t').append(value);
        return this;
    }

    CopyText add(String value) {
        text.append('\t');
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    void endRow() {
        text.append('\n');
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
