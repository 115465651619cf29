package io.modelopt.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure that the API answers with a problem detail of a given status. Thrown by any feature;
 * mapped to HTTP once, in {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String title, String detail,
            List<FieldProblem> errors, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** A 400 naming the one field at fault. */
    public static ApiException badRequest(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    /** A 400 listing every field at fault. */
    public static ApiException invalid(List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors, null);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, List.of(), null);
    }

    /** A 503: the request was not carried out and may be retried after the given delay. */
    public static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail,
                List.of(), retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
