package io.modelopt.performance.web;

import java.util.Arrays;
import java.util.function.Supplier;

import io.modelopt.performance.BatchSize;
import io.modelopt.performance.Precision;
import io.modelopt.performance.Runtime;
import io.modelopt.performance.TaskType;
import io.modelopt.web.ApiException;
import io.modelopt.web.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed, range-checked fields of a JSON request. Every failure is a 400 problem detail
 * naming the field and saying what is accepted; absent and null fields give the default.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The body itself, which must be a JSON object. */
    public static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "must be a JSON object");
        }
        return body;
    }

    public static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public static String text(JsonNode node, String field, String fallback) {
        if (!present(node, field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (!value.isString()) {
            throw ApiException.badRequest(field, "must be a string");
        }
        String text = value.stringValue().trim();
        return text.isEmpty() ? fallback : text;
    }

    public static Double number(JsonNode node, String field, double min, double max) {
        if (!present(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw ApiException.badRequest(field, "must be a number");
        }
        double number = value.doubleValue();
        if (!(number >= min && number <= max)) {
            throw ApiException.badRequest(field, "must be between " + plain(min) + " and "
                    + plain(max) + ", was " + plain(number));
        }
        return number;
    }

    public static Integer integer(JsonNode node, String field, int min, int max) {
        if (!present(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() && !(value.isNumber()
                && value.doubleValue() == Math.rint(value.doubleValue()))) {
            throw ApiException.badRequest(field, "must be a whole number");
        }
        double number = value.doubleValue();
        if (number < min || number > max) {
            throw ApiException.badRequest(field, "must be between " + min + " and " + max
                    + ", was " + plain(number));
        }
        return (int) number;
    }

    public static Boolean bool(JsonNode node, String field) {
        if (!present(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw ApiException.badRequest(field, "must be true or false");
        }
        return value.asBoolean();
    }

    public static Precision precision(JsonNode node, String field, Precision fallback) {
        String text = text(node, field, null);
        if (text == null) {
            return fallback;
        }
        try {
            return Precision.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "'" + text + "' is not one of "
                    + Arrays.toString(Precision.values()));
        }
    }

    public static Runtime runtime(JsonNode node, String field, Runtime fallback) {
        String text = text(node, field, null);
        if (text == null) {
            return fallback;
        }
        try {
            return Runtime.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "'" + text + "' is not one of [pytorch,"
                    + " tensorrt, tensorrt-llm, vllm, lmdeploy, onnxruntime]");
        }
    }

    public static TaskType task(JsonNode node, String field) {
        String text = text(node, field, null);
        if (text == null) {
            return TaskType.INFERENCE;
        }
        try {
            return TaskType.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "'" + text + "' is not one of [inference,"
                    + " training]");
        }
    }

    /** A positive whole number, or the string "auto"; absent means batch 1. */
    public static BatchSize batch(JsonNode node, String field) {
        if (!present(node, field)) {
            return BatchSize.of(1);
        }
        JsonNode value = node.get(field);
        if (value.isString() && value.stringValue().trim().equalsIgnoreCase("auto")) {
            return BatchSize.auto();
        }
        if (value.isString()) {
            throw ApiException.badRequest(field, "must be a positive whole number or \"auto\"");
        }
        return BatchSize.of(integer(node, field, 1, 1_000_000));
    }

    /**
     * Reads the fields of a nested object, naming a bad one by its path in the request
     * ({@code hardware.tdp_watts}), not by its name inside the object.
     */
    public static <T> T nested(String path, Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            String prefix = path + ".";
            throw ApiException.invalid(e.errors().stream()
                    .map(p -> p.field().startsWith(prefix) ? p
                            : new FieldProblem(prefix + p.field(), p.message(), p.line()))
                    .toList());
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? Long.toString((long) number) : Double.toString(number);
    }
}
