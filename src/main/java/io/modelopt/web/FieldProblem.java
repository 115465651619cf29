package io.modelopt.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request, as listed in the {@code errors} member of a problem detail.
 *
 * @param field the JSON path, query parameter or CSV column at fault (e.g. {@code metrics_data[3].
 *     cpu_usage_percent})
 * @param message what is wrong and what is accepted
 * @param line the 1-based line of an uploaded CSV file, when the problem is in one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String message, Integer line) {

    public FieldProblem(String field, String message) {
        this(field, message, null);
    }
}
