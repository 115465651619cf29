package io.modelopt.telemetry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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

/** Hardware monitoring: push, query and summarize samples, and drive the ingest buffer. */
@RestController
@RequestMapping("/api/monitoring")
@Tag(name = "Monitoring", description = "Hardware monitoring samples and the ingest buffer")
class MonitoringController {

    private static final String PUSH_EXAMPLE = """
            {"hardware_id": 1, "cpu_usage_percent": 45.5, "gpu_usage_percent": 78.2,
             "memory_usage_percent": 62.3, "temperature_cpu": 65.0, "temperature_gpu": 72.5,
             "power_consumption_watts": 125.0, "network_usage_mbps": 15.5,
             "disk_usage_percent": 45.2,
             "additional_metrics": {"process_count": 156, "active_connections": 23},
             "timestamp": "2024-01-01T12:00:00Z"}""";

    private static final String BATCH_EXAMPLE = """
            {"metrics_data": [
              {"hardware_id": 1, "cpu_usage_percent": 45.5, "gpu_usage_percent": 78.2,
               "memory_usage_percent": 62.3, "timestamp": "2024-01-01T12:00:00Z"},
              {"hardware_id": 2, "cpu_usage_percent": 32.1, "gpu_usage_percent": 45.8,
               "memory_usage_percent": 58.9, "timestamp": "2024-01-01T12:00:00Z"}]}""";

    /** The 200 answer, for the API docs: the handler writes it itself (AsyncAnswers). */
    private static final String PUSH_ANSWER = """
            {"status": "success", "message": "Metrics data buffered. Buffer size: 0",
             "timestamp": "2024-01-01T12:00:00Z"}""";

    /** The 200 answer, for the API docs: the handler writes it itself (AsyncAnswers). */
    private static final String BATCH_ANSWER = """
            {"status": "success",
             "message": "2 metrics data points buffered. Buffer size: 0", "count": 2}""";

    private final SampleValidator validator;
    private final IngestBuffer buffer;
    private final HardwareMetricsRepository metrics;
    private final QueryLimits limits;
    private final AsyncAnswers answers;

    MonitoringController(SampleValidator validator, IngestBuffer buffer,
            HardwareMetricsRepository metrics, QueryLimits limits, AsyncAnswers answers) {
        this.validator = validator;
        this.buffer = buffer;
        this.metrics = metrics;
        this.limits = limits;
        this.answers = answers;
    }

