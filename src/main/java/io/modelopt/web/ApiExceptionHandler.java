package io.modelopt.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure to an RFC 9457 problem detail with a field-level {@code errors} list. Clients
 * never see a stack trace; an unexpected failure is logged here with the request it broke.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return problem(e.status(), e.title(), e.getMessage(), e.errors(), request, headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException e,
            HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type"
                : e.getRequiredType().getSimpleName();
        var error = new FieldProblem(e.getName(),
                "'" + e.getValue() + "' is not a valid " + expected);
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", error.field() + ": "
                + error.message(), List.of(error), request, new HttpHeaders());
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class,
            DataAccessResourceFailureException.class})
    ResponseEntity<Object> handleDatabaseDown(RuntimeException e, HttpServletRequest request) {
        log.warn("Database unavailable while serving {} {}: {}", request.getMethod(),
                request.getRequestURI(), e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "The database did not answer; nothing was changed. Retry shortly.", List.of(),
                request, headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure serving {} {}", request.getMethod(),
                request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The service failed unexpectedly; the failure is logged.", List.of(), request,
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (hasCause(e, RequestBodyLimitFilter.BodyTooLargeException.class)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    e.getMostSpecificCause().getMessage(), List.of(), servletRequest(request),
                    new HttpHeaders());
        }
        FieldProblem error = describeUnreadable(e);
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                error.field() + ": " + error.message(), List.of(error),
                servletRequest(request), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The uploaded file is larger than the service accepts.", List.of(),
                servletRequest(request), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors,
                servletRequest(request), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var error = new FieldProblem(e.getParameterName(), "is required");
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                e.getParameterName() + " is required", List.of(error), servletRequest(request),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Everything else Spring MVC raises (405, 406, 415, 404 for unknown paths ...) keeps
        // its status and gets the same problem shape.
        String detail = e.getMessage();
        if (e instanceof NoResourceFoundException n) {
            detail = "No endpoint " + n.getHttpMethod() + " /" + n.getResourcePath();
        } else if (e instanceof HttpRequestMethodNotSupportedException m) {
            detail = m.getMethod() + " is not supported here; use "
                    + m.getSupportedHttpMethods();
        } else if (e instanceof HttpMediaTypeNotSupportedException t) {
            detail = "Content type " + t.getContentType() + " is not supported; use "
                    + t.getSupportedMediaTypes();
        }
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        return problem(status, status.getReasonPhrase(), detail, List.of(),
                servletRequest(request), headers);
    }

    private static FieldProblem describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson) {
            String path = jsonPath(jackson.getPath());
            String message = jackson.getOriginalMessage();
            if (message != null) {
                // Jackson names Java types and classes; keep the first sentence only.
                int cut = message.indexOf('\n');
                message = cut > 0 ? message.substring(0, cut) : message;
                message = message.replaceAll("\\(class [^)]*\\)", "")
                        .replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "value");
            }
            return new FieldProblem(path.isEmpty() ? "body" : path,
                    message == null ? "could not be read" : message.trim());
        }
        return new FieldProblem("body", "is missing or is not valid JSON");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
            List<FieldProblem> errors, HttpServletRequest request, HttpHeaders headers) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("errors", errors);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
