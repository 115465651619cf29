package io.modelopt.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request when a future completes, from the thread that completes it: 200 with the
 * value as JSON, or the problem detail of an {@link ApiException} (with Retry-After where it has
 * one), as {@link ApiExceptionHandler} would write it.
 *
 * <p>Returning the future from the controller would do the same through Spring MVC, but Spring
 * then dispatches the request a second time through the filter chain and the DispatcherServlet
 * to write the answer, which costs more CPU than a single-sample telemetry push itself. The
 * request thread is released as soon as the handler returns, so a few web-server threads serve
 * many pushes waiting for their group commit.
 *
 * <p>The wait is not bounded here (the servlet timeout is off): whoever completes the future
 * bounds it, as the ingest buffer does with its queue timeout and JDBC timeouts.
 */
@Component
public class AsyncAnswers {

    private static final Logger log = LoggerFactory.getLogger(AsyncAnswers.class);

    private final JsonMapper json;

    AsyncAnswers(JsonMapper json) {
        this.json = json;
    }

    /** Starts asynchronous handling of the request; the handler must return right after. */
    public <T> void answerWhenDone(HttpServletRequest request, HttpServletResponse response,
            CompletableFuture<T> answer) {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        String uri = request.getRequestURI();
        answer.whenComplete((value, error) -> {
            try {
                if (error == null) {
                    write(response, HttpStatus.OK, MediaType.APPLICATION_JSON_VALUE, value);
                } else {
                    writeProblem(response, uri, unwrap(error));
                }
            } catch (IOException | RuntimeException e) {
                // The client went away (or the response broke): there is nobody to answer.
                log.debug("Could not write the answer to {}: {}", uri, e.toString());
            } finally {
                async.complete();
            }
        });
    }

    private void writeProblem(HttpServletResponse response, String uri, Throwable error)
            throws IOException {
        ApiException problem;
        if (error instanceof ApiException api) {
            problem = api;
        } else {
            log.error("Unexpected failure while answering {}; the client got a 500", uri, error);
            problem = new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                    "The service failed unexpectedly; the log has the details.", List.of(),
                    null);
        }
        if (problem.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", problem.getMessage());
        body.put("instance", uri);
        body.put("status", problem.status().value());
        body.put("title", problem.title());
        body.put("errors", problem.errors());
        write(response, problem.status(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
    }

    private void write(HttpServletResponse response, HttpStatus status, String contentType,
            Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status.value());
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }
}
