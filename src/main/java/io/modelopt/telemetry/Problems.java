package io.modelopt.telemetry;

import java.util.ArrayList;
import java.util.List;

import io.modelopt.web.ApiException;
import io.modelopt.web.FieldProblem;

/**
 * The problems found in one request, each naming its JSON path ({@code metrics_data[3].timestamp}).
 * Keeps the first {@value #MAX_REPORTED}, so a batch of ten thousand bad samples answers a short
 * problem detail. Not thread-safe: one per request.
 */
final class Problems {

    static final int MAX_REPORTED = 100;

    private final List<FieldProblem> problems = new ArrayList<>();
    private int total;

    void add(String path, String message) {
        total++;
        if (problems.size() < MAX_REPORTED) {
            problems.add(new FieldProblem(path, message));
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** Throws the 400 that lists the problems, if there are any. */
    void throwIfAny() {
        if (total == 0) {
            return;
        }
        if (total > problems.size()) {
            problems.add(new FieldProblem("body", (total - problems.size())
                    + " further problems are not listed"));
        }
        throw ApiException.invalid(problems);
    }
}