    @Operation(summary = "Push one metrics data point",
            description = "Answers once the sample is committed to the metrics database. "
                    + "'Buffer size: N' in the message counts the samples of other pushes still "
                    + "waiting to be written at that moment. A missing timestamp means now. "
                    + "503 with Retry-After when the buffer is full or the database is down; "
                    + "nothing is stored then.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(value = PUSH_EXAMPLE))),
            responses = @ApiResponse(responseCode = "200", description = "Committed",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(value = PUSH_ANSWER))))
    @PostMapping("/push-metrics")
    void pushMetrics(@RequestBody HardwareMetricsRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        HardwareSample sample = validator.single(body, validator::hardware);
        CompletableFuture<Map<String, Object>> reply = buffer.submit(List.of(sample))
                .thenApply(receipt -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("status", "success");
                    answer.put("message", "Metrics data buffered. Buffer size: "
                            + receipt.bufferedAfter());
                    answer.put("timestamp", sample.timestamp());
                    return answer;
                });
        answers.answerWhenDone(request, response, reply);
    }

    @Operation(summary = "Push several metrics data points",
            description = "At most modelopt.telemetry.max-batch-samples (default 10000) samples. "
                    + "All or nothing: one bad sample rejects the batch with a 400 naming its "
                    + "index and field (metrics_data[3].cpu_usage_percent), and nothing is "
                    + "stored. Answers once every sample is committed.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(value = BATCH_EXAMPLE))),
            responses = @ApiResponse(responseCode = "200", description = "Committed",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(value = BATCH_ANSWER))))
    @PostMapping("/push-metrics-batch")
    void pushMetricsBatch(@RequestBody HardwareMetricsBatchRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        List<HardwareSample> samples = validator.batch(body == null ? null : body.metricsData(),
                body == null ? null : body.unknownFields(), "metrics_data", validator::hardware);
        CompletableFuture<Map<String, Object>> reply = buffer.submit(samples)
                .thenApply(receipt -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("status", "success");
                    answer.put("message", samples.size() + " metrics data points buffered. Buffer "
                            + "size: " + receipt.bufferedAfter());
                    answer.put("count", samples.size());
                    return answer;
                });
        answers.answerWhenDone(request, response, reply);
    }

    @Operation(summary = "Get metrics data with filters",
            description = "Newest first (timestamp, then id, descending). start_time and "
                    + "end_time are inclusive ISO-8601 date-times; without an offset they are "
                    + "UTC. limit defaults to 1000, at most 10000 (max-query-limit). When more "
                    + "rows match, next_cursor is set: pass it as cursor, with the same "
                    + "filters, for the next page; it is null on the last page.")
    @GetMapping("/metrics")
    Map<String, Object> metrics(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime,
            @RequestParam(name = "hardware_id", required = false) Long hardwareId,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        TimeWindow window = TimeWindow.parse(startTime, endTime);
        int resolved = limits.resolve(limit);
        Page<HardwareMetricsRow> page = metrics.list(hardwareId, window,
                PageCursor.decode(cursor), resolved);
        Map<String, Object> filters = filters(window, hardwareId);
        filters.put("limit", resolved);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("metrics", page.rows());
        response.put("count", page.rows().size());
        response.put("filters", filters);
        response.put("next_cursor", page.nextCursor());
        return response;
    }

    @Operation(summary = "Get summary statistics for metrics data",
            description = "Computed in the database over the filters given: whole hours from "
                    + "the hourly rollups, partial hours at the edges from the raw rows, so the "
                    + "result equals a scan of the raw rows. Averages count only samples that "
                    + "report the metric; they and the maxima are null when none does.")
    @GetMapping("/metrics-summary")
    Map<String, Object> metricsSummary(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime,
            @RequestParam(name = "hardware_id", required = false) Long hardwareId) {
        TimeWindow window = TimeWindow.parse(startTime, endTime);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("summary", metrics.summary(hardwareId, window));
        response.put("filters", filters(window, hardwareId));
        return response;
    }

    @Operation(summary = "Force processing of the buffer now",
            description = "Writes every buffered sample without waiting for the linger and "
                    + "answers how many it wrote (samples_written) and how many the database "
                    + "refused (samples_failed). With a linger of milliseconds the buffer is "
                    + "usually empty already.")
    @PostMapping("/force-process-batch")
    Map<String, Object> forceProcessBatch() {
        IngestBuffer.FlushResult result = buffer.flushNow();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("message", "Processed " + result.written() + " buffered samples");
        response.put("samples_written", result.written());
        response.put("samples_failed", result.failed());
        return response;
    }

    @Operation(summary = "Get the ingest buffer's status",
            description = "buffer_size: samples admitted and not yet committed; "
                    + "last_batch_time: epoch seconds of the last commit (null before the "
                    + "first); time_since_last_batch: seconds since it; batch_interval: the "
                    + "linger in seconds; totals since start-up, where accepted = written + "
                    + "failed + buffer_size and rejected counts samples turned away with 503.")
    @GetMapping("/buffer-status")
    Map<String, Object> bufferStatus() {
        BufferStatus status = buffer.status();
        Instant last = status.lastBatchAt();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("buffer_size", status.bufferedSamples());
        response.put("buffer_capacity", status.capacitySamples());
        response.put("last_batch_time", last == null ? null : seconds(last));
        response.put("time_since_last_batch", last == null ? null
                : seconds(Duration.between(last, Instant.now())));
        response.put("batch_interval", seconds(status.linger()));
        response.put("batch_size", status.batchSize());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("accepted", status.accepted());
        totals.put("written", status.written());
        totals.put("rejected", status.rejected());
        totals.put("failed", status.failed());
        response.put("totals", totals);
        return response;
    }

    private static Map<String, Object> filters(TimeWindow window, Long hardwareId) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("start_time", window.start());
        filters.put("end_time", window.end());
        filters.put("hardware_id", hardwareId);
        return filters;
    }

    /** Epoch seconds with millisecond fraction, written plainly (1704067200.5, not 1.7E9). */
    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    private static BigDecimal seconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.toNanos()).movePointLeft(9)
                .stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }
}
