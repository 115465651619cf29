package io.modelopt.catalog;

import java.util.List;
import java.util.Locale;

/**
 * One column of a catalog table as it appears in CSV files: its type and the values it accepts.
 *
 * @param name column name, the same in the CSV header, the table and the JSON
 * @param type how the text is parsed
 * @param required whether an empty cell is an error
 * @param min smallest accepted number, or null
 * @param minExclusive whether {@code min} itself is refused (for "greater than 0")
 * @param max largest accepted number (inclusive), or null
 * @param allowed accepted values of a text column (compared case-insensitively, stored lower
 *     case), or empty for any text
 */
record Column(String name, Type type, boolean required, Double min, boolean minExclusive,
        Double max, List<String> allowed) {

    enum Type { TEXT, INTEGER, DECIMAL }

    static Column text(String name, boolean required) {
        return new Column(name, Type.TEXT, required, null, false, null, List.of());
    }

    static Column oneOf(String name, String... values) {
        return new Column(name, Type.TEXT, true, null, false, null, List.of(values));
    }

    /** A whole number of at least {@code min}. */
    static Column integer(String name, boolean required, double min) {
        return new Column(name, Type.INTEGER, required, min, false, null, List.of());
    }

    /** A number greater than zero. */
    static Column positive(String name, boolean required) {
        return new Column(name, Type.DECIMAL, required, 0.0, true, null, List.of());
    }

    /** A number of at least zero. */
    static Column nonNegative(String name, boolean required) {
        return new Column(name, Type.DECIMAL, required, 0.0, false, null, List.of());
    }

    /**
     * Parses one cell.
     *
     * @return the value, or null for an empty optional cell
     * @throws IllegalArgumentException with a message for the user when the cell is invalid
     */
    Object parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        if (text.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("is required");
            }
            return null;
        }
        return switch (type) {
            case TEXT -> parseText(text);
            case INTEGER -> checkRange(parseInteger(text));
            case DECIMAL -> checkRange(parseDecimal(text));
        };
    }

    private String parseText(String text) {
        if (text.length() > 500) {
            throw new IllegalArgumentException("is longer than 500 characters");
        }
        if (allowed.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new IllegalArgumentException("'" + text + "' is not one of " + allowed);
        }
        return lower;
    }

    private static Integer parseInteger(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    private static Double parseDecimal(String text) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    private <N extends Number> N checkRange(N value) {
        double v = value.doubleValue();
        if (min != null && (v < min || (minExclusive && v == min))) {
            throw new IllegalArgumentException(value + " must be " + (minExclusive
                    ? "greater than " : "at least ") + format(min));
        }
        if (max != null && v > max) {
            throw new IllegalArgumentException(value + " is above the maximum " + format(max));
        }
        return value;
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
