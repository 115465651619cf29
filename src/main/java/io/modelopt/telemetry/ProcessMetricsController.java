package io.modelopt.telemetry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.modelopt.web.AsyncAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Host process metrics: per-process CPU, memory and GPU samples of a host. */
@RestController
@RequestMapping("/api/host-process-metrics")
@Tag(name = "Host process metrics", description = "Per-process samples of a host")
class ProcessMetricsController {

    private static final String PUSH_EXAMPLE = """
            {"timestamp": "2024-01-15T10:30:00Z", "process_name": "python.exe",
             "process_id": 1234, "username": "admin", "status": "running",
             "cpu_usage_percent": 25.5, "memory_usage_mb": 512.0,
             "gpu_memory_usage_mb": 1024.0, "gpu_utilization_percent": 45.2}""";

    private static final String BATCH_EXAMPLE = """
            {"host_process_metrics": [
              {"timestamp": "2024-01-15T10:30:00Z", "process_name": "chrome.exe",
               "process_id": 5678, "username": "user1", "status": "running",
               "cpu_usage_percent": 15.3, "memory_usage_mb": 1024.0,
               "gpu_memory_usage_mb": 2048.0, "gpu_utilization_percent": 30.1},
              {"timestamp": "2024-01-15T10:30:00Z", "process_name": "firefox.exe",
               "process_id": 9012, "username": "user2", "status": "running",
               "cpu_usage_percent": 20.7, "memory_usage_mb": 768.0,
               "gpu_memory_usage_mb": 1536.0, "gpu_utilization_percent": 35.8}]}""";

    /** The 200 answer, for the API docs: the handler writes it itself (AsyncAnswers). */
    private static final String PUSH_ANSWER = """
            {"success": true, "message": "Host process metrics data pushed successfully",
             "data": {"id": 1, "process_name": "python.exe", "process_id": 1234,
                      "timestamp": "2024-01-15T10:30:00Z"}}""";

    /** The 200 answer, for the API docs: the handler writes it itself (AsyncAnswers). */
    private static final String BATCH_ANSWER = """
            {"success": true,
             "message": "Successfully pushed 2 host process metrics records", "count": 2}""";

    private final SampleValidator validator;
    private final IngestBuffer buffer;
    private final ProcessMetricsRepository metrics;
    private final QueryLimits limits;
    private final AsyncAnswers answers;

    ProcessMetricsController(SampleValidator validator, IngestBuffer buffer,
            ProcessMetricsRepository metrics, QueryLimits limits, AsyncAnswers answers) {
        this.validator = validator;
        this.buffer = buffer;
        this.metrics = metrics;
        this.limits = limits;
        this.answers = answers;
    }

    @Operation(summary = "Push one host process metrics record",
            description = "process_name and process_id are required; percentages 0-100, "
                    + "megabytes not negative. Answers once committed, with the record's id.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(value = PUSH_EXAMPLE))),
            responses = @ApiResponse(responseCode = "200", description = "Committed",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(value = PUSH_ANSWER))))
    @PostMapping("/push")
    void push(@RequestBody ProcessMetricsRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        ProcessSample sample = validator.single(body, validator::process);
        CompletableFuture<Map<String, Object>> reply = buffer.submit(List.of(sample))
                .thenApply(receipt -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("id", receipt.ids()[0]);
                    data.put("process_name", sample.processName());
                    data.put("process_id", sample.processId());
                    data.put("timestamp", sample.timestamp());
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("success", true);
                    answer.put("message", "Host process metrics data pushed successfully");
                    answer.put("data", data);
                    return answer;
                });
        answers.answerWhenDone(request, response, reply);
    }

    @Operation(summary = "Push several host process metrics records",
            description = "At most max-batch-samples (default 10000) records, all or nothing: "
                    + "one bad record rejects the batch with a 400 naming its index and field.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(value = BATCH_EXAMPLE))),
            responses = @ApiResponse(responseCode = "200", description = "Committed",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(value = BATCH_ANSWER))))
    @PostMapping("/push-batch")
    void pushBatch(@RequestBody ProcessMetricsBatchRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        List<ProcessSample> samples = validator.batch(
                body == null ? null : body.hostProcessMetrics(),
                body == null ? null : body.unknownFields(), "host_process_metrics",
                validator::process);
        CompletableFuture<Map<String, Object>> reply = buffer.submit(samples)
                .thenApply(receipt -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("success", true);
                    answer.put("message", "Successfully pushed " + samples.size()
                            + " host process metrics records");
                    answer.put("count", samples.size());
                    return answer;
                });
        answers.answerWhenDone(request, response, reply);
    }

    @Operation(summary = "Get host process metrics with filters",
            description = "Filters process_name, process_id, username, start_time, end_time "
                    + "(inclusive ISO-8601; without an offset UTC). Newest first; limit "
                    + "defaults to 1000, at most 10000; next_cursor fetches the next page.")
    @GetMapping
    Map<String, Object> list(
            @RequestParam(name = "process_name", required = false) String processName,
            @RequestParam(name = "process_id", required = false) Long processId,
            @RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        TimeWindow window = TimeWindow.parse(startTime, endTime);
        Page<ProcessMetricsRow> page = metrics.list(processName, processId, username, window,
                PageCursor.decode(cursor), limits.resolve(limit));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("success", true);
        response.put("data", page.rows());
        response.put("count", page.rows().size());
        response.put("next_cursor", page.nextCursor());
        return response;
    }

    @Operation(summary = "Get summary statistics for host process metrics",
            description = "Filters process_name, username, start_time, end_time. Averages count "
                    + "the samples that report the metric; the lists are sorted.")
    @GetMapping("/summary")
    Map<String, Object> summary(
            @RequestParam(name = "process_name", required = false) String processName,
            @RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("success", true);
        response.put("summary", metrics.summary(processName, username,
                TimeWindow.parse(startTime, endTime)));
        return response;
    }
}
